"""The text engine: fallback fonts, cleaning, line breaking and right-to-left order."""

from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from personadesigner.core import text as T


def fonts_of(s: str, face: str = "sans") -> set[str]:
    return {p.font for p in T.shape_line(s, T.TextStyle(face, 10))}


def test_fallback_picks_the_script_fonts():
    assert fonts_of("漢字") == {"cjk"}
    assert fonts_of("العربية") == {"arabic"}
    assert fonts_of("עברית") == {"hebrew"}
    assert fonts_of("Hello") == {"sans"}
    assert fonts_of("العربية", "sans-bold") == {"arabic-bold"}


def test_emoji_print_with_the_bundled_monochrome_emoji_face():
    pieces = T.shape_line("Launch 🚀 now", T.TextStyle("sans", 10))
    rocket = [p for p in pieces if "🚀" in p.text]
    assert len(rocket) == 1 and rocket[0].font == "emoji" and rocket[0].width > 0
    assert T.MISSING not in "".join(p.text for p in pieces)


def test_zwj_sequence_and_variation_selector_drop_cleanly():
    pieces = T.shape_line("a 🧑\u200d💻 ❤\ufe0f b", T.TextStyle("sans", 10))
    drawn = "".join(p.text for p in pieces)
    assert "\u200d" not in drawn and "\ufe0f" not in drawn and T.MISSING not in drawn
    assert "🧑" in drawn and "❤" in drawn
    assert {p.font for p in pieces if "🧑" in p.text} == {"emoji"}


def test_emoji_no_bundled_font_has_becomes_one_clean_box_from_a_font_that_has_it():
    pieces = T.shape_line("a \U0001fae9 b", T.TextStyle("sans", 10))  # Unicode 16: newer than the font
    box = [p for p in pieces if T.MISSING in p.text]
    assert len(box) == 1 and box[0].font == "symbols" and box[0].text.count(T.MISSING) == 1


def test_control_characters_are_removed_newlines_kept():
    assert T.clean("a\x07b\x00c\td\r\ne\u200bf") == "abc d\nef"


def test_markup_is_kept_literally():
    pieces = T.shape_line("<b>R&D</b>", T.TextStyle("sans", 10))
    assert "".join(p.text for p in pieces) == "<b>R&D</b>"


def test_hebrew_line_is_in_visual_order():
    pieces = T.shape_line("שלום עולם", T.TextStyle("sans", 10))
    # drawn left to right, the first logical letter (shin) is the rightmost glyph
    assert pieces[0].text.endswith("ש")
    assert pieces[-1].text.endswith("ש")


def test_arabic_is_reshaped_and_reversed():
    pieces = T.shape_line("سلام", T.TextStyle("sans", 10))
    drawn = "".join(p.text for p in pieces)
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in drawn)  # presentation forms: joined letters
    assert pieces[0].font == "arabic"
    assert drawn[-1] in "\ufeb3\ufeb1\ufeb2\ufeb4"  # the first logical letter, seen, drawn last


def test_cjk_breaks_between_ideographs():
    lines = T.break_lines("漢字漢字漢字漢字漢字漢字", "sans", 10, 35)
    assert len(lines) > 1 and all(len(line) <= 3 for line in lines)
    assert "".join(lines) == "漢字漢字漢字漢字漢字漢字"


def test_a_word_longer_than_the_line_is_broken_by_characters():
    lines = T.break_lines("Donaudampfschifffahrtsgesellschaft", "sans", 10, 50)
    assert len(lines) > 2 and "".join(lines) == "Donaudampfschifffahrtsgesellschaft"


def test_breaks_after_spaces_and_hyphens():
    lines = T.break_lines("well-known state-of-the-art tools", "sans", 10, 60)
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
    assert any(line.endswith("-") for line in lines)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=80), st.sampled_from(["sans", "serif-bold", "sans-italic"]),
       st.floats(min_value=40, max_value=200))
def test_no_line_is_wider_than_its_frame(text, face, width):
    clean = T.clean(text)
    for line in T.break_lines(clean, face, 9, width):
        pieces = T.shape_line(line, T.TextStyle(face, 9))
        # a single glyph wider than the frame cannot be split further
        assert T.line_width(pieces) <= width + 0.01 or len(line) == 1


def test_ellipsis_fits_the_width():
    line = T.ellipsize("A fairly long line of text that will not fit", "sans", 10, 80)
    assert line.endswith("…") and T.measure(line, "sans", 10) <= 80


def test_measure_uses_the_bundled_metrics():
    assert T.measure("Hello", "sans", 10) == T.measure("Hello", "sans", 20) / 2
    assert T.measure("Hello", "sans-bold", 10) > T.measure("Hello", "sans", 10)


def test_a_huge_unbroken_word_is_split_quickly_and_fits():
    lines = T.break_lines("x" * 20000, "sans", 9, 100)
    assert "".join(lines) == "x" * 20000
    assert max(T.line_width(T.shape_line(line, T.TextStyle("sans", 9))) for line in lines) <= 100


def test_persian_zwnj_stops_joining_and_draws_nothing():
    """"می‌خواهم" (I want): the ZWNJ leaves "می" unjoined from "خواهم"; dropping it misspells the word."""
    style = T.TextStyle("arabic", 12)
    with_zwnj = "".join(p.text for p in T.shape_line("می\u200cخواهم", style))
    # yeh before the ZWNJ takes its final form (U+FBFD), not the medial form a joined word has (U+FBFF)
    assert "\ufbfd" in with_zwnj and "\ufbff" not in with_zwnj
    joined = "".join(p.text for p in T.shape_line("میخواهم", style))
    assert "\ufbff" in joined
    # the ZWNJ itself adds no width
    assert T.measure("\u200c", "arabic", 12) == 0 and T.measure("\u200c", "sans", 12) == 0


def test_zwj_between_letters_keeps_both_letters():
    assert T.clean("ب\u200dب") == "ب\u200dب"
    assert T.clean("a\u200db") == "a\u200db"


def test_emoji_zwj_sequence_after_a_variation_selector_shows_its_first_pictograph():
    assert T.clean("❤\ufe0f\u200d🔥 hot") == "❤ hot"


def test_tracking_is_counted_per_line_not_per_text():
    text = " ".join(["Research"] * 60)
    track = 0.16
    lines = T.break_lines(text, "sans-bold", 9, 200, tracking=track)
    assert 3 < len(lines) < 40
    for ln in lines:  # as the painter spaces it: letters plus a track between each two
        assert T.measure(ln, "sans-bold", 9) + track * 9 * (len(ln) - 1) <= 200.01
    assert len(T.break_lines(text, "sans-bold", 9, 200)) < len(lines)


@pytest.mark.parametrize("text", ["\u200dالله", "ب\u200dالله", "a \u200dلا"])
def test_a_zwj_before_an_arabic_ligature_lays_out(text):
    """The reshaper library raises on these; the text still shapes, measures and breaks."""
    pieces = T.shape_line(text, T.TextStyle("sans", 10))
    assert T.line_width(pieces) > 0 and T.MISSING not in "".join(p.text for p in pieces)
    assert T.break_lines(T.clean(text), "sans", 10, 200)
