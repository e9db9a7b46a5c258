"""What the layout draws reads back as words from a real PDF (search, copy, screen readers)."""

from __future__ import annotations

import pytest

from personadesigner.core.layout import layout
from personadesigner.core.templates import template_names
from support.layout_samples import full, negative
from support.poppler import pdf_text, run


@pytest.mark.parametrize("template", template_names())
def test_letter_spaced_headings_extract_as_words(template, tmp_path):
    from personadesigner.render.pdf import write_cards_pdf

    out = tmp_path / "cards.pdf"
    write_cards_pdf([layout(full(), template, "classic"), layout(negative(), template, "classic")], out)
    raw = pdf_text(out)
    text = " ".join(raw.split())  # a name may wrap over two lines
    assert "PAIN POINTS" in text or "TOP PAIN POINT" in text
    assert "NOT OUR CUSTOMER" in text
    assert "Maximilian Okonkwo" in text


def test_emoji_in_a_persona_extract_from_the_exported_card(tmp_path):
    from personadesigner.core.persona import Persona
    from personadesigner.render.pdf import write_cards_pdf

    p = Persona(
        name="Rita Rocket",
        type="end_user",
        role="Growth 🚀 lead",
        quote="Ship it 🚀 today",
        goals=["Launch 🚀 weekly"],
        pain_points=["Slow reviews"],
    )
    out = tmp_path / "emoji.pdf"
    write_cards_pdf([layout(p, "card", "classic")], out)
    raw = pdf_text(out)
    assert "🚀" in raw and "\u25a1" not in raw
    fonts = run("pdffonts", out)
    assert "Emoji" in fonts
