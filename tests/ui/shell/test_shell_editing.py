"""Editing a persona through the form: every edit is saved at once and undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from support.shell import reread


def select(window, name: str) -> None:
    model = window.sidebar.model
    for row in range(model.rowCount()):
        if model.summary(row).name == name:
            window.sidebar.select(model.summary(row).id)
            return
    raise AssertionError(f"{name} not listed")


def test_title_shows_the_library_name(window):
    assert window.windowTitle() == "team — PersonaDesigner"


def test_ctrl_n_creates_a_persona_with_its_name_selected_and_typing_saves_it(qtbot, window, library_path):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    name_edit = window.form.editors["name"]
    assert QApplication.focusWidget() is name_edit
    assert name_edit.selectedText() == "New persona"
    qtbot.keyClicks(name_edit, "Eva Lind")
    assert name_edit.text() == "Eva Lind"
    stored = reread(library_path, "Eva Lind")
    assert stored.id == window.document.persona.id
    assert window.sidebar.current_id() == stored.id


def test_editing_the_role_is_saved_in_the_library(qtbot, window, library_path):
    select(window, "Carl Diaz")
    role = window.form.editors["role"]
    role.selectAll()
    qtbot.keyClicks(role, "CFO")
    assert reread(library_path, "Carl Diaz").role == "CFO"
    # The sidebar row follows without a reload.
    row = window.sidebar.model.row_of(window.document.persona.id)
    assert window.sidebar.model.summary(row).role == "CFO"


def test_typing_is_one_undo_step_and_undo_redo_reach_the_library(qtbot, window, library_path):
    select(window, "Carl Diaz")
    role = window.form.editors["role"]
    role.setFocus()
    role.end(False)
    qtbot.keyClicks(role, " and IT")
    stack = window.document.undo_stack
    assert stack.count() == 1, "a burst of typing in one field is one undo step"
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing and IT"

    window.undo_action.trigger()
    assert role.text() == "Head of purchasing"
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing"
    window.redo_action.trigger()
    assert role.text() == "Head of purchasing and IT"
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing and IT"


def test_ctrl_z_in_a_field_undoes_the_document_not_the_widget(qtbot, window, library_path):
    select(window, "Carl Diaz")
    company = window.form.editors["company"]
    company.setFocus()
    company.end(False)
    qtbot.keyClicks(company, " Ltd")
    qtbot.keyClick(company, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert company.text() == "Acme"
    assert reread(library_path, "Carl Diaz").company == "Acme"
    qtbot.keyClick(company, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert reread(library_path, "Carl Diaz").company == "Acme Ltd"


def test_leaving_a_field_starts_a_new_undo_step(qtbot, window):
    select(window, "Carl Diaz")
    role, company = window.form.editors["role"], window.form.editors["company"]
    role.setFocus()
    qtbot.keyClicks(role, "x")
    company.setFocus()
    qtbot.keyClicks(company, "y")
    role.setFocus()
    qtbot.keyClicks(role, "z")
    assert window.document.undo_stack.count() == 3


def test_undo_history_is_kept_per_persona(qtbot, window, library_path):
    select(window, "Carl Diaz")
    qtbot.keyClicks(window.form.editors["industry"], "Retail")
    select(window, "Dana Fox")
    assert not window.undo_action.isEnabled(), "Dana has nothing to undo"
    select(window, "Carl Diaz")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert reread(library_path, "Carl Diaz").industry == ""
    assert reread(library_path, "Dana Fox").industry == ""


def test_an_empty_name_is_not_saved_and_says_why(qtbot, window, library_path):
    select(window, "Dana Fox")
    name = window.form.editors["name"]
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert "name" in window.statusBar().currentMessage()
    assert window.form.name_problem.isVisible()
    assert reread(library_path, "Dana Fox").name == "Dana Fox"
    qtbot.keyClicks(name, "Dana F.")
    assert not window.form.name_problem.isVisible()
    assert reread(library_path, "Dana F.").role == "Tech blogger"


def test_type_and_confidence_combos_and_long_text(qtbot, window, library_path):
    select(window, "Dana Fox")
    form = window.form
    type_combo = form.editors["type"]
    type_combo.setCurrentIndex(type_combo.findData("decision_maker"))
    type_combo.activated.emit(type_combo.currentIndex())
    conf = form.editors["confidence"]
    conf.setCurrentIndex(conf.findData("high"))
    conf.activated.emit(conf.currentIndex())
    story = form.editors["story"]
    story.setFocus()
    qtbot.keyClicks(story, "Writes about tools & <tags>.")
    stored = reread(library_path, "Dana Fox")
    assert (stored.type, stored.confidence) == ("decision_maker", "high")
    assert stored.story == "Writes about tools & <tags>."


def test_last_validated_date_and_clear(qtbot, window, library_path):
    from PySide6.QtCore import QDate

    select(window, "Dana Fox")
    editor = window.form.editors["last_validated"]
    assert editor.edit.text() == "Not validated"
    editor.edit.setDate(QDate(2026, 5, 17))
    assert reread(library_path, "Dana Fox").last_validated == "2026-05-17"
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert reread(library_path, "Dana Fox").last_validated == ""
    assert editor.edit.text() == "Not validated"


def test_canvas_in_place_edit_becomes_an_undoable_command(window, library_path):
    select(window, "Anna Berg")
    window.canvas.fieldEdited.emit("goals", 1, "Prove the ROI of marketing")
    assert reread(library_path, "Anna Berg").goals[1] == "Prove the ROI of marketing"
    assert window.form.editors["goals"].value()[1] == "Prove the ROI of marketing"
    window.undo_action.trigger()
    assert reread(library_path, "Anna Berg").goals[1] == "Prove the ROI"


def test_design_bar_choice_is_saved_on_the_persona(window, library_path):
    select(window, "Anna Berg")
    bar = window.design_bar
    other = next(
        bar.theme_combo.itemData(i) for i in range(bar.theme_combo.count()) if bar.theme_combo.itemData(i) != "classic"
    )
    bar.theme_combo.setCurrentIndex(bar.theme_combo.findData(other))
    bar.theme_combo.activated.emit(bar.theme_combo.currentIndex())
    assert reread(library_path, "Anna Berg").card.theme == other
    assert window.canvas.design()[1] == other


def test_ctrl_z_in_another_field_still_undoes_the_last_edit(qtbot, window, library_path):
    select(window, "Carl Diaz")
    role, company = window.form.editors["role"], window.form.editors["company"]
    role.setFocus()
    role.end(False)
    qtbot.keyClicks(role, "!")
    company.setFocus()
    qtbot.keyClick(company, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert role.text() == "Head of purchasing"
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing"
