"""Colour for the PDF: RGB for screens and office printers, CMYK for presses.

A press prints cyan, magenta, yellow and black inks, and a standard RGB -> CMYK
conversion turns black text into "rich black" (some 300 % ink): on a small
letter the four plates never register exactly and the text gets coloured
fringes. So in CMYK:

- black, near-black and neutral greys go on the black plate alone (K only):
  text, rules, marks and the ``mono`` theme print with black ink only;
- every other theme colour and every photo goes through the bundled press
  profile (resources/icc, FOGRA39 coated offset) with littleCMS (Pillow's
  ImageCms), relative colorimetric with black-point compensation.

No Qt, no reportlab here: colours are turned into PDF operators as strings.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from personadesigner.paths import resources_dir
from personadesigner.render.shapes import rgba

ColorModel = Literal["rgb", "cmyk"]

#: The bundled press profile (its licence is beside it).
PROFILE_NAME = "PersonaDesigner-FOGRA39L.icc"
#: What the OutputIntent says the file is made for (the characterization's registry name).
OUTPUT_CONDITION = "FOGRA39"
OUTPUT_CONDITION_INFO = "Coated FOGRA39 (ISO 12647-2:2004/Amd 1), offset on coated paper"
#: A colour whose channels differ by at most this much is a neutral grey (8 of 255).
NEUTRAL_SPREAD = 8 / 255
#: A colour no channel of which is lighter than this is near-black (51 of 255).
NEAR_BLACK = 0.2


def profile_path() -> Path:
    return resources_dir() / "icc" / PROFILE_NAME


@lru_cache(maxsize=1)
def profile_bytes() -> bytes:
    return profile_path().read_bytes()


@lru_cache(maxsize=1)
def _transform():
    """sRGB -> press CMYK, built once (loading the profile takes a few milliseconds)."""
    from PIL import ImageCms

    return ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        ImageCms.ImageCmsProfile(profile_path().open("rb")),
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )


def is_black_only(r: float, g: float, b: float) -> bool:
    """Whether a colour prints on the black plate alone: a neutral grey or near-black."""
    hi = max(r, g, b)
    return hi <= NEAR_BLACK or hi - min(r, g, b) <= NEUTRAL_SPREAD


@lru_cache(maxsize=512)
def cmyk(color: str) -> tuple[float, float, float, float]:
    """A theme colour (``#rrggbb[aa]``) as press ink amounts, each 0..1 (alpha is ignored)."""
    r, g, b, _ = rgba(color)
    if is_black_only(r, g, b):
        hi, lo = max(r, g, b), min(r, g, b)
        # a grey's darkness on K; a near-black keeps its darkness, not its hue
        k = 1.0 - (r + g + b) / 3 if hi - lo <= NEUTRAL_SPREAD else 1.0 - hi
        return 0.0, 0.0, 0.0, round(k, 4)
    from PIL import Image, ImageCms

    pixel = Image.new("RGB", (1, 1), tuple(round(v * 255) for v in (r, g, b)))
    c, m, y, k = ImageCms.applyTransform(pixel, _transform()).getpixel((0, 0))
    return c / 255, m / 255, y / 255, k / 255


@lru_cache(maxsize=512)
def fill_operator(color: str, model: ColorModel = "rgb") -> tuple[str, float]:
    """The PDF operator that sets ``color`` as the fill colour, and its alpha."""
    r, g, b, a = rgba(color)
    if model == "cmyk":
        return "{:.3f} {:.3f} {:.3f} {:.3f} k".format(*cmyk(color)), a
    return f"{r:.3f} {g:.3f} {b:.3f} rg", a


@lru_cache(maxsize=512)
def stroke_operator(color: str, model: ColorModel = "rgb") -> tuple[str, float]:
    """The PDF operator that sets ``color`` as the stroke colour, and its alpha."""
    op, a = fill_operator(color, model)
    return op[:-2] + op[-2:].upper(), a


def image_for(image, model: ColorModel = "rgb"):
    """A photo ready for the PDF: unchanged for RGB; for CMYK through the press profile.

    Grey photos stay grey (they print on the black plate). A photo with
    transparency is first laid on white: a CMYK image carries no alpha here.
    """
    if model != "cmyk" or image.mode in ("L", "CMYK"):
        return image
    from PIL import Image, ImageCms

    if "A" in image.getbands() or image.mode == "P":
        rgba_image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(rgba_image, mask=rgba_image.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    return ImageCms.applyTransform(image, _transform())


__all__ = [
    "OUTPUT_CONDITION",
    "OUTPUT_CONDITION_INFO",
    "ColorModel",
    "cmyk",
    "fill_operator",
    "image_for",
    "is_black_only",
    "profile_bytes",
    "profile_path",
    "stroke_operator",
]
