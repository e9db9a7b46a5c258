"""The negative persona's warning band: its hazard stripes stay inside the band.

They were thick stroked lines whose caps spilled below the band (most visibly
on ``mini`` at 300 dpi) and differed between the PNG (square caps) and the PDF.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from personadesigner.core.cardlayout import Box, Polygon
from personadesigner.core.layout import layout
from personadesigner.core.templates import template_names
from personadesigner.core.themes import load_theme, theme_names
from personadesigner.render.pdf import write_cards_pdf
from personadesigner.render.png import png_bytes, render_png
from support.layout_samples import negative
from support.poppler import rasterize

DPI = 300


def _band(lay) -> Box:
    return next(it for it in lay.items if isinstance(it, Box) and it.field == "type")


def _stripe_pixels_below_band(image: Image.Image, lay, stripe: str, dpi: float) -> int:
    """Pixels of the stripe colour in the 6 pt below the band, outside anything else drawn in that colour."""
    band = _band(lay)
    px = dpi / 72.0
    top = round((band.y + band.h) * px) + 2  # anti-aliasing of the band's own edge
    bottom = round((band.y + band.h + 6) * px)
    r, g, b = (int(stripe[i : i + 2], 16) for i in (1, 3, 5))
    # Other primitives in the stripe colour (mini's left type bar, the avatar) are not stripes.
    others = [
        it
        for it in lay.items
        if isinstance(it, Box)
        and it is not band
        and it.fill
        and it.fill.lower() == stripe.lower()
        and it.y < band.y + band.h + 6
    ]
    count = 0
    rgb = image.convert("RGB")
    for y in range(top, bottom):
        for x in range(0, rgb.width):
            xp = x / px
            if any(o.x - 1 <= xp <= o.x + o.w + 1 for o in others):
                continue
            pr, pg, pb = rgb.getpixel((x, y))
            if abs(pr - r) + abs(pg - g) + abs(pb - b) < 90:
                count += 1
    return count


def test_mini_negative_png_at_300_dpi_has_no_stripe_below_the_band(qapp):
    lay = layout(negative(), "mini", "classic")
    image = Image.open(io.BytesIO(png_bytes(render_png(lay, dpi=DPI))))
    stripe = load_theme("classic").color("negative")
    assert _stripe_pixels_below_band(image, lay, stripe, DPI) == 0


def test_mini_negative_pdf_at_300_dpi_has_no_stripe_below_the_band(tmp_path):
    lay = layout(negative(), "mini", "classic")
    pdf = tmp_path / "neg.pdf"
    write_cards_pdf([lay], pdf)
    image = rasterize(pdf, tmp_path, dpi=DPI)
    stripe = load_theme("classic").color("negative")
    assert _stripe_pixels_below_band(image, lay, stripe, DPI) == 0


@pytest.mark.parametrize("template", template_names())
@pytest.mark.parametrize("bleed", [0.0, 8.5])
def test_every_stripe_lies_inside_the_band(template, bleed):
    for theme in theme_names():
        lay = layout(negative(), template, theme, bleed=bleed)
        band = _band(lay)
        stripes = [it for it in lay.items if isinstance(it, Polygon)]
        assert len(stripes) > 4
        for s in stripes:
            assert band.x - 1e-6 <= s.x and s.x + s.w <= band.x + band.w + 1e-6
            assert band.y - 1e-6 <= s.y and s.y + s.h <= band.y + band.h + 1e-6
            assert s.fill == load_theme(theme).color("negative")
        # and the label stays clear of them
        label = next(b for b in lay.text_blocks() if b.field == "type" and "NOT OUR CUSTOMER" in b.text)
        run0, run1 = label.lines[0].runs[0], label.lines[0].runs[-1]
        assert all(s.x + s.w < run0.x or s.x > run1.x + run1.width for s in stripes)


def test_customers_have_no_band_and_no_stripes():
    from support.layout_samples import plain

    lay = layout(plain(), "mini", "classic")
    assert not [it for it in lay.items if isinstance(it, Polygon)]
