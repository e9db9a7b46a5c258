"""Save conflicts: another connection saved the persona first -> the field-by-field dialog.

Two Library objects on one file stand for two people; the dialog's exec is
patched to press a button like a user would (no test blocks on a modal).
"""

from __future__ import annotations

import pytest

from support.shell import reread
from personadesigner.storage.library import Library
from personadesigner.ui.conflict_dialog import ConflictDialog
from test_shell_editing import select


@pytest.fixture
def answer_conflict(monkeypatch):
    """Replace ConflictDialog.exec: ``how(dialog)`` picks radios and clicks a button."""
    seen: list[ConflictDialog] = []
    plan: dict = {"how": None}

    def fake_exec(dialog: ConflictDialog) -> int:
        seen.append(dialog)
        plan["how"](dialog)
        return dialog.result()

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)

    def set_how(how):
        plan["how"] = how
        return seen

    return set_how


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


def test_merge_keeps_my_field_and_their_field(qtbot, window, library_path, answer_conflict):
    select(window, "Carl Diaz")
    their_version = _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc", role="Buyer (theirs)")

    def merge(dialog: ConflictDialog) -> None:
        assert set(dialog.fields) == {"role", "company"}  # only what differs is offered
        dialog.set_choice("role", "mine")
        dialog.set_choice("company", "theirs")
        dialog.merge_button.click()

    dialogs = answer_conflict(merge)
    _type_at_end(qtbot, window.form.editors["role"], "!")
    assert len(dialogs) == 1
    stored = reread(library_path, "Carl Diaz")
    assert (stored.role, stored.company) == ("Head of purchasing!", "Theirs Inc")
    assert stored.version > their_version  # saved on top of theirs, not over it
    assert window.document.persona.version == stored.version
    assert window.form.editors["company"].text() == "Theirs Inc"
    # The next keystroke is an ordinary save: no second conflict.
    qtbot.keyClicks(window.form.editors["role"], "?")
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing!?"
    assert len(dialogs) == 1


def test_keep_mine_overwrites_theirs_by_choice(qtbot, window, library_path, answer_conflict):
    select(window, "Carl Diaz")
    _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc")
    answer_conflict(lambda d: d.keep_mine_button.click())
    _type_at_end(qtbot, window.form.editors["role"], " (EMEA)")
    stored = reread(library_path, "Carl Diaz")
    assert (stored.role, stored.company) == ("Head of purchasing (EMEA)", "Acme")


def test_take_theirs_shows_their_version(qtbot, window, library_path, answer_conflict):
    select(window, "Carl Diaz")
    _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc")
    answer_conflict(lambda d: d.take_theirs_button.click())
    qtbot.keyClicks(window.form.editors["role"], "X")
    stored = reread(library_path, "Carl Diaz")
    assert (stored.role, stored.company) == ("Head of purchasing", "Theirs Inc")
    qtbot.waitUntil(lambda: window.form.editors["company"].text() == "Theirs Inc")


def test_cancel_keeps_my_edit_unsaved_and_asks_again(qtbot, window, library_path, answer_conflict):
    select(window, "Carl Diaz")
    _change_elsewhere(library_path, "Carl Diaz", company="Theirs Inc")
    dialogs = answer_conflict(lambda d: d.reject())
    _type_at_end(qtbot, window.form.editors["role"], "!")
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing"  # nothing overwritten
    assert window.form.editors["role"].text() == "Head of purchasing!"  # nothing lost
    window.sidebar.view.setFocus()
    window.refresh_from_library()  # the refresh tick must not drop the unsaved edit
    assert window.document.persona.role == "Head of purchasing!"
    answer_conflict(lambda d: d.keep_mine_button.click())
    _type_at_end(qtbot, window.form.editors["role"], "!")
    assert len(dialogs) == 2
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing!!"
