"""A small PNG writer: unfiltered rows through a fast deflate, the dpi in a pHYs chunk.

Qt's PNG writer (libpng with adaptive row filters) took about 50 ms of a
300-dpi card's 60 ms export. Cards are flat colours and antialiased text, so
unfiltered rows at the fastest deflate level compress about as well (the files
come out smaller than Qt's). ISA-L's deflate (the ``isal`` package) does that
in about 2 ms for a 300-dpi card, the standard library's zlib in about 15 ms;
zlib is the fallback where isal is not installed. This module is Qt-free: it
takes 8-bit RGB or RGBA rows as bytes; render.png hands it a QImage's pixels.
"""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Level 1: the fastest level that still finds the long runs of one colour a card has.
ZLIB_LEVEL = 1


def _deflate():
    """ISA-L's zlib-compatible compress when installed, else the standard library's."""
    try:
        from isal import isal_zlib
    except ImportError:
        return zlib.compress
    return isal_zlib.compress


#: PNG colour types for 8-bit samples (PNG spec, IHDR).
_COLOUR_TYPE = {3: 2, 4: 6}  # RGB: truecolour; RGBA: truecolour with alpha


def _chunk(kind: bytes, data: bytes) -> bytes:
    head = struct.pack(">I", len(data)) + kind
    return head + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


def row_stride(width: int, channels: int) -> int:
    """Bytes of one row as PNG stores it before compression: its filter byte, then its pixels."""
    return width * channels + 1


def scanlines(pixels, width: int, height: int, stride: int, channels: int) -> bytearray:
    """The rows as PNG wants them before compression: a filter byte (0, "None") before each
    row, and no padding (``stride`` may be wider than ``width * channels``)."""
    row = width * channels
    if stride < row:
        raise ValueError(f"a row of {width} pixels needs {row} bytes, the stride is {stride}")
    source = memoryview(pixels).cast("B")
    if len(source) < stride * (height - 1) + row:
        raise ValueError("the pixel buffer is shorter than its rows")
    out = bytearray(row_stride(width, channels) * height)  # zero-filled: every filter byte is already 0
    at = 1
    for y in range(height):
        start = y * stride
        out[at : at + row] = source[start : start + row]
        at += row + 1
    return out


def encode_png(
    pixels,
    width: int,
    height: int,
    *,
    stride: int | None = None,
    channels: int = 3,
    dots_per_metre: tuple[int, int] | None = None,
    level: int = ZLIB_LEVEL,
) -> bytes:
    """PNG bytes of 8-bit RGB (``channels`` 3) or RGBA (4) rows, top row first.

    ``stride``: bytes from one row's start to the next (default: no padding).
    ``dots_per_metre``: stored in pHYs so the image prints at its real size.
    """
    _check(width, height, channels)
    rows = scanlines(pixels, width, height, stride or width * channels, channels)
    return encode_scanlines(rows, width, height, channels=channels, dots_per_metre=dots_per_metre, level=level)


def encode_scanlines(
    rows,
    width: int,
    height: int,
    *,
    channels: int = 3,
    dots_per_metre: tuple[int, int] | None = None,
    level: int = ZLIB_LEVEL,
) -> bytes:
    """PNG bytes of rows already laid out as PNG stores them (``row_stride`` bytes each, every
    one after a 0 filter byte): a painter can convert its pixels straight into them, one copy."""
    _check(width, height, channels)
    if memoryview(rows).nbytes != row_stride(width, channels) * height:
        raise ValueError(
            f"{width} x {height} rows of {channels} channels need {row_stride(width, channels) * height} bytes"
        )
    header = struct.pack(">IIBBBBB", width, height, 8, _COLOUR_TYPE[channels], 0, 0, 0)
    parts = [PNG_SIGNATURE, _chunk(b"IHDR", header)]
    if dots_per_metre is not None and min(dots_per_metre) > 0:
        parts.append(_chunk(b"pHYs", struct.pack(">IIB", dots_per_metre[0], dots_per_metre[1], 1)))
    parts.append(_chunk(b"IDAT", _deflate()(rows, level)))
    parts.append(_chunk(b"IEND", b""))
    return b"".join(parts)


def _check(width: int, height: int, channels: int) -> None:
    if channels not in _COLOUR_TYPE:
        raise ValueError(f"channels must be 3 (RGB) or 4 (RGBA), not {channels}")
    if width < 1 or height < 1:
        raise ValueError(f"a PNG has at least one pixel, not {width} x {height}")


__all__ = ["encode_png", "encode_scanlines", "row_stride", "scanlines"]
