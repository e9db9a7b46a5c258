"""What the layout draws reads back as words from a real PDF (search, copy, screen readers)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import full, negative

from personadesigner.core.layout import layout
from personadesigner.core.templates import template_names

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


@pytest.mark.parametrize("template", template_names())
def test_letter_spaced_headings_extract_as_words(template, tmp_path):
    from personadesigner.render.pdf import write_cards_pdf

    out = tmp_path / "cards.pdf"
    write_cards_pdf([layout(full(), template, "classic"), layout(negative(), template, "classic")], out)
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(raw.split())  # a name may wrap over two lines
    assert "PAIN POINTS" in text or "TOP PAIN POINT" in text
    assert "NOT OUR CUSTOMER" in text
    assert "Maximilian Okonkwo" in text


def test_emoji_in_a_persona_extract_from_the_exported_card(tmp_path):
    from personadesigner.render.pdf import write_cards_pdf

    from personadesigner.core.persona import Persona

    p = Persona(name="Rita Rocket", type="end_user", role="Growth 🚀 lead",
                quote="Ship it 🚀 today", goals=["Launch 🚀 weekly"], pain_points=["Slow reviews"])
    out = tmp_path / "emoji.pdf"
    write_cards_pdf([layout(p, "card", "classic")], out)
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "🚀" in raw and "\u25a1" not in raw
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Emoji" in fonts
