"""A negative persona's back says "NOT OUR CUSTOMER" like its front: backs are handed round and
pinned up on their own, and a negative persona must never be mistaken for a target (the backs
had the type colour but no band). The band moves the back's header down, as on a front."""

from __future__ import annotations

import pytest

from personadesigner.core.card_back import lay_out_with_back
from personadesigner.core.cardlayout import Box
from personadesigner.core.layout_regions import NEGATIVE_TEXT
from personadesigner.core.persona import Persona
from personadesigner.core.templates import load_template
from personadesigner.core.themes import load_theme

TEMPLATES_WITH_BACKS = ["card", "profile", "poster", "mini", "business-card"]


def _texts(lay) -> list[str]:
    return [line.text for b in lay.text_blocks() for line in b.lines]


def _band(lay, theme):
    return [it for it in lay.items if isinstance(it, Box) and it.fill == theme.color("negative_band")]


@pytest.mark.parametrize("name", TEMPLATES_WITH_BACKS)
def test_a_negative_personas_back_carries_the_band_above_its_name(name):
    theme = load_theme("classic")
    persona = Persona(name="Nora Never", type="negative", role="Bargain hunter", story="Buys only on discount.")
    front = lay_out_with_back(persona, load_template(name), theme)
    back = front.back
    assert NEGATIVE_TEXT in " ".join(_texts(back))
    (band,) = _band(back, theme)
    assert band.y <= 0 and band.x <= 0 and band.x + band.w >= back.width  # across the top, bleed to bleed
    name_block = next(b for b in back.text_blocks() if b.field == "name")
    assert name_block.lines[0].runs[0].y > band.y + band.h  # the name is below the band, not under it
    assert NEGATIVE_TEXT in " ".join(_texts(front))  # as on the front


@pytest.mark.parametrize("name", TEMPLATES_WITH_BACKS)
def test_other_personas_backs_have_no_band(name):
    theme = load_theme("classic")
    front = lay_out_with_back(Persona(name="Tina Target", story="Buys."), load_template(name), theme)
    assert NEGATIVE_TEXT not in " ".join(_texts(front.back)) and not _band(front.back, theme)
