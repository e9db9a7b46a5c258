"""Printing is the PDF export's twin: the same page plan (N-up, bleed, marks, tiles), the same pages."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.units import Length
from personadesigner.render.export import export_personas
from support.canvas import make_persona
from support.poppler import pdf_info, pdf_pages, rasterize

pytestmark = pytest.mark.gui

DPI = 50


def _personas(n: int = 6):
    people = [
        make_persona(f"Persona {i}", type=("negative" if i == 1 else "buyer" if i % 2 else "end_user"))
        for i in range(n)
    ]
    for p in people:
        p.card.template = "mini"
    return people


def _print_to_pdf(personas, options, out) -> int:
    from personadesigner.ui.print_support import paint_sheets, planned_sheets

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return paint_sheets(printer, planned_sheets(personas, options))


def _ink_box(image: Image.Image, box) -> tuple[int, int, int, int] | None:
    """Bounding box of the non-white pixels inside ``box`` (pixels), in page pixels."""
    part = image.crop(box).convert("L").point(lambda v: 255 if v < 240 else 0)
    found = part.getbbox()
    return None if found is None else (found[0] + box[0], found[1] + box[1], found[2] + box[0], found[3] + box[1])


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(page_size="A4", per_page=4, crop_marks=True, bleed=Length.mm(3)),
        ExportOptions(page_size="A4", per_page=4),
        ExportOptions(page_size="Letter", per_page="auto", crop_marks=True),
    ],
    ids=["4-up marks bleed", "4-up plain", "letter auto"],
)
def test_printing_to_pdf_gives_the_export_pages_with_cards_in_the_same_places(qapp, tmp_path, options):
    from personadesigner.ui.print_support import planned_sheets

    personas = _personas(6)
    exported, printed = tmp_path / "export.pdf", tmp_path / "print.pdf"
    report = export_personas(personas, exported, options)
    assert _print_to_pdf(personas, options, printed) == report.pages
    assert pdf_pages(printed) == pdf_pages(exported) == report.pages
    assert "(A4)" in pdf_info(printed) if options.page_size == "A4" else "(letter)" in pdf_info(printed).lower()
    sheets = planned_sheets(personas, options)
    px = DPI / 72.0
    for n, sheet in enumerate(sheets, 1):
        a = rasterize(exported, tmp_path, dpi=DPI, page=n, name=f"e{n}")
        b = rasterize(printed, tmp_path, dpi=DPI, page=n, name=f"p{n}")
        w, h = min(a.width, b.width), min(a.height, b.height)
        a, b = a.crop((0, 0, w, h)), b.crop((0, 0, w, h))
        assert max(ImageStat.Stat(ImageChops.difference(a, b)).mean) < 4  # the same page, drawn twice
        for placement in sheet.placements:  # every card where the export puts it
            x, y, cw, ch = placement.clip
            box = (
                max(0, int(x * px) - 2),
                max(0, int(y * px) - 2),
                min(w, int((x + cw) * px) + 2),
                min(h, int((y + ch) * px) + 2),
            )
            ea, pa = _ink_box(a, box), _ink_box(b, box)
            assert ea is not None and pa is not None
            assert all(abs(i - j) <= 1 for i, j in zip(ea, pa)), (placement.layout.persona_name, ea, pa)


def test_the_print_options_are_the_export_options(qtbot):
    from personadesigner.ui.print_options import PrintOptionsDialog

    dialog = PrintOptionsDialog(_personas(1)[0], 6)
    qtbot.addWidget(dialog)
    assert dialog.options() == ExportOptions(format="pdf")  # card size, one per page: what print did before
    assert dialog.summary.text() == "6 cards on 6 pages."
    dialog.choose(page="A4", per_page=4, bleed=True, crop_marks=True)
    assert dialog.options() == ExportOptions(
        format="pdf", page_size="A4", per_page=4, bleed=Length.mm(3), crop_marks=True
    )
    assert dialog.summary.text() == "6 cards on 2 pages."


def test_choices_that_do_not_fit_cannot_be_printed_and_say_why(qtbot):
    from personadesigner.ui.print_options import PrintOptionsDialog

    persona = make_persona()  # the A6 card
    dialog = PrintOptionsDialog(persona, 3)
    qtbot.addWidget(dialog)
    dialog.choose(page="A4", per_page=10)
    assert not dialog.print_button.isEnabled()
    assert "A4" in dialog.summary.text()


def test_a_poster_can_be_printed_in_tiles(qtbot):
    from personadesigner.ui.print_options import PrintOptionsDialog

    persona = make_persona()
    card_dialog = PrintOptionsDialog(persona, 1)
    qtbot.addWidget(card_dialog)
    assert not card_dialog.tile_combo.isEnabled()
    dialog = PrintOptionsDialog(persona, 1, template="poster")
    qtbot.addWidget(dialog)
    dialog.choose(tile="A4")
    assert dialog.options().tile_to == "A4" and dialog.options().template == "poster"
    pages = int(dialog.summary.text().split(" on ")[1].split()[0])
    assert pages > 1


def test_ctrl_p_asks_the_layout_then_previews_the_planned_sheets(qtbot, monkeypatch):
    """The whole path: the options dialog (4 per A4 sheet) and then Qt's preview of 2 sheets for 6 cards."""
    from personadesigner.ui import print_support
    from personadesigner.ui.print_options import PrintOptionsDialog

    seen = {}

    def answer_options():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintOptionsDialog) and w.isVisible())
        dialog.choose(page="A4", per_page=4, crop_marks=True)
        dialog.print_button.click()

    def fake_exec(self):
        preview = self.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        seen["pages"] = preview.pageCount()
        seen["size"] = self.printer().pageLayout().fullRectPoints().size()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    QTimer.singleShot(0, answer_options)
    dialog = print_support.print_personas(None, _personas(6))
    qtbot.addWidget(dialog)
    assert seen["pages"] == 2
    assert (seen["size"].width(), seen["size"].height()) == pytest.approx((595.3, 841.9), abs=1)


def test_cancelling_the_print_options_prints_nothing(qtbot, monkeypatch):
    from personadesigner.ui import print_support
    from personadesigner.ui.print_options import PrintOptionsDialog

    def cancel():
        next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintOptionsDialog) and w.isVisible()).reject()

    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: pytest.fail("no preview after Cancel"))
    QTimer.singleShot(0, cancel)
    assert print_support.print_personas(None, _personas(2)) is None
