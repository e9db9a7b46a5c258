"""With backs printed, the preflight names each list item once, and only when no side of the
card prints it: an item the back continues is not "cut" (it was reported as cut although
printed on the back), and one the back cuts in turn is not reported by the front as well."""

from __future__ import annotations

import pytest

from personadesigner.core.card_back import lay_out_with_back
from personadesigner.core.cardlayout import Cut
from personadesigner.core.persona import Persona
from personadesigner.core.templates import load_template
from personadesigner.core.themes import load_theme

TEMPLATES_WITH_BACKS = ["card", "profile", "poster", "mini", "business-card"]


def long_lists() -> Persona:
    return Persona(
        name="Lena Lists",
        goals=[f"Goal number {i} with some words to wrap" for i in range(1, 31)],
        pain_points=[f"Pain point {i}: a frustration that goes on a while" for i in range(1, 26)],
        motivations=[f"Motivation {i}" for i in range(20)],
        story="A long story. " * 80,
    )


def _printed_whole(lay) -> set[tuple[str, int]]:
    return {(b.field, b.item) for b in lay.text_blocks() if b.item is not None and b.cut is None}


@pytest.mark.parametrize("name", TEMPLATES_WITH_BACKS)
def test_every_item_left_out_is_reported_once_and_no_printed_item_is_reported(name):
    front = lay_out_with_back(long_lists(), load_template(name), load_theme("classic"))
    assert front.back is not None
    cuts = [(c.field, c.item) for side in (front, front.back) for c in side.preflight if isinstance(c, Cut)]
    listed = [c for c in cuts if c[1] is not None]
    assert len(listed) == len(set(listed)), "an item reported twice"
    printed = _printed_whole(front) | _printed_whole(front.back)
    assert not printed & set(listed), "an item printed on the card reported as cut"


@pytest.mark.parametrize("name", ["card", "profile", "poster"])
def test_each_goal_is_printed_whole_or_reported(name):
    persona = long_lists()
    front = lay_out_with_back(persona, load_template(name), load_theme("classic"))
    reported = {
        c.item for side in (front, front.back) for c in side.preflight if isinstance(c, Cut) and c.field == "goals"
    }
    printed = {i for f, i in _printed_whole(front) | _printed_whole(front.back) if f == "goals"}
    assert printed.isdisjoint(reported)
    assert printed | reported == set(range(len(persona.goals)))


def test_a_character_no_font_has_in_the_name_is_reported_once_not_once_per_side():
    persona = Persona(name="Anna \U00010330 Berg", role="Gothic fan", story="Reads \U00010330 daily.")
    front = lay_out_with_back(persona, load_template("card"), load_theme("classic"))
    problems = [str(p) for side in (front, front.back) for p in side.preflight]
    assert problems.count('"Anna \U00010330 Berg": name: no bundled font has U+10330') == 1
    assert '"Anna \U00010330 Berg": story: no bundled font has U+10330' in problems  # the back's own
