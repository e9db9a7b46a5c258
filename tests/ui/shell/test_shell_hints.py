"""A new persona's card hints at its empty sections; a click on a hint puts the cursor in that field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_clicking_a_hint_on_a_new_persona_focuses_the_field_and_typing_removes_the_hint(qtbot, window):
    window.new_persona()
    canvas, form = window.canvas, window.form
    assert {item.field for item in canvas.hint_items()} == {"quote", "goals", "pain_points"}
    hint = next(item for item in canvas.hint_items() if item.field == "goals")
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(hint.rect().center()))
    goals = form.editors["goals"]
    assert QApplication.focusWidget() is goals.entry, "the cursor is in the goals' new-item field"
    qtbot.keyClicks(goals.entry, "Launch in a week")
    qtbot.keyClick(goals.entry, Qt.Key.Key_Return)
    assert window.document.persona.goals == ["Launch in a week"]
    assert "goals" not in {item.field for item in canvas.hint_items()}
    window.undo_action.trigger()
    assert "goals" in {item.field for item in canvas.hint_items()}
