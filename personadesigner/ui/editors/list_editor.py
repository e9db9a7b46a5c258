"""Editor for a list of short texts (goals, pain points, tags...), outliner style.

Each item is its own row: a drag handle, a bullet and a wrapping text field
edited in place. As in an outliner, Enter starts a new item after the
current one, Backspace in an empty item removes it, Alt+Up / Alt+Down (or a
drag on the handle) reorder, Up/Down at the first/last line move between
items. The last row adds an item at the end. Each gesture is reported as one
signal so the form turns it into one undo step; a new item exists in the
model only once it has text.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from .focus import ForwardsFocus
from .list_rows import BULLET, Row

#: Drag-and-drop payload of one row: "<editor id>:<row>".
ROW_MIME = "application/x-personadesigner-list-row"
__all__ = ["BULLET", "ROW_MIME", "ListEditor"]


class ListEditor(ForwardsFocus, QFrame):
    """Shows ``list[str]``; reports inserts, removals, moves and in-place edits."""

    itemInserted = Signal(int, str)
    itemRemoved = Signal(int)
    itemMoved = Signal(int, int)
    itemEdited = Signal(int, str)
    #: The cursor left an item: the next edit is a new undo step.
    finished = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._items: list[str] = []
        self.rows: list[Row] = []
        self._spare: list[Row] = []
        self._pending: tuple[int, Row] | None = None
        self._busy = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setAcceptDrops(True)
        self.setAccessibleName(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(1)
        self.adder = Row(self, "", adder=True)
        #: The new-item field at the end (type, Enter).
        self.entry = self.adder.edit
        self.entry.setPlaceholderText(f"Add to {label.lower()}\u2026")
        self.entry.setAccessibleName(f"New item for {label.lower()}")
        self._layout.addWidget(self.adder)
        self._drop_line = QFrame(self)
        self._drop_line.setFrameShape(QFrame.Shape.NoFrame)
        self._drop_line.setAutoFillBackground(True)
        line_palette = self._drop_line.palette()
        line_palette.setColor(QPalette.ColorRole.Window, self.palette().color(QPalette.ColorRole.Highlight))
        self._drop_line.setPalette(line_palette)
        self._drop_line.hide()

    # ------------------------------------------------------------ model -> view
    def value(self) -> list[str]:
        return list(self._items)

    def row_texts(self) -> list[str]:
        """What the rows show (committed items only), top to bottom."""
        return [row.edit.text() for row in self.rows]

    def set_value(self, items: list[str]) -> None:
        """Mirror the model; emits nothing. Same count: texts change in place (the caret stays)."""
        if items == self._items and len(self.rows) == len(items):
            return
        self._items = list(items)
        if len(items) == len(self.rows):
            for row, text in zip(self.rows, items):
                row.edit.set_text(text)
            return
        focused = next((i for i, row in enumerate(self.rows) if row.edit.hasFocus()), None)
        caret = self.rows[focused].edit.cursorPosition() if focused is not None else 0
        self._busy = True
        try:
            self._drop_pending()
            # Rows are reused, and spare ones kept hidden (switching personas is frequent):
            # only rows this editor never had are built.
            for row in self.rows[len(items) :]:
                row.hide()
                row.edit.set_text("")
                self._spare.append(row)
            del self.rows[len(items) :]
            for row, text in zip(self.rows, items):
                row.edit.set_text(text)
            for i in range(len(self.rows), len(items)):
                row = self._spare.pop() if self._spare else self._new_row()
                row.edit.set_text(items[i])
                row.edit.setAccessibleName(f"{self.label} {i + 1}")
                self._layout.insertWidget(i, row)
                row.show()
                self.rows.append(row)
            self._fix_tab_order()
            if focused is not None:  # the model changed under the cursor (another window, undo)
                self._focus_index(min(focused, len(self.rows) - 1) if self.rows else 0)
                if focused < len(self.rows):
                    self.rows[focused].edit.setCursorPosition(caret)
        finally:
            self._busy = False
        self.updateGeometry()

    def _new_row(self) -> Row:
        row = Row(self, "")
        row.edit.edited.connect(lambda t, r=row: self._row_edited(r, t))
        return row

    def discard_typing(self) -> None:
        """Forget a new item being typed (another persona is shown: it was not meant for it)."""
        self._drop_pending()
        self.entry.set_text("")

    def focus_item(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.rows):
            self._focus_row(self.rows[index], at_end=True)
        elif self.rows and index is None and not self.entry.text():
            self._focus_row(self.rows[0], at_end=True)
        else:
            self._focus_row(self.adder, at_end=True)

    def focus_chain(self) -> list[QWidget]:
        return [row.edit for row in self.rows] + [self.entry]

    def row_of(self, widget: QWidget | None) -> int | None:
        """The index of the item a widget (its text field) belongs to; None for the new-item row."""
        for i, row in enumerate(self.rows):
            if widget is row or (widget is not None and row.isAncestorOf(widget)):
                return i
        return None

    def _fix_tab_order(self) -> None:
        chain = self.focus_chain()
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    # ------------------------------------------------------------ focus
    def _focus_row(self, row: Row, *, at_end: bool = True) -> None:
        row.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = row.edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if at_end else QTextCursor.MoveOperation.Start)
        row.edit.setTextCursor(cursor)

    def _focus_index(self, index: int, *, at_end: bool = True) -> None:
        if 0 <= index < len(self.rows):
            self._focus_row(self.rows[index], at_end=at_end)
        else:
            self._focus_row(self.adder, at_end=at_end)

    # ------------------------------------------------------------ pending rows
    def _open_pending(self, index: int) -> None:
        """An empty row at ``index``; it becomes an item once it has text and Enter or focus leaves."""
        if index >= len(self.rows):
            self._focus_row(self.adder)
            return
        self._drop_pending()
        row = Row(self, "", pending=True)
        row.edit.setAccessibleName(f"New item for {self.label.lower()}")
        self._layout.insertWidget(index, row)
        self._pending = (index, row)
        QWidget.setTabOrder(self.rows[index - 1].edit if index else row.edit, row.edit)
        self._focus_row(row)

    def _drop_pending(self) -> None:
        if self._pending is not None:
            _index, row = self._pending
            self._pending = None
            busy, self._busy = self._busy, True
            row.hide()
            row.deleteLater()
            self._busy = busy

    def _pending_index(self, row: Row) -> int:
        if row.adder:
            return len(self._items)
        assert self._pending is not None and self._pending[1] is row
        return self._pending[0]

    def _commit_pending(self, row: Row, *, next_pending: bool) -> None:
        text = row.edit.text().strip()
        index = self._pending_index(row)
        if not text:
            return
        if row.adder:
            self.entry.set_text("")
        else:
            self._drop_pending()
        self.itemInserted.emit(index, text)
        if next_pending and not row.adder:
            self._open_pending(index + 1)
        elif row.adder:
            self._focus_row(self.adder)

    # ------------------------------------------------------------ row gestures
    def _row_edited(self, row: Row, text: str) -> None:
        if self._busy or row not in self.rows:
            return
        i = self.rows.index(row)
        if text.strip() and text != self._items[i]:
            self.itemEdited.emit(i, text)
        # An emptied item stays in the model until the cursor leaves it or Backspace removes it.

    def row_key(self, row: Row, event: QKeyEvent) -> bool:
        """Outliner keys; True when handled."""
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._enter_key(row)
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and row.edit.text() == "":
            return self._erase_empty_row(row, backwards=key == Qt.Key.Key_Backspace)
        up = key == Qt.Key.Key_Up
        if not (up or key == Qt.Key.Key_Down):
            return False
        if mods & Qt.KeyboardModifier.AltModifier and not row.pending:
            return self._move_row_key(row, up)
        return not mods and self._arrow_key(row, up)

    def _enter_key(self, row: Row) -> bool:
        """Enter: keep the new row and open the next one; on a kept row, a new row below it."""
        if row.pending:
            self._commit_pending(row, next_pending=True)
        else:
            self.finished.emit()
            self._open_pending(self.rows.index(row) + 1)
        return True

    def _erase_empty_row(self, row: Row, *, backwards: bool) -> bool:
        """Backspace or Delete in an empty row removes it; the caret goes up (Backspace) or stays."""
        if row.pending and row.adder:
            if backwards and self.rows:
                self._focus_row(self.rows[-1])
            return True
        if row.pending:
            index = self._pending_index(row)
            self._drop_pending()
            self._focus_index(index - 1 if backwards and index else index)
            return True
        i = self.rows.index(row)
        self.itemRemoved.emit(i)
        if backwards and i > 0:
            self._focus_index(i - 1)
        else:
            self._focus_index(i, at_end=False)
        return True

    def _move_row_key(self, row: Row, up: bool) -> bool:
        """Alt+Up / Alt+Down: the row moves one place."""
        i = self.rows.index(row)
        dest = i - 1 if up else i + 1
        if 0 <= dest < len(self.rows):
            self._move(i, dest)
        return True

    def _arrow_key(self, row: Row, up: bool) -> bool:
        """Up / Down past a row's first or last line go to the row above or below."""
        cursor = row.edit.textCursor()
        if cursor.movePosition(QTextCursor.MoveOperation.Up if up else QTextCursor.MoveOperation.Down):
            return False
        chain = self.focus_chain() if self._pending is None else self._visible_chain()
        k = chain.index(row.edit) + (-1 if up else 1)
        if 0 <= k < len(chain):
            chain[k].setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def _visible_chain(self) -> list[QWidget]:
        chain = [row.edit for row in self.rows]
        if self._pending is not None:
            chain.insert(self._pending[0], self._pending[1].edit)
        return chain + [self.entry]

    def row_left(self, row: Row) -> None:
        """The cursor left a row: keep what was typed, drop what was emptied."""
        if self._busy:
            return
        if row.pending:
            if row.adder or (self._pending is not None and self._pending[1] is row):
                if row.edit.text().strip():
                    self._commit_pending(row, next_pending=False)
                elif not row.adder:
                    self._drop_pending()
            return
        if row in self.rows:
            if not row.edit.text().strip():
                self.itemRemoved.emit(self.rows.index(row))
            else:
                self.finished.emit()

    def remove_row(self, row: Row) -> None:
        if row in self.rows:
            self.itemRemoved.emit(self.rows.index(row))

    def _move(self, source: int, dest: int) -> None:
        self.itemMoved.emit(source, dest)
        self._focus_index(dest)

    # ------------------------------------------------------------ drag and drop
    def drag_mime(self, row: int) -> QMimeData:
        """The payload a drag of ``row`` carries (also used by tests to drop without a mouse)."""
        mime = QMimeData()
        mime.setData(ROW_MIME, QByteArray(f"{id(self)}:{row}".encode()))
        return mime

    def start_drag(self, row: Row) -> None:
        if row not in self.rows:
            return
        drag = QDrag(self)
        drag.setMimeData(self.drag_mime(self.rows.index(row)))
        pixmap = row.grab()
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(row.handle.width() // 2, pixmap.height() // 2))
        drag.exec(Qt.DropAction.MoveAction)
        self._drop_line.hide()

    def _dragged_row(self, mime: QMimeData) -> int | None:
        if not mime.hasFormat(ROW_MIME):
            return None
        owner, _, row = bytes(mime.data(ROW_MIME).data()).decode().partition(":")
        if owner != str(id(self)) or not row.isdigit() or int(row) >= len(self.rows):
            return None
        return int(row)

    def _gap_at(self, y: float) -> int:
        """The gap (0 = above the first row) nearest a drop position."""
        for i, row in enumerate(self.rows):
            if y < row.geometry().center().y():
                return i
        return len(self.rows)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dragged_row(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._dragged_row(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        gap = self._gap_at(event.position().y())
        if gap < len(self.rows):
            y = self.rows[gap].geometry().top()
        else:
            y = self.rows[-1].geometry().bottom() + 1 if self.rows else 0
        self._drop_line.setGeometry(4, max(0, y - 1), self.width() - 8, 2)
        self._drop_line.show()
        self._drop_line.raise_()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._drop_line.hide()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._drop_line.hide()
        source = self._dragged_row(event.mimeData())
        if source is None:
            event.ignore()
            return
        gap = self._gap_at(event.position().y())
        dest = gap if gap <= source else gap - 1
        event.acceptProposedAction()
        if dest != source:
            self._move(source, dest)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.fontMetrics().horizontalAdvance("M") * 16), hint.height())
