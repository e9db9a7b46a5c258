"""Related personas print by name even when only one card is exported or printed.

The linked persona is not in the batch: its name must come from the library
(real SQLite file, real worker, PDFs read back with pdftotext).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from test_shell_editing import select

from personadesigner.core.persona import CardDesign, Relation
from personadesigner.storage.library import Library
from support.poppler import pdf_text


def _link_anna_to_carl(library_path) -> tuple[str, str]:
    with Library.open(str(library_path)) as lib:
        anna, carl = lib.find("Anna Berg"), lib.find("Carl Diaz")
        anna.related = [Relation(carl.id, "uses_what_is_bought_by")]
        anna.card = CardDesign(template="profile", theme="classic")
        lib.update(anna)
        return anna.id, carl.id


def _pdf_text(path) -> str:
    return " ".join(pdf_text(path).split())


def test_exporting_one_card_prints_its_related_persona_by_name(qtbot, library_path, tmp_path):
    from personadesigner.ui.export_dialog import ExportDialog

    anna_id, carl_id = _link_anna_to_carl(library_path)
    with Library.open(str(library_path)) as lib:
        dialog = ExportDialog(lib, {"current": [anna_id]})
        qtbot.addWidget(dialog)
        dialog.set_scope("current")
        out = tmp_path / "anna.pdf"
        dialog.path_edit.setText(str(out))
        with qtbot.waitSignal(dialog.exportFinished, timeout=60000):
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        dialog.close()
    text = _pdf_text(out)
    assert "Carl Diaz" in text
    assert carl_id not in text


def _texts(layout) -> str:
    return " ".join(line.text for item in layout.items for line in getattr(item, "lines", ()))


def test_printing_one_card_prints_its_related_persona_by_name(qtbot, make_window, library_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from personadesigner.ui import print_support
    from personadesigner.ui.print_options import PrintOptionsDialog

    anna_id, carl_id = _link_anna_to_carl(library_path)
    window = make_window()
    select(window, "Anna Berg")
    printed: list = []

    def print_to_pdf(dialog: QPrintPreviewDialog) -> int:
        # What "Print" would put on paper: the cards the preview paints.
        real_paint = print_support.paint_sheets
        monkeypatch.setattr(
            print_support,
            "paint_sheets",
            lambda printer, sheets: (
                printed.extend(p.layout for s in sheets for p in s.placements) or real_paint(printer, sheets)
            ),
        )
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(window_tmp / "printed.pdf"))
        dialog.paintRequested.emit(printer)
        return 0

    window_tmp = library_path.parent
    monkeypatch.setattr(QPrintPreviewDialog, "exec", print_to_pdf)
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)  # the default layout
    window.print_cards()
    assert len(printed) == 1
    text = _texts(printed[0])
    assert "Carl Diaz" in text
    assert carl_id not in text
