"""Preflight cuts count characters that are really missing, never spaces lost at line breaks."""

from __future__ import annotations

import re

from personadesigner.core.cardlayout import TextBlock
from personadesigner.core.flow_overflow import dropped_chars
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona


def shown_lines(lay, field: str, item: int) -> list[str]:
    return [
        line.text
        for b in lay.items
        if isinstance(b, TextBlock) and b.field == field and b.item == item
        for line in b.lines
    ]


def words(n: int, sep: str = "  ") -> str:
    return sep.join(f"w{k}" for k in range(n))


def test_dropped_chars_skips_whitespace_swallowed_by_line_breaks():
    text = "one  two   three\n\nfour five"
    assert dropped_chars(text, ["one  two", "three"]) == len("fourfive") + 1  # "four five"
    assert dropped_chars(text, ["one  two", "three", "", "four five"]) == 0
    assert dropped_chars(text, []) == len(text.replace("\n", ""))
    assert dropped_chars("  padded  ", ["padded"]) == 0


def test_a_fully_shown_text_with_doubled_spaces_is_not_reported_cut():
    # Fifteen doubled-space goals overflow the card: the goals give up room to the pain
    # points, and the "…" lands on the last line of the last goal shown. Every goal whose
    # words are all on the card is whole: no Cut, no cut marker (the previous engine
    # counted the spaces swallowed by line breaks as cut characters).
    goals = [words(30 + 2 * k) for k in range(15)]
    lay = layout(Persona(name="Spacey Sam", goals=goals, pain_points=["Slow  reviews"]), "card", "classic")
    cut_items = {c.item for c in lay.preflight if c.field == "goals"}
    assert cut_items  # the list really overflowed
    whole = 0
    for k, goal in enumerate(goals):
        shown = "".join(shown_lines(lay, "goals", k)).replace(" ", "").rstrip("\u2026")
        if shown == goal.replace(" ", ""):
            whole += 1
            assert k not in cut_items
            assert all(
                b.cut is None for b in lay.items if isinstance(b, TextBlock) and b.field == "goals" and b.item == k
            )
        else:
            assert k in cut_items
    assert whole >= 3
    assert "Slow  reviews".replace(" ", "") in "".join(shown_lines(lay, "pain_points", 0)).replace(" ", "")


def test_a_cut_text_counts_only_the_characters_after_the_last_shown_one():
    goal = words(400, sep="   ")  # triple spaces: two swallowed at every line break
    lay = layout(Persona(name="Spacey Sam", goals=[goal]), "mini", "classic")
    [cut] = [c for c in lay.preflight if c.field == "goals"]
    shown = "".join(shown_lines(lay, "goals", 0)).rstrip("\u2026").replace(" ", "")
    assert goal.replace(" ", "").startswith(shown)
    rest = goal[re.match(r"(\s*\S){%d}" % len(shown), goal).end() :].strip()
    assert cut.cut_chars == len(rest)  # the words that are missing, with the spaces between them
    assert cut.total_chars == len(goal)
