"""The Document saves what the undo commands changed: after the step, never inside it.

Real SQLite library, no main window: commands are pushed on the Document and
the file is read back through a second connection.
"""

from __future__ import annotations

import pytest

from personadesigner.ui.undo_commands import (
    ListEditCommand,
    ListInsertCommand,
    ListMoveCommand,
    ListRemoveCommand,
    SetFieldCommand,
    SetPhotoCommand,
)


def test_an_edit_changes_the_persona_in_memory_and_is_saved_once_the_push_returned(document, stored):
    doc = document
    seen_inside_push: list[str] = []
    stack = doc.stack_for(doc.persona.id)
    # indexChanged is emitted inside QUndoStack.push, after the command ran.
    stack.indexChanged.connect(lambda _i: seen_inside_push.append(stored().role))
    before = doc.persona.version

    doc.push(SetFieldCommand(doc, "role", doc.persona.role, "Head of marketing"))

    assert doc.persona.role == "Head of marketing"
    assert seen_inside_push == ["Marketer at a startup"], "nothing is written inside the push"
    assert stored().role == "Head of marketing"
    assert doc.persona.version == stored().version == before + 1
    assert not doc.unsaved


def test_undo_and_redo_are_saved_back(document, stored):
    doc = document
    doc.push(SetFieldCommand(doc, "role", doc.persona.role, "Head of marketing"))
    doc.history.undo()
    assert doc.persona.role == stored().role == "Marketer at a startup"
    doc.history.redo()
    assert doc.persona.role == stored().role == "Head of marketing"
    doc.undo_stack.undo()  # a stack driven directly (an Edit menu of Qt's own) saves as well
    assert stored().role == "Marketer at a startup"


def test_typing_in_one_field_is_one_step_and_each_keystroke_is_saved(document, stored):
    doc = document
    role = doc.persona.role
    for text in ("M", "Ma", "Max"):
        doc.push(SetFieldCommand(doc, "role", doc.persona.role, text))
        assert stored().role == text
    doc.end_burst()
    assert doc.undo_stack.count() == 1
    doc.history.undo()
    assert stored().role == role


GOALS = ["Ship campaigns faster", "Prove the ROI", "Hire a designer"]


@pytest.mark.parametrize(
    ("make", "after"),
    [
        (
            lambda d: ListInsertCommand(d, "goals", 1, "Sleep more"),
            ["Ship campaigns faster", "Sleep more", "Prove the ROI", "Hire a designer"],
        ),
        (lambda d: ListRemoveCommand(d, "goals", 0), ["Prove the ROI", "Hire a designer"]),
        (lambda d: ListMoveCommand(d, "goals", 2, 0), ["Hire a designer", "Ship campaigns faster", "Prove the ROI"]),
        (
            lambda d: ListEditCommand(d, "goals", 1, "Prove the value"),
            ["Ship campaigns faster", "Prove the value", "Hire a designer"],
        ),
    ],
    ids=["insert", "remove", "move", "edit"],
)
def test_list_commands_are_saved_and_undone_in_the_library(document, stored, make, after):
    doc = document
    doc.push(make(doc))
    assert doc.persona.goals == stored().goals == after
    doc.history.undo()
    assert doc.persona.goals == stored().goals == GOALS


def test_a_photo_is_saved_and_its_removal_undone(document, stored, qtbot):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from personadesigner.images import normalize_photo

    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    photo = normalize_photo(bytes(buffer.data()))
    doc = document
    doc.push(SetPhotoCommand(doc, photo))
    assert stored().photo is not None
    doc.end_burst()
    doc.push(SetPhotoCommand(doc, None))
    assert stored().photo is None
    doc.history.undo()
    assert stored().photo is not None


def test_an_empty_name_is_kept_in_memory_not_saved_and_the_next_valid_edit_saves(document, stored):
    doc = document
    told: list[tuple[str, str]] = []
    doc.invalid.connect(lambda text, field: told.append((text, field)))
    doc.push(SetFieldCommand(doc, "name", "Anna Berg", ""))
    assert doc.persona.name == ""
    assert told and told[0][1] == "name"
    assert stored().name == "Anna Berg"
    doc.push(SetFieldCommand(doc, "name", "", "Anna B."))
    assert stored("Anna B.").id == doc.persona.id


def test_an_undo_after_switching_personas_never_edits_the_persona_on_screen(document, stored):
    doc = document
    doc.push(SetFieldCommand(doc, "role", doc.persona.role, "Head of marketing"))
    anna_stack = doc.undo_stack
    doc.load(stored("Carl Diaz").id)
    anna_stack.undo()  # Anna's step, while Carl is shown
    assert doc.persona.role == stored("Carl Diaz").role == "Head of purchasing"


def test_a_bug_in_a_command_is_reported_once_the_push_returned(document, stored, monkeypatch):
    import sys

    class Broken(SetFieldCommand):
        def forward(self, persona) -> None:
            raise ZeroDivisionError("boom")

    doc = document
    stack = doc.stack_for(doc.persona.id)
    seen: list[tuple[type, int]] = []
    # Inside QUndoStack.push the command is not on the stack yet; after it, it is.
    monkeypatch.setattr(sys, "excepthook", lambda kind, _value, _tb: seen.append((kind, stack.count())))
    doc.push(Broken(doc, "role", doc.persona.role, "Head of marketing"))
    assert seen == [(ZeroDivisionError, 1)]
    assert stored().role == "Marketer at a startup"  # nothing half-done was saved
