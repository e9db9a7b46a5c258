"""Type grown to fill a sparse card never breaks a word that the template's own size keeps whole."""

from __future__ import annotations

import re

import pytest

from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.samples import sample_personas


def _plain(text: str) -> str:
    return text.strip().lower().replace("-", "").replace("\u2013", "")  # callouts set ranges with en dashes


def _split_words(lay, persona) -> list[str]:
    """Words of a persona's text field that no line of its block shows whole (broken across lines)."""
    broken = []
    for block in lay.text_blocks():
        value = getattr(persona, block.field or "", None)
        if not isinstance(value, str) or block.cut is not None or len(block.lines) < 2:
            continue
        shown = [_plain(line.text) for line in block.lines]
        for word in map(_plain, re.split(r"[\s\-\u2013/]+", value)):  # a hyphen may end a line
            if len(word) > 3 and not any(word in line for line in shown):
                broken.append(word)
    return broken


def test_a_fact_value_in_a_narrow_sidebar_keeps_its_word_whole():
    p = Persona(
        name="Helena Brandt",
        role="CFO, mid-sized manufacturer",
        company_size="500-1000",
        industry="Manufacturing",
        budget="Annual software budget fixed in Q4",
        quote="Show me the payback period on one page.",
        goals=["Approve only purchases with a clear return", "Keep software spend predictable"],
    )
    assert _split_words(layout(p, "profile", "classic"), p) == []


@pytest.mark.parametrize("template", ["card", "profile", "poster", "slide"])
def test_no_sample_persona_has_a_word_broken_by_grown_type(template):
    for persona in sample_personas():
        assert _split_words(layout(persona, template, "classic"), persona) == [], persona.name
