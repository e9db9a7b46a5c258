"""Arbitrary user text never breaks the layout: no exception, text stays in its frame."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personadesigner.core.cardlayout import Cut, MissingGlyphs, WordBroken
from personadesigner.core.layout import layout
from personadesigner.core.persona import PERSONA_TYPES, Persona
from personadesigner.core.templates import template_names

texts = st.text(max_size=120)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(min_size=1, max_size=60),
    role=texts,
    quote=texts,
    goals=st.lists(texts, max_size=6),
    ptype=st.sampled_from(PERSONA_TYPES),
    template=st.sampled_from(["card", "mini", "slide"]),
)
def test_any_text_lays_out_inside_its_frames(name, role, quote, goals, ptype, template):
    p = Persona(name=name, type=ptype, role=role, quote=quote, goals=goals, pain_points=list(reversed(goals)))
    lay = layout(p, template, "classic")
    for block in lay.text_blocks():
        for line in block.lines:
            for run in line.runs:
                assert run.text and run.size > 0
                assert block.x - 0.01 <= run.x and run.x + run.width <= block.x + block.w + 0.01
    for cut in lay.preflight:
        if isinstance(cut, Cut):
            assert 0 <= cut.shown_chars < cut.total_chars
        else:  # a character no font has, or a word wider than its box at the minimum size
            assert isinstance(cut, (MissingGlyphs, WordBroken)) and str(cut)


@pytest.mark.parametrize("template", template_names())
def test_a_persona_with_only_a_name(template):
    lay = layout(Persona(name="Solo"), template, "mono")
    assert [b.text for b in lay.text_blocks() if b.field == "name"] == ["Solo"]
    headings = [b for b in lay.text_blocks() if b.field not in ("name", "type", "photo")]
    assert headings == []  # no empty sections, no orphan headings
