"""After an export the status bar offers "Open" and "Show in folder"; nothing opens by itself.
The next export starts from the last folder and format."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from personadesigner.ui.export_dialog import ExportDialog
from personadesigner.ui.export_feedback import ExportResultNote

pytestmark = pytest.mark.gui


class _Opened(QObject):
    """Receives every file:// URL the app asks the desktop to open (Qt's own URL-handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


@pytest.fixture
def opened():
    receiver = _Opened()
    QDesktopServices.setUrlHandler("file", receiver, "handle")  # PySide takes the slot name as str
    yield receiver
    QDesktopServices.unsetUrlHandler("file")


def _export_from_window(qtbot, window, drive) -> None:
    """Run File › Export (a modal dialog) with ``drive(dialog)`` filling it in and clicking Export."""

    def step():
        dialog = window.findChild(ExportDialog)
        assert dialog is not None
        drive(dialog)
        dialog.export_button.click()

    QTimer.singleShot(0, step)
    window.export()  # returns once the export has finished and the dialog closed


def test_a_finished_export_offers_open_and_show_in_folder_and_opens_nothing_itself(
    qtbot, window, tmp_path, opened, monkeypatch
):
    for name in ("PERSONADESIGNER_NO_REVEAL", "PYTEST_CURRENT_TEST"):  # what once kept tests from a file manager
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "deck.pdf"

    def drive(dialog):
        dialog.set_scope("all")
        dialog.path_edit.setText(str(out))

    _export_from_window(qtbot, window, drive)
    assert out.exists()
    qtbot.wait(50)
    assert opened.urls == []  # no viewer and no file manager unasked
    note = window.statusBar().findChild(ExportResultNote)
    assert note is not None and note.isVisible()
    assert "Exported" in note.label.text() and "deck.pdf" in note.label.text()
    note.open_button.click()
    assert opened.urls == [str(out)]
    note.folder_button.click()
    assert opened.urls[-1] == str(tmp_path)
    note.close_button.click()
    qtbot.waitUntil(lambda: window.statusBar().findChild(ExportResultNote) is None)


def test_a_png_export_opens_its_first_image_and_shows_its_folder(qtbot, window, tmp_path, opened):
    out = tmp_path / "images"

    def drive(dialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("png"))
        dialog.set_scope("current")
        dialog.path_edit.setText(str(out))

    _export_from_window(qtbot, window, drive)
    note = window.statusBar().findChild(ExportResultNote)
    note.open_button.click()
    note.folder_button.click()
    first, folder = (Path(u) for u in opened.urls)
    assert first.parent == out and first.suffix == ".png" and first.exists()
    assert folder == out


def test_the_next_export_starts_in_the_last_folder_and_format(qtbot, window, tmp_path):
    target = tmp_path / "exports"
    target.mkdir()

    def drive(dialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("png"))
        dialog.set_scope("all")
        dialog.path_edit.setText(str(target / "cards"))

    _export_from_window(qtbot, window, drive)
    again = ExportDialog(window.library, window.export_scopes(), window, settings=window.settings)
    qtbot.addWidget(again)
    assert again.format_combo.currentData() == "png"
    assert Path(again.path_edit.text()).parent == target


def test_one_persona_is_named_after_itself_several_after_the_library(qtbot, window, tmp_path):
    dialog = ExportDialog(
        window.library,
        {"current": [_id(window, "Anna Berg")], "all": window.export_scopes()["all"]},
        window,
        settings=window.settings,
    )
    qtbot.addWidget(dialog)
    dialog.set_scope("current")
    assert Path(dialog.path_edit.text()).name == "Anna Berg.pdf"
    dialog.set_scope("all")
    assert Path(dialog.path_edit.text()).name == f"{window.library.name}.pdf"
    dialog.path_edit.setText(str(tmp_path / "my own name.pdf"))  # typed by the user: kept
    dialog.set_scope("current")
    assert Path(dialog.path_edit.text()).name == "my own name.pdf"


def test_a_persona_name_that_is_no_file_name_is_made_safe(qtbot, window):
    from personadesigner.core.persona import Persona

    pid = window.library.add(Persona(name='AC/DC: "Live"?', type="customer")).id
    dialog = ExportDialog(window.library, {"current": [pid]}, window, settings=window.settings)
    qtbot.addWidget(dialog)
    name = Path(dialog.path_edit.text()).name
    assert name == "AC_DC_ _Live__.pdf"


def _id(window, name: str) -> str:
    return next(s.id for s in window.library.list() if s.name == name)
