"""Save conflicts in the window: another connection saved the persona first -> a banner on the form.

Two Library objects on one file stand for two people. Typing never meets a
dialog: the edits stay on screen (unsaved) and the form shows a banner; its
"Resolve…" opens the field-by-field dialog (window-modal, not blocking), which
the test answers like a user (keep mine, take theirs, merge, cancel).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_shell_editing import select

from personadesigner.storage.library import Library
from personadesigner.ui.conflict_dialog import ConflictDialog
from support.shell import reread


def _change_elsewhere(library_path, name: str, **fields) -> int:
    other = Library.open(str(library_path))
    try:
        persona = other.find(name)
        for key, value in fields.items():
            setattr(persona, key, value)
        return other.update(persona).version
    finally:
        other.close()


def _type_at_end(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.end(False)
    qtbot.keyClicks(editor, text)


def _resolve(qtbot, window) -> ConflictDialog:
    """The banner's "Resolve…", as a user clicks it: the dialog opens without blocking."""
    banner = window.conflicts.banner
    assert banner.isVisible() and banner.resolve_button.isVisible()
    qtbot.mouseClick(banner.resolve_button, Qt.MouseButton.LeftButton)
    dialog = window.conflicts.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_typing_into_a_conflict_shows_the_banner_and_no_dialog(qtbot, window, library_path):
    select(window, "Carl Diaz")
    their_version = _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc")
    _type_at_end(qtbot, window.form.editors["role"], "!?")
    assert QApplication.activeModalWidget() is None and window.conflicts.dialog is None
    banner = window.conflicts.banner
    assert banner.isVisible() and "Someone else changed this persona" in banner.message.text()
    assert window.form.editors["role"].text() == "Head of purchasing!?"  # nothing lost
    assert reread(library_path, "Carl Diaz").version == their_version  # nothing overwritten
    # The banner sits above the fields, never over them.
    top_of_fields = window.form.viewport().mapTo(window.form, window.form.viewport().rect().topLeft()).y()
    assert banner.geometry().bottom() < top_of_fields


def test_merge_keeps_my_field_and_their_field(qtbot, window, library_path):
    select(window, "Carl Diaz")
    their_version = _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc", role="Buyer (theirs)")
    _type_at_end(qtbot, window.form.editors["role"], "!")
    dialog = _resolve(qtbot, window)
    assert set(dialog.fields) == {"role", "company"}  # only what differs is offered
    dialog.set_choice("role", "mine")
    dialog.set_choice("company", "theirs")
    dialog.merge_button.click()
    stored = reread(library_path, "Carl Diaz")
    assert (stored.role, stored.company) == ("Head of purchasing!", "Theirs Inc")
    assert stored.version > their_version  # saved on top of theirs, not over it
    assert window.document.persona.version == stored.version
    assert window.form.editors["company"].text() == "Theirs Inc"
    assert not window.conflicts.banner.isVisible()
    # The next keystroke is an ordinary save: no second conflict.
    qtbot.keyClicks(window.form.editors["role"], "?")
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing!?"
    assert not window.conflicts.banner.isVisible()


def test_keep_mine_overwrites_theirs_by_choice(qtbot, window, library_path):
    select(window, "Carl Diaz")
    _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc")
    _type_at_end(qtbot, window.form.editors["role"], " (EMEA)")
    _resolve(qtbot, window).keep_mine_button.click()
    stored = reread(library_path, "Carl Diaz")
    assert (stored.role, stored.company) == ("Head of purchasing (EMEA)", "Acme")
    assert not window.conflicts.banner.isVisible()


def test_take_theirs_shows_their_version(qtbot, window, library_path):
    select(window, "Carl Diaz")
    _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc")
    _type_at_end(qtbot, window.form.editors["role"], "X")
    _resolve(qtbot, window).take_theirs_button.click()
    stored = reread(library_path, "Carl Diaz")
    assert (stored.role, stored.company) == ("Head of purchasing", "Theirs Inc")
    assert window.form.editors["company"].text() == "Theirs Inc"
    assert window.form.editors["role"].text() == "Head of purchasing"
    assert not window.conflicts.banner.isVisible()


def test_cancel_keeps_my_edit_unsaved_and_the_banner_until_resolved(qtbot, window, library_path):
    select(window, "Carl Diaz")
    _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc")
    _type_at_end(qtbot, window.form.editors["role"], "!")
    _resolve(qtbot, window).reject()
    assert window.conflicts.dialog is None and window.conflicts.banner.isVisible()
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing"  # nothing overwritten
    assert window.form.editors["role"].text() == "Head of purchasing!"  # nothing lost
    window.sidebar.view.setFocus()
    window.refresh_from_library()  # the refresh tick must not drop the unsaved edit
    assert window.document.persona.role == "Head of purchasing!"
    _type_at_end(qtbot, window.form.editors["role"], "!")  # still paused: typed, not saved
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing"
    _resolve(qtbot, window).keep_mine_button.click()
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing!!"


def test_persona_deleted_elsewhere_says_what_each_button_does(qtbot, window, library_path):
    select(window, "Carl Diaz")
    carl = window.document.persona.id
    other = Library.open(str(library_path))
    try:
        other.purge(carl)
    finally:
        other.close()
    _type_at_end(qtbot, window.form.editors["role"], "!")
    banner = window.conflicts.banner
    assert "deleted this persona for good" in banner.message.text()
    assert not banner.resolve_button.isVisible()
    assert banner.keep_button.isVisible() and banner.discard_button.text() == "Discard my changes"
    banner.discard_button.click()
    assert window.document.persona is None and not banner.isVisible()
