"""Editing a text in place on the card: the editor over the text, Enter commits, Esc cancels.

The canvas never edits the persona: a committed edit is reported on the
canvas's ``fieldEdited`` (the shell turns it into an undo command). The editor
takes the card's own face at the size the text shows on screen and follows
the zoom and the scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from personadesigner.core.cardlayout import TextBlock
from personadesigner.core.persona import LIST_FIELDS, LONG_TEXT_FIELDS, TEXT_FIELDS, Persona
from personadesigner.render.qt_painter import qfont


def editable_text(persona: Persona, field: str, item: int | None) -> str | None:
    """The model text an in-place edit starts from, or None when the field is not plain text."""
    if field == "name":
        return persona.name
    if field in TEXT_FIELDS:
        return getattr(persona, field)
    if field in LIST_FIELDS:
        values = getattr(persona, field)
        if item is not None and 0 <= item < len(values):
            return values[item]
        return None
    if field == "custom" and item is not None and 0 <= item < len(persona.custom):
        return persona.custom[item].value
    return None


class _InPlaceEditing:
    """Key handling shared by the in-place editors: Enter commits, Esc cancels, leaving commits.

    ``newline_on_shift_enter``: Shift+Enter breaks the line instead (long texts).
    """

    newline_on_shift_enter = False

    def _handle_key(self, event: QKeyEvent, default) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if enter and not (self.newline_on_shift_enter and shift):
            self.committed.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            default(event)


class _LineEditor(_InPlaceEditing, QLineEdit):
    """One-line in-place editor."""

    committed = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self._handle_key(event, super().keyPressEvent)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit()


class _TextEditor(_InPlaceEditing, QPlainTextEdit):
    """Wrapping in-place editor for long texts and list items."""

    committed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget, *, allow_newlines: bool) -> None:
        super().__init__(parent)
        self.newline_on_shift_enter = allow_newlines

    def text(self) -> str:
        return self.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self._handle_key(event, super().keyPressEvent)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit()


class InPlaceEditing:
    """CardCanvas's in-place editing (a mixin: it uses the view, its card item and its zoom)."""

    _editor: _LineEditor | _TextEditor | None = None
    _editing: tuple[str, int | None, str, QRectF] | None = None

    def _block_for(self, field: str, item: int | None) -> TextBlock | None:
        layout = self._card.layout()
        if layout is None:
            return None
        for block in layout.text_blocks():
            if block.field == field and block.item == item:
                return block
        return None

    def edit_field(self, field: str, item: int | None = None) -> bool:
        """Open an editor over the field's text on the card; False when it cannot be edited here."""
        if self._persona is None:
            return False
        text = editable_text(self._persona, field, item)
        block = self._block_for(field, item)
        if text is None or block is None:
            return False
        self._close_editor(commit=True)
        newlines = field in LONG_TEXT_FIELDS or "\n" in text
        multi = newlines or len(block.lines) > 1  # wrapped on the card: wrap in the editor too
        if multi:
            editor = _TextEditor(self.viewport(), allow_newlines=newlines)
        else:
            editor = _LineEditor(self.viewport())
        editor.setObjectName("inPlaceEditor")
        editor.setAccessibleName(f"Edit {field}")
        if multi:
            editor.setPlainText(text)
            editor.selectAll()
        else:
            editor.setText(text)
            editor.selectAll()
        # Bound slots (not lambdas): Qt drops them if the canvas goes away mid-edit.
        editor.committed.connect(self._commit_editor)
        editor.cancelled.connect(self._cancel_editor)
        self._editor = editor
        self._editing = (field, item, text, QRectF(block.x, block.y, block.w, block.h))
        self._style_editor(block)
        self._place_editor()
        editor.show()
        editor.setFocus(Qt.FocusReason.MouseFocusReason)
        return True

    def editor(self) -> QLineEdit | QPlainTextEdit | None:
        return self._editor

    def _style_editor(self, block: TextBlock) -> None:
        size, key = 10.0, "sans"
        for line in block.lines:
            if line.runs:
                size, key = line.runs[0].size, line.runs[0].font
                break
        # The card's own face at the size it shows on screen (points scale with the zoom).
        self._editor.setFont(qfont(key, max(6.0, size * self._zoom)))
        self._editor.setStyleSheet("border: 2px solid #1e88e5; background: white; color: black;")

    def _place_editor(self) -> None:
        if self._editor is None or self._editing is None:
            return
        rect = self.mapFromScene(self._card.mapToScene(self._editing[3])).boundingRect()
        if isinstance(self._editor, QLineEdit):
            rect.setHeight(max(rect.height(), self._editor.sizeHint().height()))
        else:  # room for the frame and the document margins around the wrapped lines
            rect.adjust(-4, -4, 4, 16)
        rect.setWidth(max(rect.width(), 120))
        self._editor.setGeometry(rect)

    def _commit_editor(self) -> None:
        self._close_editor(commit=True)

    def _cancel_editor(self) -> None:
        self._close_editor(commit=False)

    def _close_editor(self, *, commit: bool) -> None:
        editor, editing = self._editor, self._editing
        if editor is None or editing is None:
            return
        # Clear first: hiding the editor moves focus and would re-enter through focusOut.
        self._editor, self._editing = None, None
        editor.blockSignals(True)
        field, item, before, _rect = editing
        text = editor.text()
        editor.hide()
        editor.deleteLater()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if commit and text != before:
            self.fieldEdited.emit(field, item, text)
