"""The initials avatar takes the persona type's colour, stands out from what is behind it
and keeps its initials readable, on every template, theme and type."""

from __future__ import annotations

import pytest

from personadesigner.core.cardlayout import Box, TextBlock
from personadesigner.core.colors import contrast
from personadesigner.core.layout import layout
from personadesigner.core.persona import PERSONA_TYPES, Persona
from personadesigner.core.templates import template_names
from personadesigner.core.themes import theme_names


def _disc_and_behind(lay) -> tuple[Box, str, str]:
    """The avatar disc, the fill of the box right behind its centre, and its initials' colour."""
    i, disc = next((i, it) for i, it in enumerate(lay.items) if isinstance(it, Box) and it.field == "photo")
    cx, cy = disc.x + disc.w / 2, disc.y + disc.h / 2
    behind = [
        it
        for it in lay.items[:i]
        if isinstance(it, Box)
        and it.fill
        and it.x <= cx <= it.x + it.w
        and it.y <= cy <= it.y + it.h
        and not (it.shape == "ellipse" and abs(it.x + it.w / 2 - cx) < 0.01)
    ]  # the ring
    initials = next(it for it in lay.items[i:] if isinstance(it, TextBlock) and it.field == "photo")
    return disc, behind[-1].fill, initials.lines[0].runs[0].color


@pytest.mark.parametrize("template", template_names())
@pytest.mark.parametrize("theme", theme_names())
def test_avatar_is_visible_and_its_initials_readable_for_every_type(template, theme):
    fills = {}
    for ptype in PERSONA_TYPES:
        lay = layout(Persona(name="Anna Berg", type=ptype), template, theme)
        disc, behind, ink = _disc_and_behind(lay)
        assert contrast(disc.fill, behind) >= 1.4, (ptype, disc.fill, behind)  # not navy on navy
        assert contrast(ink, disc.fill) >= 4.5, (ptype, ink, disc.fill)
        fills[ptype] = disc.fill
    if theme != "mono":  # the mono theme's types are greys on purpose, yet still differ
        assert len(set(fills.values())) >= len(set(fills)) - 1  # customer and end_user may share a hue


@pytest.mark.parametrize("template", ["card", "slide", "profile", "poster"])
def test_the_avatar_takes_the_type_colour_not_the_theme_accent(template):
    from personadesigner.core.colors import mix
    from personadesigner.core.themes import TINT_SHARE, load_theme

    theme = load_theme("classic")
    for ptype in ("buyer", "decision_maker", "influencer", "negative"):
        disc, _behind, _ink = _disc_and_behind(layout(Persona(name="Anna Berg", type=ptype), template, theme))
        assert disc.fill == mix(theme.color("type", ptype), "#ffffff", TINT_SHARE)
        assert disc.fill != mix(theme.color("accent"), "#ffffff", TINT_SHARE)


def test_mini_avatar_keeps_its_solid_type_colour_with_white_initials():
    lay = layout(Persona(name="Anna Berg", type="buyer"), "mini", "classic")
    disc, _behind, ink = _disc_and_behind(lay)
    assert disc.fill == "#00695c" and ink == "#ffffff"
