"""Cards use their space: a sparse persona's body grows and spreads instead of leaving a
header over an empty page; a dense one keeps its sizes."""

from __future__ import annotations

from itertools import pairwise

import pytest

from personadesigner.core.card_fill import empty_share, filled_sections, union_area
from personadesigner.core.cardlayout import Box
from personadesigner.core.layout import layout
from support.fill_personas import fill_personas, sparse
from support.layout_samples import full


def test_union_area_counts_overlaps_once():
    assert union_area([(0, 0, 10, 10), (5, 5, 10, 10)]) == pytest.approx(175)
    assert union_area([(0, 0, 10, 10), (2, 2, 3, 3)]) == pytest.approx(100)
    assert union_area([]) == 0


@pytest.mark.parametrize("template", ["card", "profile", "poster"])
def test_at_most_a_quarter_of_the_body_is_left_empty(template):
    """The samples, the test personas and generated sparse ones with four or more sections."""
    checked = {}
    for key, persona in fill_personas().items():
        card = layout(persona, template, "classic")
        assert card.body, "the template names its body flows"
        if filled_sections(card) >= 4:
            checked[key] = empty_share(card)
    assert len(checked) >= 10
    too_empty = {k: round(v, 3) for k, v in checked.items() if v > 0.25}
    assert not too_empty


def _body_sizes(card, field: str) -> set[float]:
    return {
        run.size
        for b in card.text_blocks()
        if b.field == field and b.item is not None
        for line in b.lines
        for run in line.runs
    }


def test_a_sparse_persona_gets_larger_type_and_a_dense_one_keeps_its_own():
    thin = layout(sparse(1), "card", "classic")
    heavy = full()
    heavy.goals = [f"Goal {i}: cut the monthly close from twelve days to five" for i in range(15)]
    dense = layout(heavy, "card", "classic")
    assert min(_body_sizes(thin, "goals")) > 9.5 * 1.1  # the card's body is 9.5 pt
    assert max(_body_sizes(dense, "goals")) <= 9.5
    assert thin.type_step < 0 <= dense.type_step


def test_the_sections_of_a_sparse_card_share_the_room_down_to_the_footer():
    card = layout(sparse(1), "card", "classic")
    ((_x, y, w, h),) = card.body
    panels = [b for b in card.items if isinstance(b, Box) and b.field and b.w > w * 0.9 and y - 10 < b.y < y + h]
    assert len(panels) >= 4
    assert max(p.y + p.h for p in panels) >= y + h - 0.5  # the last module reaches the body's foot
    tops = sorted(p.y for p in panels)
    assert all(b - a > 20 for a, b in pairwise(tops))  # and the modules do not overlap
