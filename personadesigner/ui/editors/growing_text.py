"""A text field that wraps and grows with its text instead of scrolling sideways.

Roles, quotes and list items are a sentence or two: in a one-line field the
start scrolls out of sight while typing. This field wraps at the widget's
width and takes exactly the height its lines need, so the whole text is
always visible and the form (not the field) scrolls.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QKeyCombination, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QLineEdit, QSizePolicy, QTextEdit, QWidget


def _is_undo_redo(event: QKeyEvent) -> bool:
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or event.keyCombination()
        == QKeyCombination(Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z)
    )


def _line_edit_height(widget: QWidget) -> int:
    """The height of a one-line QLineEdit in this widget's style and font."""
    key = (widget.style().name() if hasattr(widget.style(), "name") else "", widget.font().key())
    height = _LINE_EDIT_HEIGHTS.get(key)
    if height is None:
        probe = QLineEdit()
        probe.setFont(widget.font())
        height = _LINE_EDIT_HEIGHTS[key] = probe.sizeHint().height()
        probe.deleteLater()
    return height


_LINE_EDIT_HEIGHTS: dict[tuple, int] = {}


class GrowingTextEdit(QTextEdit):
    """Plain text, one paragraph, wrapped; its height follows its lines.

    ``edited`` is the user's typing (never ``set_text``), ``returnPressed``
    Enter (which never inserts a line break), ``finished`` focus leaving.
    Ctrl+Z and Ctrl+Shift+Z are left to the application: one undo history.
    """

    edited = Signal(str)
    returnPressed = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None, *, frame: bool = True) -> None:
        super().__init__(parent)
        self._frame = frame
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if not frame:
            self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(2 if frame else 3)
        self._height = 0
        self.textChanged.connect(self._changed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    # ------------------------------------------------------------ value
    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Show ``text`` without emitting ``edited`` (the model's value, mirrored)."""
        if text == self.toPlainText():
            return
        blocked = self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(blocked)
        self._fit()

    # The QLineEdit calls code written for one-line fields uses (the shell, tests).
    def setText(self, text: str) -> None:  # noqa: N802
        """Plain text, never guessed to be rich text; emits ``edited`` like typing would not."""
        self.set_text(text)

    def end(self, mark: bool = False) -> None:
        self.moveCursor(
            QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        )

    def home(self, mark: bool = False) -> None:
        self.moveCursor(
            QTextCursor.MoveOperation.Start,
            QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor,
        )

    def cursorPosition(self) -> int:  # noqa: N802
        return self.textCursor().position()

    def setCursorPosition(self, position: int) -> None:  # noqa: N802
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)

    def _changed(self) -> None:
        self.edited.emit(self.toPlainText())  # the height follows documentSizeChanged

    # ------------------------------------------------------------ size
    def _needed_height(self) -> int:
        doc = self.document()
        width = self.viewport().width()
        if width > 0 and doc.textWidth() != width:
            doc.setTextWidth(width)
        text_height = math.ceil(doc.size().height())
        one_line = math.ceil(self.fontMetrics().lineSpacing() + 2 * doc.documentMargin())
        margins = self.contentsMargins()
        height = max(text_height, one_line) + margins.top() + margins.bottom()
        if self._frame:  # one line is as tall as a line edit beside it in the form
            height = max(height, _line_edit_height(self))
        return height

    def _fit(self) -> None:
        height = self._needed_height()
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance("M") * 16, self._needed_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance("M") * 5, self._needed_height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    # ------------------------------------------------------------ keys
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_redo(event):
            event.ignore()  # the window's Undo/Redo shortcut handles it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        # One paragraph: pasted line breaks become spaces.
        if source.hasText():
            self.insertPlainText(" ".join(source.text().split("\n")).replace("\r", ""))

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.finished.emit()
