"""The text engine: fallback fonts, cleaning, line breaking and right-to-left order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from personadesigner.core import line_breaks as LB
from personadesigner.core import shaping as S
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
    assert all(0 not in p.glyphs for p in pieces)  # no .notdef box anywhere


def test_a_variation_selector_on_a_symbol_no_emoji_face_has_drops_cleanly():
    pieces = T.shape_line("a ✿\ufe0f b", T.TextStyle("sans", 10))
    drawn = "".join(p.text for p in pieces)
    assert "\ufe0f" not in drawn and all(0 not in p.glyphs for p in pieces)
    assert "✿" in drawn


def test_a_character_no_bundled_font_has_is_one_notdef_box_and_is_reported():
    pieces = T.shape_line("a \U0001fae9 b \U00010330", T.TextStyle("sans", 10))  # Unicode 16 emoji, Gothic
    assert sum(p.glyphs.count(0) for p in pieces) == 2  # the style face's own .notdef box, once each
    assert "".join(p.text for p in pieces) == "a \U0001fae9 b \U00010330"  # the text layer keeps them
    assert T.missing_chars("a \U0001fae9 b \U00010330 \U00010330") == "\U0001fae9\U00010330"
    assert T.code_points(T.missing_chars("x\U00010330")) == "U+10330"
    assert T.missing_chars("अनन्या สมชาย 김민준 佐藤 さとう ليلى דוד Παπα 🚀") == ""


def test_control_characters_are_removed_newlines_kept():
    assert T.clean("a\x07b\x00c\td\r\ne\u200bf") == "abc d\nef"


def test_markup_is_kept_literally():
    pieces = T.shape_line("<b>R&D</b>", T.TextStyle("sans", 10))
    assert "".join(p.text for p in pieces) == "<b>R&D</b>"


def test_hebrew_line_is_in_visual_order():
    pieces = T.shape_line("שלום עולם", T.TextStyle("sans", 10))
    assert len(pieces) == 1 and pieces[0].rtl and pieces[0].text == "שלום עולם"  # logical text kept
    # drawn left to right, the first logical letter (shin) is the rightmost glyph
    assert pieces[0].glyphs[-1] == S.nominal_glyph("hebrew", ord("ש"))
    assert pieces[0].clusters[-1] == 0


def test_arabic_letters_join():
    pieces = T.shape_line("سلام", T.TextStyle("sans", 10))
    assert [p.font for p in pieces] == ["arabic"] and pieces[0].text == "سلام"
    isolated = [S.nominal_glyph("arabic", ord(c)) for c in "سلام"]
    # joined forms are other glyphs than the isolated letters; seen (the first letter) is drawn last
    assert pieces[0].glyphs[-1] != isolated[0] and pieces[0].clusters[-1] == 0
    assert not set(pieces[0].glyphs) & {isolated[0], isolated[1]}


def test_a_devanagari_conjunct_is_one_glyph_and_the_i_sign_is_drawn_first():
    (piece,) = T.shape_line("क्ष", T.TextStyle("sans", 10))
    assert piece.font == "devanagari" and len(piece.glyphs) == 1
    (piece,) = T.shape_line("कि", T.TextStyle("sans", 10))  # the vowel sign i stands before its consonant
    assert piece.glyphs[0] != S.nominal_glyph("devanagari", ord("क"))
    assert piece.glyphs[1] == S.nominal_glyph("devanagari", ord("क"))


def test_kerning_moves_letters_together():
    (kerned,) = T.shape_line("AV", T.TextStyle("sans", 100))
    assert kerned.width < T.measure("A", "sans", 100) + T.measure("V", "sans", 100) - 1


def test_japanese_text_uses_the_japanese_face_and_names_are_bold_in_every_script():
    assert fonts_of("さとう はなこ") == {"cjk-jp"}
    assert fonts_of("佐藤さとう") == {"cjk-jp"}  # kana in the text: Japanese forms for the kanji too
    assert fonts_of("김민준", "sans-bold") == {"cjk-kr-bold"}
    for text, face in (
        ("अनन्या", "devanagari-bold"),
        ("สมชาย", "thai-bold"),
        ("ليلى", "arabic-bold"),
        ("דוד", "hebrew-bold"),
        ("さとう", "cjk-jp-bold"),
        ("বাংলা", "bengali-bold"),
        ("தமிழ்", "tamil-bold"),
    ):
        assert fonts_of(text, "sans-bold") == {face}


def test_thai_syllables_keep_consonant_clusters_whole():
    assert LB._segments("มากครับประเทศไทย") == ("มาก", "ครับ", "ประ", "เทศ", "ไทย")


def test_thai_breaks_between_syllables_without_spaces():
    lines = LB.break_lines("สมชายใจดีมาก", "sans", 10, 45)
    assert len(lines) > 1 and "".join(lines) == "สมชายใจดีมาก"
    assert all(not ("\u0e30" <= line[0] <= "\u0e3a" or "\u0e47" <= line[0] <= "\u0e4e") for line in lines)


def test_breaks_word_tells_when_a_single_word_is_wider_than_the_line():
    assert LB.breaks_word("Μαρία Παπαδοπούλου", "sans-bold", 34, 170)
    assert not LB.breaks_word("Μαρία Παπαδοπούλου", "sans-bold", 20, 170)


def test_cjk_breaks_between_ideographs():
    lines = LB.break_lines("漢字漢字漢字漢字漢字漢字", "sans", 10, 35)
    assert len(lines) > 1 and all(len(line) <= 3 for line in lines)
    assert "".join(lines) == "漢字漢字漢字漢字漢字漢字"


def test_a_word_longer_than_the_line_is_broken_by_characters():
    lines = LB.break_lines("Donaudampfschifffahrtsgesellschaft", "sans", 10, 50)
    assert len(lines) > 2 and "".join(lines) == "Donaudampfschifffahrtsgesellschaft"


def test_breaks_after_spaces_and_hyphens():
    lines = LB.break_lines("well-known state-of-the-art tools", "sans", 10, 60)
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
    assert any(line.endswith("-") for line in lines)


def test_a_space_after_a_fallback_face_is_measured_in_that_face():
    # the space joins the symbol face's run, whose space is wider than the sans one
    for line in LB.break_lines("000 \U0001d556\U0001d556\U0001d558\U0001d560 cg\U0001d563", "sans", 9, 40.0):
        assert T.line_width(T.shape_line(line, T.TextStyle("sans", 9))) <= 40.0


@settings(max_examples=150, deadline=None)
@given(
    st.text(min_size=1, max_size=80),
    st.sampled_from(["sans", "serif-bold", "sans-italic"]),
    st.floats(min_value=40, max_value=200),
)
def test_no_line_is_wider_than_its_frame(text, face, width):
    clean = T.clean(text)
    for line in LB.break_lines(clean, face, 9, width):
        pieces = T.shape_line(line, T.TextStyle(face, 9))
        # a single glyph wider than the frame cannot be split further
        assert T.line_width(pieces) <= width + 0.01 or len(line) == 1


def test_ellipsis_fits_the_width():
    line = LB.ellipsize("A fairly long line of text that will not fit", "sans", 10, 80)
    assert line.endswith("…") and T.measure(line, "sans", 10) <= 80


def test_measure_uses_the_bundled_metrics():
    assert T.measure("Hello", "sans", 10) == T.measure("Hello", "sans", 20) / 2
    assert T.measure("Hello", "sans-bold", 10) > T.measure("Hello", "sans", 10)


def test_a_huge_unbroken_word_is_split_quickly_and_fits():
    lines = LB.break_lines("x" * 20000, "sans", 9, 100)
    assert "".join(lines) == "x" * 20000
    assert max(T.line_width(T.shape_line(line, T.TextStyle("sans", 9))) for line in lines) <= 100


def test_persian_zwnj_stops_joining_and_draws_nothing():
    """ "می‌خواهم" (I want): the ZWNJ leaves "می" unjoined from "خواهم"; dropping it misspells the word."""
    style = T.TextStyle("arabic", 12)

    def yeh(text: str) -> int:  # the glyph drawing the yeh (logical index 1)
        (piece,) = T.shape_line(text, style)
        return piece.glyphs[piece.clusters.index(1)]

    # yeh before the ZWNJ takes the final form "می" alone has, not the medial form of a joined word
    assert yeh("می\u200cخواهم") == yeh("می") != yeh("میخواهم")
    # the ZWNJ itself adds no width
    assert T.measure("\u200c", "arabic", 12) == 0 and T.measure("\u200c", "sans", 12) == 0


def test_zwj_between_letters_keeps_both_letters():
    assert T.clean("ب\u200dب") == "ب\u200dب"
    assert T.clean("a\u200db") == "a\u200db"


def test_emoji_zwj_sequence_after_a_variation_selector_shows_its_first_pictograph():
    """When the emoji face does not draw the first pictograph (✿ is DejaVu's)."""
    assert T.clean("✿\ufe0f\u200d🔥 hot") == "✿ hot"


def test_tracking_is_counted_per_line_not_per_text():
    text = " ".join(["Research"] * 60)
    track = 0.16
    lines = LB.break_lines(text, "sans-bold", 9, 200, tracking=track)
    assert 3 < len(lines) < 40
    for ln in lines:  # as the painter spaces it: letters plus a track between each two
        assert T.measure(ln, "sans-bold", 9) + track * 9 * (len(ln) - 1) <= 200.01
    assert len(LB.break_lines(text, "sans-bold", 9, 200)) < len(lines)


@pytest.mark.parametrize("text", ["\u200dالله", "ب\u200dالله", "a \u200dلا"])
def test_a_zwj_before_an_arabic_ligature_lays_out(text):
    """The reshaper library raises on these; the text still shapes, measures and breaks."""
    pieces = T.shape_line(text, T.TextStyle("sans", 10))
    assert T.line_width(pieces) > 0 and all(0 not in p.glyphs for p in pieces)
    assert LB.break_lines(T.clean(text), "sans", 10, 200)


def test_a_long_token_of_mixed_faces_breaks_into_lines_that_fit():
    # Found by the layout property test on a grown card: the last piece of a token wider
    # than its line was never measured shaped, and "─‘" (a fallback face) made it 0.5 pt too wide.
    from personadesigner.core.line_breaks import break_lines
    from personadesigner.core.text import measure

    text = "0" * 55 + "@Æ─‘" + "0" * 8
    size, width = 12.825, 255.64
    lines = break_lines(text, "sans", size, width)
    assert "".join(lines) == text
    assert all(measure(line, "sans", size) <= width + 1e-6 for line in lines)


def test_closing_quotes_stay_with_a_cjk_word_and_are_measured_with_it():
    # the quote joins the CJK face's run (full width): measured apart in the Latin face, the line overran
    for n in (10, 26, 40):
        text = "\u201c" + "0" * n + "\u4e00\u201d"
        for line in LB.break_lines(text, "serif-italic", 9, 150):
            assert not line.startswith("\u201d")  # kinsoku: no line starts with a closing quote
            assert T.line_width(T.shape_line(line, T.TextStyle("serif-italic", 9))) <= 150 + 0.01
    assert all(
        not line.endswith("\u201c") for line in LB.break_lines("\u4e00\u4e8c\u201c\u4e09\u56db\u201d", "sans", 9, 20)
    )
