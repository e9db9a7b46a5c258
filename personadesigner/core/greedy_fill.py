"""Greedy line filling of measured segments with the running sums done in C.

Why a module of its own: core.text breaks the same paragraph at every size a
flow's fit search tries, and its segment-by-segment loop was the single most
expensive line of a batch export. The answer here is the loop's answer
exactly: ``itertools.accumulate`` adds the widths in the loop's order (so the
floats are the same), and since a segment's width with its spaces is never
less than without them, the line's fill only grows, so ``bisect`` finds where
it first overflows. A paragraph that breaks the rule (negative widths,
tracking) or has a segment wider than a line is left to core.text's loop.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from operator import add, le


def fill_columns(segments) -> tuple[tuple[str, ...], tuple[float, ...], tuple[float, ...]] | None:
    """(texts, widths without trailing spaces, widths with them) of a paragraph's measured
    segments [(segment, stripped, width, full width)], or None when ``fill`` cannot take them."""
    if not segments:
        return (), (), ()
    texts, _stripped, trims, fulls = zip(*segments)
    if min(trims) < 0.0 or not all(map(le, trims, fulls)):
        return None
    return texts, trims, fulls


def fill(columns, room: float, limit: float) -> list[str] | None:
    """The paragraph's lines, the first at most ``room`` wide and the rest ``limit`` (1/1000 em,
    1e-6 of slack as core.text has it), or None when a segment alone is wider than its line."""
    texts, trims, fulls = columns
    n = len(texts)
    start = 0
    lines: list[str] = []
    while True:
        # ends[k]: the line's width if it ended after segment start + k (its trailing spaces not counted)
        ends = list(map(add, accumulate(fulls[start:], initial=0.0), trims[start:]))
        end = start + bisect_right(ends, room + 1e-6)
        if end == n:
            lines.append("".join(texts[start:]).rstrip(" "))
            return lines
        if end == start:
            return None
        lines.append("".join(texts[start:end]).rstrip(" "))
        start, room = end, limit
