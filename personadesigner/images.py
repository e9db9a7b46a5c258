"""Photos: only safe, small, metadata-free images enter the library.

Qt-free and storage-free, so both storage (which stores photos) and interchange
(which reads them from JSON) normalise with it without importing each other.

A photo comes from anywhere (a file the user picked, a JSON import), so it is
treated as hostile: only PNG, JPEG and WebP are opened, the pixel count is
checked before decoding (a 30000 x 30000 PNG is ~100 KB on disk but 2.7 GB in
memory), truncated files are refused, and what is stored is a fresh encoding
(no EXIF: no GPS position or camera serial leaks into shared libraries).
"""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from personadesigner.errors import PhotoError
from personadesigner.lru import LruCache

if TYPE_CHECKING:  # Pillow is imported by the functions that decode: `list` and `show` never load it
    from PIL import Image

ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP")
MAX_PIXELS = 40_000_000
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_SIDE = 1200
JPEG_QUALITY = 90


@dataclass(frozen=True)
class PhotoInfo:
    """A normalized photo as stored: its bytes and what the photos table records."""

    data: bytes
    hash: str
    mime: str
    width: int
    height: int


def photo_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _open(data: bytes) -> Image.Image:
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise PhotoError("The photo is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise PhotoError(f"The photo file is {len(data) // (1024 * 1024)} MB; at most 50 MB are accepted.")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
        except UnidentifiedImageError:
            raise PhotoError("The photo is not a PNG, JPEG or WebP image.") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError("The photo has too many pixels (more than 40 megapixels).") from None
        except (OSError, SyntaxError, ValueError):
            raise PhotoError("The photo file is damaged.") from None
    width, height = img.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        raise PhotoError(f"The photo is {width} x {height} pixels; at most 40 megapixels are accepted.")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError("The photo has too many pixels (more than 40 megapixels).") from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise PhotoError("The photo file is truncated or damaged.") from None
    return img


def _has_alpha(img: Image.Image) -> bool:
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        alpha = img.convert("RGBA").getchannel("A")
        return alpha.getextrema()[0] < 255
    return False


def _upright(img: Image.Image) -> Image.Image:
    from PIL import ImageOps

    try:
        return ImageOps.exif_transpose(img)
    except Exception:  # noqa: BLE001 - a broken EXIF block only costs the rotation
        return img


def _eight_bit(img: Image.Image) -> Image.Image:
    """16-bit and float greyscale scaled to 8 bits (a plain convert would clip them to white)."""
    if img.mode.startswith("I;16") or img.mode == "I":
        return img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if img.mode == "F":
        return img.point(lambda v: v * 255).convert("L")
    return img


def _to_srgb(img: Image.Image, mode: str) -> Image.Image:
    """Colours as intended: the embedded ICC profile (about to be stripped) applied first."""
    icc = img.info.get("icc_profile")
    if icc and img.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            from PIL import ImageCms

            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(img, source, ImageCms.createProfile("sRGB"), outputMode=mode)
            if converted is not None:
                return converted
        except Exception:  # noqa: BLE001 - a broken profile only costs colour accuracy
            pass
    return img.convert(mode)


def _png_chunks(data: bytes) -> list[bytes] | None:
    """The chunk types of a PNG in file order, None when the chunk structure is broken."""
    kinds, pos = [], 8
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kinds.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return kinds if pos == len(data) else None


#: SOI, APP0 (JFIF), DQT, baseline SOF0, DHT, DRI, SOS: what an encoder writes, no metadata.
_PLAIN_JPEG_MARKERS = frozenset({0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDD, 0xDA})


def _jpeg_markers(data: bytes) -> list[int] | None:
    """The markers of a JPEG up to its first scan, None when the structure is broken."""
    if not data.startswith(b"\xff\xd8"):
        return None
    markers, pos = [0xD8], 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return markers
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return None


def _already_normal(img: Image.Image, data: bytes) -> bool:
    """True for bytes this module produced (or equally clean ones): re-encoding would only lose quality.

    Photos pass through normalize more than once (the editor or the importer,
    then the library); a JPEG encoded again loses detail every time.
    """
    if max(img.size) > MAX_SIDE:
        return False
    if img.format == "JPEG":
        markers = _jpeg_markers(data)
        return (
            img.mode == "RGB"
            and markers is not None
            and set(markers) <= _PLAIN_JPEG_MARKERS
            and markers.count(0xE0) == 1
            and data[6:11] == b"JFIF\x00"
            and data.endswith(b"\xff\xd9")
        )
    if img.format == "PNG":
        chunks = _png_chunks(data)
        return (
            img.mode == "RGBA"
            and chunks is not None
            and set(chunks) == {b"IHDR", b"IDAT", b"IEND"}
            and chunks[-1] == b"IEND"
            and _has_alpha(img)
        )
    return False


#: Hashes of bytes ``normalize`` produced or passed, with what the photos table records.
#: A photo goes through normalize in the importer or editor and again in the library;
#: the second time is a lookup instead of another full decode.
_NORMAL: LruCache[str, tuple[str, int, int]] = LruCache(2048)


def _remember(info: PhotoInfo) -> PhotoInfo:
    _NORMAL.put(info.hash, (info.mime, info.width, info.height))
    return info


def normalize(data: bytes) -> PhotoInfo:
    """Validate and re-encode ``data``; PhotoError (one sentence) when it is refused."""
    digest = photo_hash(data)
    known = _NORMAL.get(digest)
    if known is not None:
        return PhotoInfo(bytes(data), digest, *known)
    img = _open(data)
    if _already_normal(img, data):
        mime = "image/jpeg" if img.format == "JPEG" else "image/png"
        return _remember(PhotoInfo(bytes(data), digest, mime, img.width, img.height))
    from PIL import Image

    img = _eight_bit(_upright(img))
    alpha = _has_alpha(img)
    mode = "RGBA" if alpha else "RGB"
    img = _to_srgb(img, mode)
    img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    img.info = {}  # Pillow carries comments (and more) from info into the new file otherwise
    out = io.BytesIO()
    if alpha:
        img.save(out, format="PNG")
        mime = "image/png"
    else:
        img.save(out, format="JPEG", quality=JPEG_QUALITY)
        mime = "image/jpeg"
    encoded = out.getvalue()
    return _remember(PhotoInfo(encoded, photo_hash(encoded), mime, img.width, img.height))


def normalize_photo(data: bytes) -> bytes:
    """The bytes to store for a photo (PNG with alpha, else JPEG), at most 1200 px a side."""
    return normalize(data).data


def photo_thumbnail(data: bytes, size_px: int) -> bytes:
    """A PNG thumbnail fitting ``size_px`` square, for the app's sidebar."""
    from PIL import Image

    img = _upright(_open(data))
    img = img.convert("RGBA")
    img.thumbnail((size_px, size_px), Image.Resampling.LANCZOS)
    img.info = {}
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
