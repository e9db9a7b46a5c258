"""Copy card: besides the PNG, the clipboard holds the card as SVG and as PDF, for pasting at full quality."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtGui import QGuiApplication

from personadesigner.samples import sample_personas

pytestmark = pytest.mark.gui


def test_copy_offers_png_svg_and_pdf_of_the_card(qtbot, tmp_path):
    from personadesigner.ui.canvas import CardCanvas
    from personadesigner.ui.clipboard import PDF_MIME, SVG_MIME, copy_card_image

    persona = sample_personas()[0]
    canvas = CardCanvas()
    qtbot.addWidget(canvas)
    canvas.set_persona(persona)
    copy_card_image(canvas.current_layout())
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasImage()
    svg = bytes(mime.data(SVG_MIME).data()).decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(bytes(mime.data(PDF_MIME).data()))
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert persona.name in text  # vector text, not a picture
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    assert "NotoSans" in fonts
