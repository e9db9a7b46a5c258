"""Real image files for tests, made with Pillow (one place, so every folder's photos come from here).

A test that needs "a photo" wants real, decodable bytes in a given format, size
and colour; the few hostile files (bombs, truncated or lying headers) are in
hostile_images.py and build their PNGs with ``png_chunk``.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def encoded(fmt: str = "PNG", size=(64, 48), color=(200, 40, 90), mode: str = "RGB", **save) -> bytes:
    """A solid-colour image saved by Pillow in ``fmt`` (PNG, JPEG, WEBP, GIF, ...)."""
    buf = io.BytesIO()
    Image.new(mode, size, color).save(buf, fmt, **save)
    return buf.getvalue()


def png(size=(64, 48), color=(200, 40, 90)) -> bytes:
    return encoded("PNG", size, color)


def jpeg(size=(80, 60), color=(30, 120, 200)) -> bytes:
    return encoded("JPEG", size, color)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC (for hand-built files Pillow would refuse to write)."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
