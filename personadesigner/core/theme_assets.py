"""The files a theme brings (its logo and fonts), checked before they are used or stored.

A brand theme comes from anyone (a colleague's .pdtheme, a file picked in the
app), so its assets are treated like photos (personadesigner.images): a logo
must be a PNG or JPEG of sensible size, a font must be a TrueType/OpenType file
that reportlab can read and that has the Latin letters. Each refusal is one
sentence. Qt-free: SVG logos are turned into PNG by the app before they get here.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from personadesigner.errors import UserError

LOGO_FORMATS = ("PNG", "JPEG")
#: A logo wider or taller than this is refused (print at 600 dpi needs far less for a corner mark).
MAX_LOGO_SIDE = 8000
MAX_ASSET_BYTES = 20 * 1024 * 1024
FONT_SUFFIXES = (".ttf", ".otf")
_LATIN = [*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1)]


class ThemeAssetError(UserError):
    """A theme's logo or font is unusable; the message says why in one sentence."""


@dataclass(frozen=True)
class Logo:
    """A checked logo: its encoded bytes and pixel size."""

    data: bytes
    width: int
    height: int


def check_logo(data: bytes, name: str = "The logo") -> Logo:
    """``data`` as a Logo; ThemeAssetError when it is not a PNG/JPEG image or is too large."""
    from PIL import Image, UnidentifiedImageError

    if data.lstrip()[:5] in (b"<?xml", b"<svg ") or b"<svg" in data[:512]:
        raise ThemeAssetError(
            f"{name} is an SVG image; the app converts SVG logos when you choose them "
            "(in the theme editor), here only PNG and JPEG are read."
        )
    if len(data) > MAX_ASSET_BYTES:
        raise ThemeAssetError(f"{name} is {len(data) // (1024 * 1024)} MB; a logo may be at most 20 MB.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(io.BytesIO(data), formats=LOGO_FORMATS) as img:
                width, height = img.size
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ThemeAssetError(f"{name} is not a PNG or JPEG image.") from None
    if max(width, height) > MAX_LOGO_SIDE:
        raise ThemeAssetError(
            f"{name} is {width} x {height} pixels; a logo may be at most {MAX_LOGO_SIDE} pixels on a side."
        )
    return Logo(data, width, height)


def check_font(data: bytes, name: str = "The font") -> str:
    """The family name inside a TTF/OTF file; ThemeAssetError when it is not a font reportlab
    can embed or it lacks any of the letters A-Z a-z."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    if len(data) > MAX_ASSET_BYTES:
        raise ThemeAssetError(f"{name} is {len(data) // (1024 * 1024)} MB; a font may be at most 20 MB.")
    try:
        face = TTFontFile(io.BytesIO(data), validate=0)
    except Exception:  # noqa: BLE001 - reportlab raises many kinds for a file that is not a font
        raise ThemeAssetError(f"{name} is not a TrueType or OpenType font that can be embedded in a PDF.") from None
    missing = [chr(cp) for cp in _LATIN if cp not in face.charToGlyph]
    if missing:
        raise ThemeAssetError(
            f"{name} lacks Latin letters ({''.join(missing[:8])}...); choose a font with A-Z and a-z."
        )
    family = face.familyName
    return family.decode("utf-8", "replace") if isinstance(family, bytes) else str(family or "")
