"""Emoji ZWJ sequences, skin tones and variation selectors print as the emoji face's combined
glyph and come back from the PDF as typed. They printed as their first pictograph
("👩‍👩‍👧‍👦" as 👩, "🏳️‍🌈" as a white flag) and the text layer lost the rest, although the
bundled Noto Emoji has the combined glyphs."""

from __future__ import annotations

import pytest

from personadesigner.core import text as T
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.render.pdf import write_cards_pdf
from support.poppler import pdf_text

SEQUENCES = [
    "👩\u200d👩\u200d👧\u200d👦",
    "🏳\ufe0f\u200d🌈",
    "👨🏽\u200d💻",
    "🧑\u200d💻",
    "👍🏽",
    "🏃\u200d♀",
    "1\ufe0f\u20e3",  # keycaps: the digit, # or * and its key (the key alone looked like a missing-glyph box)
    "#\ufe0f\u20e3",
    "2\u20e3",
    "❤\ufe0f\u200d🔥",  # emoji presentation asked for: the heart is the emoji face's, so the sequence joins
    "❤\ufe0f",
    "✋🏽",
]


@pytest.mark.parametrize("seq", SEQUENCES)
@pytest.mark.parametrize("font", ["sans", "sans-bold"])
def test_a_sequence_is_one_drawn_emoji_as_wide_as_one_emoji(seq, font):
    pieces = T.shape_line(f"a {seq} b", T.TextStyle(font, 10))
    (emoji,) = [p for p in pieces if p.font.startswith("emoji")]
    assert emoji.text == seq  # kept whole, as typed
    assert 0 not in emoji.glyphs  # no .notdef box
    assert emoji.width == pytest.approx(T.measure("👩", font, 10))  # one emoji wide: the combined glyph
    assert T.missing_chars(seq) == ""


def test_digits_and_hashes_without_a_key_stay_in_the_text_face():
    (piece,) = T.shape_line("Call #1 at 12", T.TextStyle("sans", 10))
    assert piece.font == "sans"


def test_the_family_is_the_face_s_family_glyph_not_the_woman():
    family = T.shape_line(SEQUENCES[0], T.TextStyle("sans", 10))[0]
    woman = T.shape_line("👩", T.TextStyle("sans", 10))[0]
    assert family.glyphs[0] != woman.glyphs[0]


def test_the_pdf_gives_back_the_sequences_as_typed(tmp_path):
    persona = Persona(
        name="Family 👩\u200d👩\u200d👧\u200d👦",
        role="Coder 👨🏽\u200d💻",
        quote="Proud 🏳\ufe0f\u200d🌈 ally",
        goals=["Step 1\ufe0f\u20e3 first"],
    )
    out = tmp_path / "emoji.pdf"
    write_cards_pdf([layout(persona, "card", "classic")], out)
    text = pdf_text(out)
    for seq in ("Family 👩\u200d👩\u200d👧\u200d👦", "Coder 👨🏽\u200d💻", "🏳\ufe0f\u200d🌈", "Step 1\ufe0f\u20e3"):
        assert seq in text
