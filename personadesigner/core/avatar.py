"""The persona's picture: the photo cropped to fill its frame, or a generated avatar.

Both painters draw the same crop because it is decided here; a persona
without a usable photo gets initials on a coloured circle, never a broken image.
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

from personadesigner.lru import LruCache

if TYPE_CHECKING:
    from personadesigner.core.cardlayout import ImageItem

_SIZES: LruCache[str, tuple[int, int] | None] = LruCache(4096)


def photo_key(data: bytes) -> str:
    """The one digest of a photo's bytes: the size cache here and both painters' image caches use it."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def image_key(item: ImageItem) -> str:
    """A painter's cache key for ``item``: the layout's digest, or computed for a hand-made item."""
    return item.key or photo_key(item.data)


def image_size(data: bytes, digest: str | None = None) -> tuple[int, int] | None:
    """Pixel size of encoded image bytes (header only), None when unreadable.

    Cached by a digest of the bytes, not the bytes themselves, so the cache
    never keeps photos alive.
    """
    return _SIZES.get_or_make(digest or photo_key(data), lambda: _read_size(data))


def _read_size(data: bytes) -> tuple[int, int] | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except Exception:  # noqa: BLE001 - a damaged photo falls back to the avatar; storage reports it
        return None


def fill_crop(img_w: float, img_h: float, frame_w: float, frame_h: float) -> tuple[float, float, float, float]:
    """The centred crop of the image with the frame's aspect ratio (cover, no distortion)."""
    target = frame_w / frame_h
    if img_w / img_h > target:
        w = img_h * target
        return ((img_w - w) / 2, 0.0, w, float(img_h))
    h = img_w / target
    return (0.0, (img_h - h) / 2, float(img_w), h)


def picture(
    photo: bytes | None,
    initials: str,
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    clip: str,
    fill: str,
    ink: str,
    font: str,
    ring: str | None = None,
    ring_width: float = 0.0,
) -> list:
    """Primitives of the photo frame: an ImageItem, or the initials avatar."""
    # Here, not at the top: core.themes imports this module for photo_key, and listing
    # themes should not load the text engine (HarfBuzz) and the layout primitives.
    from personadesigner.core import text as T
    from personadesigner.core.cardlayout import Box, ImageItem, TextBlock, TextLine

    items: list = []
    shape = "ellipse" if clip == "ellipse" else "rect"
    radius = min(w, h) * 0.12 if clip == "rounded" else 0.0
    if ring and ring_width:
        items.append(
            Box(
                x - ring_width,
                y - ring_width,
                w + 2 * ring_width,
                h + 2 * ring_width,
                fill=ring,
                shape=shape,
                radius=radius + ring_width if radius else 0.0,
            )
        )
    key = photo_key(photo) if photo else ""
    size = image_size(photo, key) if photo else None
    if size and size[0] > 0 and size[1] > 0:
        items.append(
            ImageItem(x, y, w, h, bytes(photo), fill_crop(size[0], size[1], w, h), clip=clip, radius=radius, key=key)
        )
        return items
    items.append(Box(x, y, w, h, fill=fill, shape=shape, radius=radius, field="photo"))
    text = T.clean(initials).strip() or "?"
    fs = min(w, h) * (0.4 if len(text) < 2 else 0.36)
    pieces = T.shape_line(text, T.TextStyle(font, fs))
    tw = T.line_width(pieces)
    cx = x + (w - tw) / 2
    base = y + h / 2 + fs * 0.36  # cap height of Noto Sans is ~0.714 em: centred on the circle
    runs = []
    for p in pieces:
        runs.append(T.text_run(p, cx, base, fs, ink))
        cx += p.width
    items.append(TextBlock(x, y, w, h, (TextLine(tuple(runs), text),), field="photo", align="center"))
    return items
