"""Showing a model value in a form widget without disturbing the user.

A widget that already shows the value is left alone, so the caret never jumps
while typing; the caller blocks the widget's signals, so showing a value is
never taken for an edit.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from personadesigner.ui.editors.growing_text import GrowingTextEdit


def show_value(w: QWidget, value) -> None:
    """Put ``value`` in editor ``w`` (text fields, choices, or a composite editor's ``set_value``)."""
    if isinstance(w, QLineEdit):
        if w.text() != value:
            w.setText(value)
            if not w.hasFocus():
                w.setCursorPosition(0)  # show the start of a long text, not its end
    elif isinstance(w, GrowingTextEdit):
        w.set_text(value)
    elif isinstance(w, QPlainTextEdit):
        if w.toPlainText() != value:
            w.setPlainText(value)
    elif isinstance(w, QComboBox):
        w.setCurrentIndex(max(w.findData(value), 0))
    else:
        w.set_value(value)
