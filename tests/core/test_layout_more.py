"""A list that lost whole items says so on the card ("+8 more goals"), where it had to stop."""

from __future__ import annotations

from personadesigner.core.layout import layout
from support.layout_samples import plain


def _goal_heavy():
    p = plain()
    p.goals = [
        f"Goal {i}: " + "a long and detailed objective that takes several lines to explain " * 3 for i in range(15)
    ]
    return p


def test_the_card_says_how_many_goals_are_left_out_where_the_goals_stop():
    card = layout(_goal_heavy(), "card", "classic")
    blocks = card.text_blocks()
    goals = [b for b in blocks if b.field == "goals" and b.item is not None and not b.text.startswith("+")]
    marker = next(b for b in blocks if b.text.startswith("+"))
    hidden = 15 - len(goals)
    assert hidden >= 5
    assert marker.text == f"+{hidden} more goals"
    # it stands for the first goal left out: clicking it selects that goal, the canvas outlines it as cut
    assert (marker.field, marker.item) == ("goals", len(goals))
    assert marker.cut is not None and marker.cut.item == len(goals) and marker.cut.shown_chars == 0
    # right under the last goal shown, above the pain points, in the goals' type
    assert marker.y >= goals[-1].y + goals[-1].h - 0.01
    pains = next(b for b in blocks if b.field == "pain_points")
    assert marker.y + marker.h <= pains.y
    assert {r.size for r in marker.lines[0].runs} == {goals[0].lines[0].runs[0].size}
    # the preflight still names every goal that is not on the card
    cut = {c.item for c in card.preflight if c.field == "goals"}
    assert cut == set(range(len(goals), 15))


def test_a_list_that_fits_has_no_marker():
    card = layout(plain(), "card", "classic")
    assert not [b for b in card.text_blocks() if b.text.startswith("+")]


def test_a_template_limit_is_said_on_the_card_too():
    """The card shows three motivations (max_items): the other two are named, not silently gone."""
    p = plain()
    p.motivations = ["Recognition", "Autonomy", "Calm weeks", "Learning", "Impact"]
    card = layout(p, "card", "classic")
    texts = [b.text for b in card.text_blocks() if b.field == "motivations"]
    assert texts[-4:] == ["Recognition", "Autonomy", "Calm weeks", "+2 more motivations"]
    assert not card.preflight  # a limit the template chose is not a cut


def test_a_top_goal_section_does_not_count_the_rest():
    p = plain()
    p.goals = ["First", "Second", "Third"]
    card = layout(p, "mini", "classic")
    assert not [b for b in card.text_blocks() if b.text.startswith("+")]
