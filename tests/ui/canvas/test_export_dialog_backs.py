"""The export dialog's "Print backs" and duplex choices, read back from the written PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from support.canvas import ids_by_name
from support.poppler import pdf_pages, pdf_text

pytestmark = pytest.mark.gui

STORY = "Anna joined a 20-person startup"  # every persona of the library fixture has this story


@pytest.fixture
def dialog(qtbot, library):
    from personadesigner.ui.export_dialog import ExportDialog

    ids = list(ids_by_name(library).values())
    d = ExportDialog(library, {"current": ids[:1], "selected": ids[:1], "all": ids, "filtered": []})
    qtbot.addWidget(d)
    d.show()
    return d


def _choose(combo, data):
    i = combo.findData(data)
    assert i >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(i)


def _export(dialog, qtbot, out):
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def test_print_backs_puts_each_back_after_its_front(dialog, qtbot, tmp_path):
    dialog.set_scope("all")
    _choose(dialog.format_combo, "pdf")
    backs = dialog.sheet.backs
    assert backs.backs_check.isEnabled() and not backs.backs_check.isChecked()
    assert not backs.duplex_combo.isEnabled()  # single cards: no edge to choose
    backs.backs_check.setChecked(True)
    assert not backs.duplex_combo.isEnabled()
    assert (dialog.options().backs, dialog.options().duplex) == (True, None)
    out = tmp_path / "backs.pdf"
    _export(dialog, qtbot, out)
    assert pdf_pages(out) == 6  # three cards: front, back, front, back, front, back
    assert STORY not in pdf_text(out, first=1, last=1)
    assert STORY in pdf_text(out, first=2, last=2)


def test_duplex_edge_on_a_sheet(dialog, qtbot, tmp_path):
    dialog.set_scope("all")
    _choose(dialog.format_combo, "pdf")
    backs = dialog.sheet.backs
    backs.backs_check.setChecked(True)
    _choose(dialog.sheet.page_combo, "A3")
    _choose(dialog.sheet.per_page_combo, 4)
    assert backs.duplex_combo.isEnabled()
    assert [backs.duplex_combo.itemData(i) for i in range(backs.duplex_combo.count())] == ["long", "short"]
    _choose(backs.duplex_combo, "short")
    assert (dialog.options().backs, dialog.options().duplex, dialog.options().per_page) == (True, "short", 4)
    out = tmp_path / "sheet.pdf"
    _export(dialog, qtbot, out)
    assert pdf_pages(out) == 2  # the sheet of three fronts, then the sheet of their backs
    assert STORY not in pdf_text(out, first=1, last=1)
    assert pdf_text(out, first=2, last=2).count("STORY") == 3
    backs.backs_check.setChecked(False)
    assert not backs.duplex_combo.isEnabled()
    assert (dialog.options().backs, dialog.options().duplex) == (False, None)


def test_the_print_options_offer_backs_too(qtbot):
    from personadesigner.ui.print_options import PrintOptionsDialog
    from support.canvas import make_persona

    d = PrintOptionsDialog(make_persona(), 2, template="card")
    qtbot.addWidget(d)
    d.sheet.backs.backs_check.setChecked(True)
    assert d.options().backs
    assert d.summary.text() == "2 cards on 4 pages."


def test_the_export_note_says_when_a_template_has_no_back(qtbot, tmp_path):
    from personadesigner.core.export_options import ExportOptions
    from personadesigner.render.export import export_personas
    from personadesigner.ui.export_feedback import ExportResultNote
    from support.canvas import make_persona

    out = tmp_path / "slides.pdf"
    report = export_personas([make_persona()], out, ExportOptions(template="slide", backs=True))
    note = ExportResultNote(report, 1)
    qtbot.addWidget(note)
    assert note.label.text() == "Exported 1 persona to slides.pdf. No back printed: slide has none."
