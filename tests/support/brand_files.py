"""A brand theme on disk for the brand tests: a copy of classic with a magenta accent and a logo."""

from __future__ import annotations

import io
import json
from pathlib import Path

from personadesigner.paths import resource

ACCENT = "#e4007c"
#: The logo's own colours: an orange frame and a green dot, easy to find in a rendered page.
LOGO_ORANGE = (255, 106, 0)


def logo_png(width: int = 400, height: int = 140) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), LOGO_ORANGE)
    ImageDraw.Draw(im).ellipse(
        [width // 10, height // 5, width // 10 + height // 2, height // 5 + height // 2], fill="#0a8f3c"
    )
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def brand_data(logo: str | None = "logo.png") -> dict:
    data = json.loads(resource("themes", "classic.json").read_text())
    data["title"] = "Acme"
    data["colors"]["accent"] = ACCENT
    data["types"] = {t: ACCENT for t in data["types"]}
    if logo:
        data["logo"] = logo
    return data


def write_brand(folder: Path, name: str = "acme", logo: bytes | None = None) -> Path:
    """``folder/<name>.json`` naming ``folder/logo.png``."""
    (folder / "logo.png").write_bytes(logo if logo is not None else logo_png())
    path = folder / f"{name}.json"
    path.write_text(json.dumps(brand_data(), indent=2))
    return path
