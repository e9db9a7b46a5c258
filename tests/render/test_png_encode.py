"""Our PNG encoder (render.png_encode, issue 14) against Qt's: the same pixels to the
last bit, the dpi kept so a card prints at its real size, the exact pixel size."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from personadesigner.render.png import png_bytes, render_png
from personadesigner.render.png_encode import encode_png

pytestmark = pytest.mark.gui


def _qt_png(image) -> bytes:
    """The old way: QImage.save through Qt's own PNG writer."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _decoded(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def _sample_card():
    from personadesigner.core.layout import layout
    from personadesigner.samples import sample_personas

    persona = max(sample_personas(), key=lambda p: len(p.story) + sum(map(len, p.goals)))
    return layout(persona, "card", "classic")


@pytest.mark.parametrize("dpi", [300, 97, 35])  # 97 and 35 dpi: odd widths, rows Qt pads
def test_a_card_decodes_to_exactly_the_pixels_qt_wrote(qapp, dpi):
    image = render_png(_sample_card(), dpi=dpi)
    ours, qts = _decoded(png_bytes(image)), _decoded(_qt_png(image))
    assert ours.size == qts.size == (image.width(), image.height())
    assert ours.mode == "RGB"
    assert ours.tobytes() == qts.convert("RGB").tobytes()


def test_the_dpi_and_the_exact_size_are_in_the_file(qapp):
    png = png_bytes(render_png(_sample_card(), dpi=300))
    image = _decoded(png)
    assert image.size == (round(105 / 25.4 * 300), round(148 / 25.4 * 300)) == (1240, 1748)  # `card` is A6
    assert tuple(round(v) for v in image.info["dpi"]) == (300, 300)
    at = png.index(b"pHYs")
    x, y, unit = struct.unpack(">IIB", png[at + 4 : at + 13])
    assert (x, y, unit) == (round(300 / 0.0254), round(300 / 0.0254), 1)  # dots per metre


def test_transparent_pixels_keep_their_alpha_as_qt_wrote_them(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(37, 21, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(200, 40, 90, 160))
    painter.drawEllipse(3, 2, 30, 17)
    painter.end()
    ours, qts = _decoded(png_bytes(image)), _decoded(_qt_png(image))
    assert ours.mode == "RGBA"
    assert ours.tobytes() == qts.convert("RGBA").tobytes()
    assert ours.getpixel((0, 0))[3] == 0 and ours.getpixel((18, 10))[3] == 160


def test_padded_rows_are_written_without_their_padding():
    # 3 x 2 RGB pixels in rows padded to 12 bytes (as Qt pads to 4-byte multiples)
    rows = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90, 9, 9, 9])
    image = _decoded(encode_png(rows, 3, 2, stride=12, dots_per_metre=(3937, 3937)))
    assert image.size == (3, 2)
    assert [image.getpixel((x, y)) for y in range(2) for x in range(3)] == [
        (255, 0, 0),
        (0, 255, 0),
        (0, 0, 255),
        (10, 20, 30),
        (40, 50, 60),
        (70, 80, 90),
    ]
    assert tuple(round(v) for v in image.info["dpi"]) == (100, 100)


def test_the_file_is_a_valid_png_every_strict_reader_accepts():
    png = encode_png(bytes(range(256)) * 3, 16, 16)  # 16 x 16 RGB
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at = 8
    kinds = []
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        data = png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        kinds.append(kind)
        at += 12 + length
    assert kinds == [b"IHDR", b"IDAT", b"IEND"]
    assert _decoded(png).tobytes() == bytes(range(256)) * 3
