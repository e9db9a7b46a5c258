"""The export dialog end to end: real library, real worker thread, real files checked with poppler."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog

from support.canvas import ids_by_name, make_persona
from support.poppler import pdf_info, pdf_pages, pdf_text

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, library):
    from personadesigner.ui.export_dialog import ExportDialog

    ids = ids_by_name(library)
    scopes = {
        "current": [ids["Anna Berg"]],
        "selected": [ids["Anna Berg"], ids["Ben Okafor"]],
        "all": list(ids.values()),
        "filtered": [],
    }
    d = ExportDialog(library, scopes)
    qtbot.addWidget(d)
    d.show()
    return d


def choose(combo, data):
    i = combo.findData(data)
    assert i >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(i)


def test_scopes_show_their_counts_and_empty_ones_are_disabled(dialog):
    labels = [dialog.scope_combo.itemText(i) for i in range(dialog.scope_combo.count())]
    assert "All personas in the library (3)" in labels
    filtered = dialog.scope_combo.findData("filtered")
    assert not dialog.scope_combo.model().item(filtered).isEnabled()


def test_exporting_a_pdf_of_all_personas(dialog, qtbot, tmp_path):
    out = tmp_path / "cards.pdf"
    dialog.set_scope("all")
    choose(dialog.format_combo, "pdf")
    choose(dialog.bleed_combo, "3mm")
    dialog.marks_check.setChecked(True)
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0].pages == 3
    assert pdf_pages(out) == 3
    text = pdf_text(out)
    assert "Ben Okafor" in text and "Chloé Martin" in text
    assert not dialog.isVisible()  # done: the dialog closes


def test_exporting_selected_personas_as_png_images(dialog, qtbot, tmp_path):
    folder = tmp_path / "pngs"
    dialog.set_scope("selected")
    choose(dialog.format_combo, "png")
    assert dialog.dpi_spin.isEnabled()
    dialog.dpi_spin.setValue(100)
    dialog.path_edit.setText(str(folder))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    files = sorted(folder.glob("*.png"))
    assert len(files) == 2
    image = QImage(str(files[0]))
    # A6 at 100 dpi: 105 x 148 mm
    assert (image.width(), image.height()) == (round(105 / 25.4 * 100), round(148 / 25.4 * 100))


def test_an_imposed_sheet_is_previewed_as_page_one(dialog, qtbot):
    dialog.set_scope("all")
    # four A6 cards need an A3 sheet: on A4 they would run into the printer's 5 mm margin
    choose(dialog.page_combo, "A3")
    choose(dialog.per_page_combo, 4)
    dialog.update_preview()
    pixmap = dialog.preview.pixmap()
    assert not pixmap.isNull()
    assert pixmap.height() / pixmap.width() == pytest.approx(420 / 297, rel=0.03)
    assert dialog.preview_caption.text().startswith("Page 1 of 1 · 297 × 420 mm")


def test_cancel_stops_a_long_export_and_leaves_no_file(qtbot, library, tmp_path):
    from personadesigner.ui.export_dialog import ExportDialog

    library.add_many([make_persona(f"Persona {i:03}") for i in range(150)])
    ids = [s.id for s in library.list()]
    dialog = ExportDialog(library, {"all": ids})
    qtbot.addWidget(dialog)
    out = tmp_path / "many.pdf"
    dialog.path_edit.setText(str(out))
    assert dialog.start_export()
    # Cancel as soon as the first page is written, from the worker's own thread.
    worker = dialog.worker()
    worker.progress.connect(lambda *_: worker.cancel(), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(dialog.exportCancelled, timeout=60000):
        pass
    assert not out.exists()
    assert list(tmp_path.glob("many*")) == []
    assert not dialog.is_exporting() and dialog.export_button.isEnabled()


def test_an_unwritable_place_is_one_clear_message(dialog, qtbot, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog.path_edit.setText(str(blocker / "cards.pdf"))
    with qtbot.waitSignal(dialog.exportFailed, timeout=60000) as failed:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    message = failed.args[0]
    assert "\n" not in message and "Traceback" not in message
    assert dialog.isVisible()  # the user can pick another place


def test_a_bad_custom_bleed_is_refused_before_exporting(dialog, tmp_path):
    choose(dialog.bleed_combo, "custom")
    dialog.bleed_edit.setText("three millimetres")
    dialog.path_edit.setText(str(tmp_path / "x.pdf"))
    assert not dialog.start_export()
    assert "is not a length" in dialog.last_error
    assert not (tmp_path / "x.pdf").exists()


def test_a_poster_can_be_tiled_on_office_sheets(dialog, qtbot, tmp_path):
    out = tmp_path / "poster.pdf"
    dialog.set_scope("current")
    assert not dialog.tile_combo.isEnabled()  # a card needs no tiling
    choose(dialog.template_combo, "poster")
    assert dialog.tile_combo.isEnabled()
    choose(dialog.tile_combo, "A4")
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    pages = pdf_pages(out)
    assert pages == done.args[0].pages and pages > 1
    info = pdf_info(out)
    assert "(A4)" in info


def test_choices_that_cannot_be_printed_disable_export_and_say_why(dialog):
    dialog.set_scope("all")
    choose(dialog.page_combo, "A4")
    choose(dialog.per_page_combo, 10)
    dialog.update_preview()
    assert not dialog.export_button.isEnabled()
    assert "fit on an A4 sheet" in dialog.preview.text()
    assert dialog.export_button.toolTip() == dialog.preview.text()
    choose(dialog.per_page_combo, "auto")
    dialog.update_preview()
    assert dialog.export_button.isEnabled()


def test_the_output_place_is_remembered_for_the_next_export(dialog, qtbot, library, tmp_path):
    from personadesigner.ui.export_dialog import ExportDialog

    out = tmp_path / "deck" / "team cards.pdf"
    out.parent.mkdir()
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exportFinished, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    again = ExportDialog(library, {"all": [s.id for s in library.list()]})
    qtbot.addWidget(again)
    assert Path(again.path_edit.text()).parent == out.parent


def test_the_end_of_an_export_arriving_during_a_progress_update_is_handled(qtbot, library, tmp_path):
    """A modal progress dialog processes events inside setValue(): the queued 'cancelled'
    can close it in the middle of the progress handler."""
    from personadesigner.ui.export_dialog import ExportDialog

    library.add_many([make_persona(f"Persona {i:03}") for i in range(20)])
    ids = [s.id for s in library.list()]
    dialog = ExportDialog(library, {"all": ids})
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "race.pdf"
    dialog.path_edit.setText(str(out))
    assert dialog.start_export()
    progress = dialog.findChild(QProgressDialog, "exportProgress")
    progress.setMinimumDuration(0)
    progress.show()  # shown and modal: setValue() runs the event loop
    worker = dialog.worker()
    # The worker's 'cancelled' is queued right behind a 'progress' past the first card.
    worker.progress.connect(lambda done, _total: done >= 2 and worker.cancel(), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(dialog.exportCancelled, timeout=60000):
        pass
    qtbot.wait(50)  # any progress still queued runs against the finished export
    assert not dialog.is_exporting() and dialog.export_button.isEnabled()
    assert not out.exists()


def test_a_bug_during_export_points_to_the_log_not_to_free_space(dialog, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from personadesigner.render import export as render_export

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("secret internals")

    monkeypatch.setattr(render_export, "export_personas", broken)
    dialog.path_edit.setText(str(tmp_path / "cards.pdf"))
    with qtbot.waitSignal(dialog.exportFailed, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "exportError")
    assert "log" in box.text()
    assert "free some space" not in box.text()
    assert "secret internals" not in box.text() and "ZeroDivisionError" not in box.text()


def test_a_known_export_problem_says_what_to_do(dialog, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog.path_edit.setText(str(blocker / "cards.pdf"))
    with qtbot.waitSignal(dialog.exportFailed, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = dialog.findChild(QMessageBox, "exportError").text()
    assert "is a file, not a folder; choose a folder" in text and "space" not in text


def test_changing_options_does_not_read_the_personas_again(dialog, qtbot, monkeypatch):
    """Typing a custom bleed or switching the page re-plans page 1 from the personas already read."""
    from personadesigner.storage.library import Library

    dialog.set_scope("all")
    dialog.update_preview()
    reads: list[str] = []
    real_get = Library.get
    monkeypatch.setattr(Library, "get", lambda self, pid: reads.append(pid) or real_get(self, pid))
    choose(dialog.page_combo, "A3")
    choose(dialog.per_page_combo, 4)
    dialog.update_preview()
    assert reads == []
    assert dialog.preview_caption.text().startswith("Page 1 of 1 · 297 × 420 mm")
