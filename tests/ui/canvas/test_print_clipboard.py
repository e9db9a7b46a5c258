"""Printing (through Qt's print preview) and copying the card as an image."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from personadesigner.core.export_options import ExportOptions
from support.canvas import make_persona
from support.poppler import pdf_info

pytestmark = pytest.mark.gui


def test_print_preview_shows_one_page_per_persona(qtbot, monkeypatch):
    from personadesigner.ui import print_support

    seen = {}

    def fake_exec(self):
        preview = self.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        seen["pages"] = preview.pageCount()
        seen["size"] = self.printer().pageLayout().fullRectPoints().size()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    personas = [make_persona(f"Persona {i}") for i in range(3)]
    dialog = print_support.print_personas(None, personas, "card", "classic", options=ExportOptions())
    qtbot.addWidget(dialog)
    assert seen["pages"] == 3
    # the page is the card's trim size: A6
    assert seen["size"].width() == pytest.approx(105 / 25.4 * 72, abs=1)
    assert seen["size"].height() == pytest.approx(148 / 25.4 * 72, abs=1)


def test_printing_to_pdf_puts_each_card_on_its_page(qapp, tmp_path):
    from personadesigner.ui.print_support import paint_sheets, planned_sheets

    personas = [make_persona("Anna Berg"), make_persona("Ben Okafor", quote="Show me the numbers.")]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_sheets(printer, planned_sheets(personas, ExportOptions())) == 2
    info = pdf_info(out)
    assert "Pages:           2" in info
    width, height = (float(v) for v in next(l for l in info.splitlines() if l.startswith("Page size")).split()[2:5:2])
    assert (width, height) == pytest.approx((297.6, 419.5), abs=1.5)


def test_copy_puts_a_200_dpi_card_image_on_the_clipboard(qtbot, persona):
    from personadesigner.ui.canvas import CardCanvas
    from personadesigner.ui.clipboard import copy_card_image

    canvas = CardCanvas()
    qtbot.addWidget(canvas)
    canvas.set_persona(persona)
    copy_card_image(canvas.current_layout())
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    assert image.width() == round(105 / 25.4 * 200)
    assert image.height() / image.width() == pytest.approx(148 / 105, rel=0.01)
    # the card, not a blank: the header band is in the persona type's colour
    assert image.pixelColor(image.width() - 20, 20).name() != "#ffffff"


def test_cards_of_different_sizes_print_on_pages_of_their_own_size(qapp, tmp_path):
    from personadesigner.ui.print_support import paint_sheets, planned_sheets

    card, mini = make_persona("Anna Berg"), make_persona("Ben Okafor")
    mini.card.template = "mini"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "mixed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_sheets(printer, planned_sheets([card, mini], ExportOptions())) == 2  # each persona's own design
    info = pdf_info(out, "-f", "1", "-l", "2")
    sizes = [
        line.split(":", 1)[1].split("pts")[0].strip()
        for line in info.splitlines()
        if "size:" in line and "Page" in line
    ]
    assert len(sizes) == 2 and sizes[0] != sizes[1]
