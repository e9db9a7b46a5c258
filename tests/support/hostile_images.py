"""Hostile image files, built byte by byte (a bomb must not be decoded to be made)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from support.images import encoded
from support.images import png_chunk as _chunk


def png_bomb(side: int = 30000) -> bytes:
    """A valid 1-bit greyscale PNG of side x side pixels: ~100 KB on disk, 900 Mpx decoded."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    comp = zlib.compressobj(9)
    parts = [comp.compress(row * 1000) for _ in range(side // 1000)]
    parts.append(comp.compress(row * (side % 1000)))
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b"")


def noisy_jpeg(size=(640, 480)) -> bytes:
    """A JPEG with real detail (so truncating it cuts real scan data)."""
    img = Image.effect_noise(size, 60).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95)
    return buf.getvalue()


def jpeg_with_exif_comment(marker: str) -> bytes:
    img = Image.new("RGB", (200, 150), (90, 90, 200))
    exif = Image.Exif()
    exif[0x010E] = marker  # ImageDescription
    exif[0x9286] = marker  # UserComment
    exif[0x0131] = "Camera " + marker  # Software
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), comment=marker.encode())
    return buf.getvalue()


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="file:///etc/passwd"/></svg>'


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header claims width x height (a bomb without the bytes)."""
    data = bytearray(encoded("JPEG", size=(16, 16)))
    i = 2
    while i < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2 : i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            data[i + 5 : i + 7] = height.to_bytes(2, "big")
            data[i + 7 : i + 9] = width.to_bytes(2, "big")
            return bytes(data)
        i += 2 + length
    raise AssertionError("no frame header")
