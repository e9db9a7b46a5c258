"""PNG export: a card (or a planned sheet) rendered by the Qt painter at a given dpi.

The pixel size is exact (round(points / 72 * dpi)) and the dpi is stored in the
file, so a 300 dpi PNG prints at the card's real size.
"""

from __future__ import annotations

import math
import os

from personadesigner.core.cardlayout import CardLayout
from personadesigner.errors import UserError
from personadesigner.render.sheet import Sheet, trim_sheet

#: Keeps the application we create alive for the rest of the process.
_APP: list = []


def ensure_gui_app():
    """The running Qt application, or a new offscreen one (the CLI has no window).

    A QApplication rather than a bare QGuiApplication: Qt allows one application
    per process, and a later widget (the app, a test) needs the widgets kind.
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        _APP.append(app)
    return app


#: The most memory one rendered page may take (4 bytes a pixel), so a poster at a high dpi
#: is refused before rendering instead of exhausting the machine's memory.
MAX_IMAGE_BYTES = 1 << 30


def pixel_size(width_pt: float, height_pt: float, dpi: float) -> tuple[int, int]:
    return max(1, round(width_pt / 72.0 * dpi)), max(1, round(height_pt / 72.0 * dpi))


def check_image_size(width_pt: float, height_pt: float, dpi: float) -> None:
    """UserError when a page of this size at ``dpi`` needs more than MAX_IMAGE_BYTES to render."""
    width, height = pixel_size(width_pt, height_pt, dpi)
    need = width * height * 4
    if need <= MAX_IMAGE_BYTES:
        return
    fit = max(1, math.floor(dpi * math.sqrt(MAX_IMAGE_BYTES / need)))
    while fit > 1 and math.prod(pixel_size(width_pt, height_pt, fit)) * 4 > MAX_IMAGE_BYTES:
        fit -= 1
    raise UserError(
        f"A {width} x {height} pixel PNG at {dpi:g} dpi needs {need / 2**30:.1f} GiB of memory, more than the "
        f"{MAX_IMAGE_BYTES / 2**30:g} GiB limit; export at {fit} dpi or less, or tile it onto smaller sheets."
    )


def render_sheet(sheet: Sheet, *, dpi: float = 300):
    """A white QImage of ``sheet`` at ``dpi``, with the dpi in its metadata (refused when too large)."""
    check_image_size(sheet.width, sheet.height, dpi)
    ensure_gui_app()
    from PySide6.QtGui import QImage, QPainter

    from personadesigner.render.qt_painter import paint_sheet

    width, height = pixel_size(sheet.width, sheet.height, dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        painter.scale(width / sheet.width, height / sheet.height)
        paint_sheet(painter, sheet)
    finally:
        painter.end()
    return image


def render_png(layout: CardLayout, *, dpi: float = 300, bleed: bool = False):
    """The card as a QImage: trim size (plus the bleed on each side when asked)."""
    return render_sheet(trim_sheet(layout, with_bleed=bleed), dpi=dpi)


def png_bytes(image) -> bytes:
    """Encode a QImage as PNG bytes (the dpi goes into the pHYs chunk), through
    render.png_encode: about six times faster than QImage.save, the same pixels.

    Qt converts the pixels straight into the rows PNG compresses (RGB, or RGBA when
    the image has alpha), each after its filter byte: one copy, no second image."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    from personadesigner.render.png_encode import encode_scanlines, row_stride

    alpha = image.hasAlphaChannel()
    channels = 4 if alpha else 3
    width, height = image.width(), image.height()
    stride = row_stride(width, channels)
    rows = bytearray(stride * height + 4)  # zero: every filter byte is 0 ("None"); 4 bytes of slack
    pixels = memoryview(rows)[1:]  # row y starts after its filter byte; kept alive while Qt paints
    target = QImage(
        pixels, width, height, stride, QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    )
    painter = QPainter(target)
    try:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)  # copy, never blend
        painter.drawImage(QRect(0, 0, width, height), image, QRect(0, 0, width, height))
    finally:
        painter.end()
    del target
    return encode_scanlines(
        memoryview(rows)[: stride * height],
        width,
        height,
        channels=channels,
        dots_per_metre=(image.dotsPerMeterX(), image.dotsPerMeterY()),
    )
