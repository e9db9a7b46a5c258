"""The card follows the form: the focused field is framed on the card; renames reach the pickers."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication
from test_shell_editing import select

from personadesigner.core.cardlayout import TextBlock


def block_rect(window, field: str, item=None) -> QRectF:
    rect = QRectF()
    for it in window.canvas.current_layout().items:
        if isinstance(it, TextBlock) and it.field == field and it.item == item:
            rect = rect.united(QRectF(it.x, it.y, it.w, it.h))
    return rect


def test_focusing_a_form_field_frames_its_text_on_the_card(qtbot, window):
    select(window, "Anna Berg")
    window.form.focus_field("role")
    qtbot.waitUntil(lambda: window.canvas.selected_field() == ("role", None))
    frame = window.canvas.selection_rect()
    assert not frame.isEmpty() and frame.contains(block_rect(window, "role"))

    window.form.focus_field("goals", 1)  # the second goal, as clicking it on the card would
    qtbot.waitUntil(lambda: window.canvas.selected_field() == ("goals", 1))
    assert window.canvas.selection_rect().contains(block_rect(window, "goals", 1))
    assert not window.canvas.selection_rect().contains(block_rect(window, "goals", 0))
    goals = QApplication.focusWidget()
    qtbot.keyClick(goals, Qt.Key.Key_Up)  # moving to the item above moves the frame
    qtbot.waitUntil(lambda: window.canvas.selected_field() == ("goals", 0))

    window.sidebar.search.setFocus()  # leaving the form: no text is being edited
    qtbot.waitUntil(lambda: window.canvas.selected_field() is None)
    assert window.canvas.selection_rect().isEmpty()


def test_a_rename_reaches_the_sidebar_and_the_related_pickers(qtbot, window):
    select(window, "Anna Berg")
    qtbot.keyClicks(window.sidebar.search, "zzz")  # Anna is filtered out of the list but stays open
    assert window.sidebar.model.rowCount() == 0 and window.document.persona.name == "Anna Berg"
    name = window.form.editors["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Anna Lind")
    window.sidebar.search.clear()
    names = [window.sidebar.model.summary(r).name for r in range(window.sidebar.model.rowCount())]
    assert "Anna Lind" in names and "Anna Berg" not in names
    select(window, "Carl Diaz")
    picker = window.form.editors["related"].personas
    offered = [picker.item(r).text() for r in range(picker.rowCount())]
    assert "Anna Lind" in offered and "Anna Berg" not in offered
