"""The window's wiring to the canvas side: export, import, print, copy image, zoom keys."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from test_shell_editing import select


def test_ctrl_e_opens_the_export_dialog_with_the_scopes(qtbot, window, monkeypatch):
    from personadesigner.ui import export_dialog

    seen = {}
    original_init = export_dialog.ExportDialog.__init__

    def recording_init(self, library, scopes, parent=None, **kwargs):
        seen["scopes"] = scopes
        original_init(self, library, scopes, parent, **kwargs)

    monkeypatch.setattr(export_dialog.ExportDialog, "__init__", recording_init)
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda dialog: 0)
    window.sidebar.type_combo.setCurrentIndex(window.sidebar.type_combo.findData("buyer"))
    select(window, "Carl Diaz")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    scopes = seen["scopes"]
    carl = window.document.persona.id
    assert scopes["current"] == [carl] and scopes["selected"] == [carl]
    assert scopes["filtered"] == [carl]
    assert len(scopes["all"]) == 4


def test_file_import_adds_personas_from_a_json_file(window, tmp_path, monkeypatch, messages):
    path = tmp_path / "more.json"
    path.write_text(
        json.dumps({"format": "personadesigner.personas/1", "personas": [{"name": "Imported Ida", "role": "Nurse"}]}),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(path)], "")))
    window.import_action.trigger()
    names = [window.sidebar.model.summary(r).name for r in range(window.sidebar.model.rowCount())]
    assert "Imported Ida" in names
    assert window.library.find("Imported Ida").role == "Nurse"


def test_ctrl_p_prints_the_selected_personas(qtbot, window, monkeypatch):
    from personadesigner.ui import print_support

    printed = {}
    monkeypatch.setattr(
        print_support,
        "print_personas",
        lambda parent, personas, template=None, theme=None, names=None: printed.setdefault(
            "names", [p.name for p in personas]
        ),
    )
    select(window, "Dana Fox")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed["names"] == ["Dana Fox"]


def test_ctrl_shift_c_copies_the_card_image(qtbot, window):
    select(window, "Anna Berg")
    QApplication.clipboard().clear()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    image = QApplication.clipboard().image()
    assert not image.isNull()
    assert image.height() > image.width()  # the A6 card, upright


def test_zoom_keys_drive_the_canvas(qtbot, window):
    select(window, "Anna Berg")
    window.canvas.set_zoom(1.0)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.zoom() > 1.0
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.is_fit_mode()
    zoom = window.canvas.zoom()
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.zoom() < zoom


def test_window_shortcuts_work_while_typing_in_a_field(qtbot, window, monkeypatch):
    from personadesigner.ui import export_dialog

    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda dialog: opened.append(True) or 0)
    select(window, "Anna Berg")
    role = window.form.editors["role"]
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]
    qtbot.keyClick(role, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.document.persona.name == "Anna Berg (copy)"
