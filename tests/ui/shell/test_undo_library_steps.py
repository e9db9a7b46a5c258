"""Ctrl+Z and Ctrl+Shift+Z over creating, duplicating and trashing personas, together with edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_selection_truth import assert_agree, listed, trash_names
from test_shell_editing import select

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def undo(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)


def names(library) -> list[str]:
    return sorted(s.name for s in library.list())


def test_ctrl_z_after_ctrl_n_removes_the_new_persona_and_redo_brings_it_back(qtbot, window, library):
    select(window, "Carl Diaz")
    window.sidebar.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert_agree(window, "New persona")
    new_id = window.document.persona.id
    assert window.undo_action.text() == "&Undo New persona"
    undo(qtbot, window)
    assert "New persona" not in names(library)
    assert library.count(include_deleted=True) == 4, "an untouched new persona is removed for good, not trashed"
    assert_agree(window, "Carl Diaz")  # back where the user was
    redo(qtbot, window)
    assert_agree(window, "New persona")
    assert window.document.persona.id == new_id
    assert library.count() == 5


def test_undo_takes_back_the_typed_name_first_then_the_new_persona(qtbot, window, library):
    select(window, "Anna Berg")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(window.form.editors["name"], "Eva Lund")  # Ctrl+N selects the name for typing
    assert_agree(window, "Eva Lund")
    window.sidebar.view.setFocus()
    undo(qtbot, window)
    assert_agree(window, "New persona")
    undo(qtbot, window)
    assert_agree(window, "Anna Berg")
    assert library.count(include_deleted=True) == 4
    redo(qtbot, window)
    assert_agree(window, "New persona")
    redo(qtbot, window)
    assert_agree(window, "Eva Lund")
    assert "Eva Lund" in names(library)


def test_undoing_a_new_persona_someone_filled_in_keeps_it_in_the_trash(qtbot, window, library):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(window.form.editors["name"], "Eva Lund")
    select(window, "Dana Fox")  # the typing stays in Eva's own history
    window.sidebar.view.setFocus()
    undo(qtbot, window)  # the newest library step: creating Eva
    assert trash_names(library) == ["Eva Lund"], "what was typed is never lost"
    assert_agree(window, "Dana Fox")


def test_ctrl_z_after_delete_brings_the_persona_back_and_shows_it(qtbot, window, library):
    select(window, "Carl Diaz")
    window.sidebar.view.setFocus()
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_Delete)
    assert trash_names(library) == ["Carl Diaz"]
    assert_agree(window, "Dana Fox")
    assert window.undo_action.text() == "&Undo Move \u201cCarl Diaz\u201d to trash"
    undo(qtbot, window)
    assert trash_names(library) == []
    assert_agree(window, "Carl Diaz")
    redo(qtbot, window)
    assert trash_names(library) == ["Carl Diaz"]
    assert_agree(window, "Dana Fox")


def test_undo_brings_back_a_trashed_persona_hidden_by_the_search(qtbot, window, library):
    select(window, "Dana Fox")
    qtbot.keyClicks(window.sidebar.search, "blog")
    window.delete_action.trigger()
    window.sidebar.view.setFocus()
    undo(qtbot, window)
    assert_agree(window, "Dana Fox")


def test_ctrl_z_after_ctrl_d_removes_the_copy(qtbot, window, library):
    select(window, "Anna Berg")
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    assert_agree(window, "Anna Berg (copy)")
    undo(qtbot, window)
    assert_agree(window, "Anna Berg")
    assert "Anna Berg (copy)" not in names(library) and library.count(include_deleted=True) == 4
    redo(qtbot, window)
    assert_agree(window, "Anna Berg (copy)")


def test_edits_and_library_steps_undo_newest_first(qtbot, window, library, library_path):
    from support.shell import reread

    select(window, "Carl Diaz")
    qtbot.keyClicks(window.form.editors["industry"], "Retail")
    window.sidebar.view.setFocus()
    window.delete_action.trigger()  # Carl (with his edit) to the trash
    undo(qtbot, window)  # newest: the trash
    assert_agree(window, "Carl Diaz")
    assert reread(library_path, "Carl Diaz").industry == "Retail"
    undo(qtbot, window)  # then Carl's edit
    assert reread(library_path, "Carl Diaz").industry == ""
    assert not window.undo_action.isEnabled()


def test_undo_of_a_trash_whose_persona_was_deleted_forever_explains(qtbot, window, library, messages, monkeypatch):
    from test_selection_truth import run_trash

    select(window, "Dana Fox")
    window.delete_action.trigger()
    messages.answer = "Delete 1 persona forever"

    def purge(dialog):
        dialog.list.setCurrentRow(0)
        dialog.purge_selected()

    run_trash(monkeypatch, purge)
    window.trash_action.trigger()
    shown_before = window.document.persona.name
    messages.answer = None
    window.sidebar.view.setFocus()
    undo(qtbot, window)
    qtbot.waitUntil(lambda: any("\u201cDana Fox\u201d was deleted forever" in m for m in messages.messages))
    assert_agree(window, shown_before)
    assert "Dana Fox" not in listed(window)
    assert not window.undo_action.isEnabled(), "the step that cannot be taken left the history"


def test_another_library_starts_with_no_library_steps_to_undo(qtbot, window, tmp_path):
    from personadesigner.storage.library import Library

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.undo_action.text() == "&Undo New persona"
    other = Library.open(str(tmp_path / "other.sqlite"))
    window.set_library(other)
    assert not window.undo_action.isEnabled()


def test_ctrl_z_straight_after_ctrl_n_in_the_name_field(qtbot, window, library):
    select(window, "Dana Fox")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    name = window.form.editors["name"]
    assert name.hasFocus(), "Ctrl+N puts the cursor in the name"
    qtbot.keyClick(name, Qt.Key.Key_Z, CTRL)
    assert library.count(include_deleted=True) == 4
    assert_agree(window, "Dana Fox")
