"""The form puts the content first: order of fields, outliner-style lists, wrapping texts."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from personadesigner.ui.editors.list_editor import BULLET


def reread(library_path, name: str = "Anna Berg"):
    """The persona as another process sees it: a fresh connection to the same file."""
    from personadesigner.storage.library import Library

    other = Library.open(str(library_path))
    try:
        return other.find(name)
    finally:
        other.close()


def _top(form, name: str) -> int:
    w = form.editors[name]
    return w.mapTo(form.widget(), w.rect().topLeft()).y()


def test_goals_pain_points_and_quote_come_right_after_name_type_and_role(form):
    order = sorted(form.editors, key=lambda name: _top(form, name))
    assert order[:3] == ["name", "type", "role"]
    assert set(order[3:6]) == {"goals", "pain_points", "quote"}
    # ... and before the photo, the demographics and the story.
    assert max(_top(form, f) for f in ("goals", "pain_points", "quote")) < min(
        _top(form, f) for f in ("photo", "age", "story")
    )


def test_a_list_of_three_goals_shows_three_rows_with_bullets(form):
    goals = form.editors["goals"]
    assert len(goals.rows) == 3
    assert [row.bullet.text() for row in goals.rows] == [BULLET] * 3
    assert goals.row_texts() == ["Ship campaigns faster", "Prove the ROI", "Hire a designer"]
    tops = [row.geometry().top() for row in goals.rows]
    assert tops == sorted(tops) and len(set(tops)) == 3, "one row under the other"
    assert all(row.handle.isVisible() for row in goals.rows), "each row has a drag handle"


def test_editing_row_two_changes_goal_two_in_the_library(qtbot, form, library_path, document):
    goals = form.editors["goals"]
    goals.focus_item(1)
    qtbot.keyClicks(QApplication.focusWidget(), " with numbers")
    assert reread(library_path).goals == ["Ship campaigns faster", "Prove the ROI with numbers", "Hire a designer"]
    document.undo_stack.undo()  # the typing was one undo step
    assert reread(library_path).goals[1] == "Prove the ROI"
    assert goals.row_texts()[1] == "Prove the ROI"


def test_enter_adds_an_item_after_the_current_one_and_backspace_removes_an_empty_one(qtbot, form, library_path):
    goals = form.editors["goals"]
    goals.focus_item(0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Automate reporting")
    assert reread(library_path).goals == ["Ship campaigns faster", "Prove the ROI", "Hire a designer"], (
        "an item being typed is not saved half-way as a new item"
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert reread(library_path).goals == [
        "Ship campaigns faster",
        "Automate reporting",
        "Prove the ROI",
        "Hire a designer",
    ]
    # Enter opened the next new item; Backspace in it (empty) goes back to the item above.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
    assert goals.row_of(QApplication.focusWidget()) == 1
    # Emptying an item and pressing Backspace removes it.
    edit = QApplication.focusWidget()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert reread(library_path).goals == ["Ship campaigns faster", "Prove the ROI", "Hire a designer"]
    assert goals.row_of(QApplication.focusWidget()) == 0


def test_typed_new_item_is_kept_when_the_cursor_leaves(qtbot, form, library_path):
    goals = form.editors["goals"]
    goals.entry.setFocus()
    qtbot.keyClicks(goals.entry, "Find a mentor")
    form.editors["name"].setFocus()
    assert reread(library_path).goals[-1] == "Find a mentor"


def test_reorder_with_alt_arrows_and_by_drag(qtbot, form, library_path, document):
    goals = form.editors["goals"]
    goals.focus_item(2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert reread(library_path).goals == ["Ship campaigns faster", "Hire a designer", "Prove the ROI"]
    assert goals.row_of(QApplication.focusWidget()) == 1, "the cursor moves with the item"
    # Drag the last row (by its handle) onto the top of the first one.
    mime = goals.drag_mime(2)
    first = goals.rows[0].geometry()
    at = QPointF(first.center().x(), first.top() + 1)
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(at.toPoint(), move, mime, left, none),
        QDragMoveEvent(at.toPoint(), move, mime, left, none),
        QDropEvent(at, move, mime, left, none),
    ):
        QApplication.sendEvent(goals, event)
    assert reread(library_path).goals == ["Prove the ROI", "Ship campaigns faster", "Hire a designer"]
    assert goals.row_texts() == reread(library_path).goals
    document.undo_stack.undo()
    assert reread(library_path).goals == ["Ship campaigns faster", "Hire a designer", "Prove the ROI"]


def test_a_long_quote_wraps_and_its_field_grows(qtbot, form, library_path):
    quote = form.editors["quote"]
    role = form.editors["role"]
    one_line = quote.height()
    assert role.height() == one_line
    quote.setFocus()
    text = "I need campaigns out of the door in days, not weeks, and proof that they worked " * 3
    qtbot.keyClicks(quote, text)
    assert reread(library_path).quote == text
    assert not quote.horizontalScrollBar().isVisible() and quote.horizontalScrollBar().maximum() == 0
    assert quote.height() >= 3 * one_line - 12, "the field grows to show every line"
    assert quote.verticalScrollBar().maximum() == 0, "nothing scrolled out of sight"
    assert quote.width() <= form.viewport().width()


def test_a_new_item_being_typed_is_not_carried_over_to_another_persona(qtbot, form, library_path, document):
    goals = form.editors["goals"]
    qtbot.keyClicks(goals.entry, "Meant for Anna")
    document.load(document.library.find("Carl Diaz").id)  # e.g. a keyboard shortcut: no focus change
    assert goals.entry.text() == "" and goals.row_texts() == []
    goals.entry.setFocus()
    form.editors["name"].setFocus()
    assert reread(library_path, "Carl Diaz").goals == []
    document.load(document.library.find("Anna Berg").id)  # rows come back with her goals
    assert goals.row_texts() == ["Ship campaigns faster", "Prove the ROI", "Hire a designer"]
    assert all(row.isVisible() for row in goals.rows)
