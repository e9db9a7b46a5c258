"""Sections a template adds "when there is room": shown whole or not at all, never at the
expense of the sections it promises; and the card's evidence footer."""

from __future__ import annotations

import dataclasses

from personadesigner.core.cardlayout import Icon
from personadesigner.core.layout import layout
from personadesigner.core.persona import Trait
from support.layout_samples import full, plain


def fields(lay) -> set[str]:
    return {b.field for b in lay.text_blocks()}


def text_of(lay, field: str) -> str:
    return " ".join(line.text for b in lay.text_blocks() if b.field == field for line in b.lines)


def goal_size(lay) -> float:
    return next(b for b in lay.text_blocks() if b.field == "goals").lines[0].runs[0].size


def test_card_footer_shows_the_evidence_and_segment():
    lay = layout(full(), "card", "classic")
    evidence = text_of(lay, "confidence")
    assert "High confidence" in evidence and "Validated 2026-04-01" in evidence and "1 research source" in evidence
    assert text_of(lay, "segment") == "Enterprise"
    foot = next(b for b in lay.text_blocks() if b.field == "confidence")
    assert foot.y > lay.height * 0.85  # pinned to the bottom, not after the last section


def test_card_without_evidence_has_no_footer_and_uses_the_room():
    p = dataclasses.replace(plain(), confidence="", last_validated="", sources=[], segment="", tags=[])
    lay = layout(p, "card", "classic")
    assert "confidence" not in fields(lay) and "segment" not in fields(lay) and "tags" not in fields(lay)


def test_typical_card_fills_its_lower_half_with_optional_sections():
    lay = layout(full(), "card", "classic")
    assert {"motivations", "channels"} <= fields(lay)
    assert not lay.preflight


def test_optional_section_too_long_is_left_out_whole_never_cut():
    long = " ".join(["a long motivation that keeps going"] * 30)
    p = dataclasses.replace(plain(), motivations=[long, long, long], channels=["Email"])
    lay = layout(p, "card", "classic")
    assert "motivations" not in fields(lay)
    assert "channels" in fields(lay)  # a later, smaller extra still gets the room
    assert not lay.preflight
    assert "\u2026" not in " ".join(line.text for b in lay.text_blocks() for line in b.lines)


def test_optional_sections_never_shrink_or_cut_the_required_ones():
    many = [f"Goal number {i} written out with enough words to wrap over a line" for i in range(7)]
    bare = dataclasses.replace(
        full(), goals=many, motivations=[], channels=[], traits=[], objections=[], behaviors=[], tools=[]
    )
    rich = dataclasses.replace(
        full(), goals=many, motivations=["Predictability"] * 3, traits=[Trait("Calm", "Driven", 40)] * 2
    )
    a, b = layout(bare, "card", "classic"), layout(rich, "card", "classic")
    assert goal_size(a) == goal_size(b)
    assert [c.field for c in a.preflight] == [c.field for c in b.preflight]


def test_fifteen_long_goals_cut_only_goals_and_show_no_extras():
    goals = [f"A very long goal number {i} that explains in detail what the persona wants to reach" for i in range(15)]
    lay = layout(dataclasses.replace(full(), goals=goals), "card", "classic")
    cut = {c.field for c in lay.preflight}
    assert "goals" in cut and cut <= {"goals", "pain_points"}  # only what the card promises
    assert not {"motivations", "channels", "traits", "objections", "behaviors", "tools"} & fields(lay)
    assert "confidence" in fields(lay)  # the footer stays


def test_headings_of_right_to_left_sections_sit_on_the_right_edge():
    from personadesigner.core.persona import Persona

    p = Persona(
        name="سارة",
        type="customer",
        role="مديرة",
        goals=["خفض التكاليف التشغيلية"],
        pain_points=["Reports take too long"],
    )
    lay = layout(p, "card", "classic")
    heads = [b for b in lay.text_blocks() if b.field in ("goals", "pain_points") and b.item is None]
    by_field = {b.field: b for b in heads}
    assert by_field["goals"].align == "right"
    assert by_field["pain_points"].align == "left"
    run = by_field["goals"].lines[0].runs[-1]
    icons = [i for i in lay.items if isinstance(i, Icon) and i.field == "goals" and i.item is None]
    right = max([run.x + run.width, *(i.x + i.size for i in icons)])  # its icon sits right of its words
    assert right > by_field["goals"].x + by_field["goals"].w - 2  # flush with the right edge


def test_every_sample_persona_prints_whole_on_every_template_and_theme():
    from personadesigner.core.templates import template_names
    from personadesigner.core.themes import theme_names
    from personadesigner.samples import sample_personas

    for p in sample_personas():
        for t in template_names():
            for th in theme_names():
                assert layout(p, t, th).preflight == [], (p.name, t, th)
