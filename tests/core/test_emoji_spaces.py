"""A space next to an emoji is a word space: Noto Emoji's own space is 1.27 em, and a
space that stayed in the emoji's run left a gap as wide as an emoji ("Tester 🏳    of")."""

from __future__ import annotations

import pytest

from personadesigner.core import text as T


@pytest.mark.parametrize("emoji", ["🏳", "🎉", "👩", "❤"])
@pytest.mark.parametrize("font", ["sans", "sans-bold", "serif"])
def test_the_space_after_an_emoji_is_as_wide_as_the_space_between_words(emoji, font):
    word_space = T.measure("a b", font, 10) - T.measure("ab", font, 10)
    gap = T.measure(f"x {emoji} of", font, 10) - T.measure(f"x {emoji}of", font, 10)
    assert gap == pytest.approx(word_space, abs=0.01)


def test_a_line_of_emoji_and_words_is_measured_as_it_is_drawn():
    line = "Tester 🏳 of 👩 and 🎉 fun"
    pieces = T.shape_line(line, T.TextStyle("sans", 10))
    assert all(p.text.strip() == p.text or p.font != "emoji" for p in pieces)  # no emoji run holds a space
    assert sum(p.width for p in pieces) == pytest.approx(T.measure(line, "sans", 10))
