"""The built-in templates are built from the visual modules: big-number callouts, channel chips
with their icons, a share bar in the evidence area and section icons; and every sample persona
fits every template in every theme without a preflight problem."""

from __future__ import annotations

import dataclasses

import pytest

from personadesigner.core.cardlayout import Box, Icon, TextBlock
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.core.templates import template_names
from personadesigner.core.themes import theme_names
from personadesigner.samples import sample_personas

BODY_TEMPLATES = ["card", "profile", "poster", "slide"]


def _persona() -> Persona:
    return Persona(
        name="Dana Data",
        type="end_user",
        role="Marketer",
        age="32",
        company_size="250 employees",
        income="$85k",
        quote="Prove it in a week.",
        goals=["Find tools on a small budget", "Show which channel brings leads"],
        pain_points=["Limited budget", "No time to test tools"],
        channels=["LinkedIn", "Email newsletters"],
        segment="Segment 2 of 4 (34% of respondents)",
        confidence="medium",
    )


@pytest.mark.parametrize("template", BODY_TEMPLATES)
def test_demographics_are_big_number_callouts(template):
    card = layout(_persona(), template, "classic")
    figures = {b.field: [line.text for line in b.lines] for b in card.items if isinstance(b, TextBlock)}
    assert figures["age"][:2] == ["32", "AGE"]
    assert figures["company_size"][0] == "250" and "employees" in figures["company_size"]
    assert figures["income"][0] == "$85k"


@pytest.mark.parametrize("template", BODY_TEMPLATES)
def test_channels_are_chips_with_their_icons_under_an_icon_heading(template):
    card = layout(_persona(), template, "classic")
    pills = [b for b in card.items if isinstance(b, Box) and b.field == "channels" and b.item is not None]
    assert [b.item for b in pills] == [0, 1]
    icons = {(i.field, i.item): i.name for i in card.items if isinstance(i, Icon)}
    assert icons[("channels", 0)] == "brand-linkedin" and icons[("channels", 1)] == "mail"
    assert icons[("goals", None)] == "target"  # the goals heading's own icon


def _bars(card) -> list[Box]:
    """The share bar's track and fill (not a module panel behind the section)."""
    return [b for b in card.items if isinstance(b, Box) and b.field == "sources" and abs(2 * b.radius - b.h) < 0.01]


@pytest.mark.parametrize("template", BODY_TEMPLATES)
def test_the_evidence_area_has_a_share_bar_and_says_the_share_once(template):
    card = layout(_persona(), template, "classic")
    bars = sorted(_bars(card), key=lambda b: -b.w)
    assert len(bars) == 2 and bars[1].w / bars[0].w == pytest.approx(0.34, abs=0.002)
    lines = [line.text for b in card.items if isinstance(b, TextBlock) for line in b.lines]
    assert sum("Represents 34%" in t for t in lines) == 1
    no_share = layout(dataclasses.replace(_persona(), segment="Small agencies"), template, "classic")
    assert not _bars(no_share)


@pytest.mark.parametrize("theme", theme_names())
@pytest.mark.parametrize("template", template_names())
def test_every_sample_persona_fits_every_template_and_theme(template, theme):
    for persona in sample_personas():
        card = layout(persona, template, theme)
        assert not card.problems(), (persona.name, [str(p) for p in card.problems()])
