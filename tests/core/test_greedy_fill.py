"""core.greedy_fill breaks a paragraph exactly where core.text's segment loop does.

Exact, not close: the line breaks decide every card's layout (tests/core/data/
layout_digests.json), so the running sums must be the loop's own floats.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from personadesigner.core import text as T
from personadesigner.core.greedy_fill import fill, fill_columns


def loop_lines(segments, room: float, limit: float) -> list[str] | None:
    """The loop core.text ran for every paragraph (None where it breaks inside a word)."""
    lines: list[str] = []
    cur: list[str] = []
    used = 0.0
    for seg, _stripped, w_trim, w_full in segments:
        if used + w_trim <= room + 1e-6:
            cur.append(seg)
            used += w_full
            continue
        if cur:
            lines.append("".join(cur).rstrip(" "))
            room = limit
            cur, used = [], 0.0
        if w_trim > room + 1e-6:
            return None
        cur.append(seg)
        used = w_full
    lines.append("".join(cur).rstrip(" "))
    return lines


widths = st.floats(min_value=0.0, max_value=3000.0, allow_nan=False)
segment = st.tuples(st.text(alphabet="abc", min_size=1, max_size=3), widths, st.integers(0, 2), widths)


@given(st.lists(segment, max_size=40), st.floats(1.0, 9000.0), st.floats(1.0, 9000.0))
def test_fill_ends_every_line_where_the_loop_does(raw, room, limit):
    segments = [(word + " " * spaces, word, w, w + spaces * space) for word, w, spaces, space in raw]
    assert fill(fill_columns(segments), room, limit) == loop_lines(segments, room, limit)


def test_lines_that_sum_to_the_room_within_rounding_break_alike():
    # 0.1 + 0.2 > 0.3 in floats: a sum in another order would end the line elsewhere.
    segments = [(f"w{k} ", f"w{k}", 100.1, 100.3) for k in range(30)]
    for room in (300.9, 400.9 + 1e-7, 1003.0 - 1e-6, 2006.0):
        assert fill(fill_columns(segments), room, room) == loop_lines(segments, room, room)


def test_a_paragraph_with_a_word_wider_than_its_line_is_left_to_the_loop():
    segments = [("short ", "short", 100.0, 130.0), ("enormous", "enormous", 900.0, 900.0)]
    assert fill(fill_columns(segments), 500.0, 500.0) is None
    assert T.break_lines("short enormous", "sans", 10.0, 30.0) == ["short", "enor", "mous"]
