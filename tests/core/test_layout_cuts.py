"""Preflight cuts count characters that are really missing, never spaces lost at line breaks."""

from __future__ import annotations

import re

from personadesigner.core.cardlayout import TextBlock
from personadesigner.core.layout import layout
from personadesigner.core.layout_flow import dropped_chars
from personadesigner.core.persona import Persona


def shown_lines(lay, field: str, item: int) -> list[str]:
    return [line.text for b in lay.items if isinstance(b, TextBlock) and b.field == field and b.item == item
            for line in b.lines]


def words(n: int, sep: str = "  ") -> str:
    return sep.join(f"w{k}" for k in range(n))


def test_dropped_chars_skips_whitespace_swallowed_by_line_breaks():
    text = "one  two   three\n\nfour five"
    assert dropped_chars(text, ["one  two", "three"]) == len("fourfive") + 1  # "four five"
    assert dropped_chars(text, ["one  two", "three", "", "four five"]) == 0
    assert dropped_chars(text, []) == len(text.replace("\n", ""))
    assert dropped_chars("  padded  ", ["padded"]) == 0


def test_a_fully_shown_text_with_doubled_spaces_is_not_reported_cut():
    # 69 doubled-space words fill the mini card's goal area exactly: the pain point after it
    # does not fit at all, so the flow's "…" lands on the goal's last line. Every word of
    # the goal is on the card; the previous engine still said "5 of 333 characters cut".
    goal = words(69)
    pain = "pain " * 150
    lay = layout(Persona(name="Spacey Sam", goals=[goal], pain_points=[pain.strip()]), "mini", "classic")
    lines = shown_lines(lay, "goals", 0)
    assert "".join(lines).replace(" ", "").rstrip("\u2026") == goal.replace(" ", "")  # all of it is visible
    assert [c for c in lay.preflight if c.field == "goals"] == []
    goal_blocks = [b for b in lay.items if isinstance(b, TextBlock) and b.field == "goals" and b.item == 0]
    assert all(b.cut is None for b in goal_blocks)  # no cut marker on the canvas either
    pains = [c for c in lay.preflight if c.field == "pain_points"]
    assert len(pains) == 1 and pains[0].shown_chars == 0 and pains[0].total_chars == len(pain.strip())


def test_a_cut_text_counts_only_the_characters_after_the_last_shown_one():
    goal = words(400, sep="   ")  # triple spaces: two swallowed at every line break
    lay = layout(Persona(name="Spacey Sam", goals=[goal]), "mini", "classic")
    [cut] = [c for c in lay.preflight if c.field == "goals"]
    shown = "".join(shown_lines(lay, "goals", 0)).rstrip("\u2026").replace(" ", "")
    assert goal.replace(" ", "").startswith(shown)
    rest = goal[re.match(r"(\s*\S){%d}" % len(shown), goal).end():].strip()
    assert cut.cut_chars == len(rest)  # the words that are missing, with the spaces between them
    assert cut.total_chars == len(goal)
