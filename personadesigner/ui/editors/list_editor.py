"""Editor for a list of short texts (goals, pain points, tags...).

Items are edited in place (double-click or F2), added through the entry line
below the list (type, Enter), removed with Delete or the Remove button and
reordered by drag and drop or Alt+Up / Alt+Down. Each gesture is reported
as one signal so it becomes one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from .focus import ForwardsFocus


class _ItemList(QListWidget):
    """The list proper: keyboard reordering and a height that follows its rows."""

    moveRequested = Signal(int, int)
    removeRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() == Qt.Key.Key_Up and row > 0:
            self.moveRequested.emit(row, row - 1)
            return
        if alt and event.key() == Qt.Key.Key_Down and 0 <= row < self.count() - 1:
            self.moveRequested.emit(row, row + 1)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and row >= 0 and self.state() != QAbstractItemView.State.EditingState:
            self.removeRequested.emit(row)
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        row_h = self.fontMetrics().height() + 2
        height = sum(max(self.sizeHintForRow(i), row_h) for i in range(self.count()))
        height += max(0, 2 - self.count()) * row_h  # room to drop into, even when empty
        pad = self.fontMetrics().height() // 2
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth() + pad)

    def minimumSizeHint(self) -> QSize:
        # As tall as its rows (the form scrolls, not the list), but free to be narrow.
        return QSize(self.fontMetrics().horizontalAdvance("M") * 6, self.sizeHint().height())


class ListEditor(ForwardsFocus, QWidget):
    """Shows ``list[str]``; reports inserts, removals, moves and in-place edits."""

    itemInserted = Signal(int, str)
    itemRemoved = Signal(int)
    itemMoved = Signal(int, int)
    itemEdited = Signal(int, str)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._items: list[str] = []
        self.list = _ItemList(self)
        self.list.setAccessibleName(label)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.list.moveRequested.connect(self._move)
        self.list.removeRequested.connect(self._remove)

        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText(f"Add to {label.lower()}…")
        self.entry.setAccessibleName(f"New item for {label.lower()}")
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self._add_from_entry)
        self.add_button = QToolButton(self)
        self.add_button.setText("Add")
        self.add_button.setAccessibleName(f"Add to {label.lower()}")
        self.add_button.clicked.connect(self._add_from_entry)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("Remove")
        self.remove_button.setAccessibleName(f"Remove the selected item from {label.lower()}")
        self.remove_button.clicked.connect(lambda: self._remove(self.list.currentRow()))
        self.remove_button.setEnabled(False)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    # ------------------------------------------------------------ model -> view
    def value(self) -> list[str]:
        return list(self._items)

    def set_value(self, items: list[str]) -> None:
        """Mirror the model; emits nothing, keeps the current row where it can."""
        if items == self._items and self.list.count() == len(items):
            return
        if len(items) == self.list.count():
            # Same rows (an edit or a move): change texts in place. Never rebuild here,
            # since this can run inside the item view's own commit of an in-place edit.
            self._items = list(items)
            self.list.blockSignals(True)
            for row, text in enumerate(items):
                if self.list.item(row).text() != text:
                    self.list.item(row).setText(text)
            self.list.blockSignals(False)
            return
        current = self.list.currentRow()
        self._items = list(items)
        self.list.blockSignals(True)
        self.list.model().blockSignals(True)
        self.list.clear()
        for text in items:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
            self.list.addItem(item)
        self.list.model().blockSignals(False)
        self.list.blockSignals(False)
        self.list.reset()
        if self.list.count():
            self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1) if current >= 0 else -1)
        self.remove_button.setEnabled(self.list.currentRow() >= 0)
        self.list.updateGeometry()

    def focus_item(self, index: int | None) -> None:
        if index is not None and 0 <= index < self.list.count():
            self.list.setCurrentRow(index)
            self.list.scrollToItem(self.list.item(index))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.list.count():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_chain(self) -> list[QWidget]:
        return [self.list, self.entry, self.add_button, self.remove_button]

    # ------------------------------------------------------------ view -> signals
    def _add_from_entry(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        self.entry.clear()
        self.itemInserted.emit(len(self._items), text)

    def _remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.itemRemoved.emit(row)

    def _move(self, source: int, dest: int) -> None:
        self.itemMoved.emit(source, dest)
        self.list.setCurrentRow(dest)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self._items) and item.text() != self._items[row]:
            text = item.text()
            if text.strip():
                self.itemEdited.emit(row, text)
            else:  # an item emptied in place is removed, as the user meant
                self.itemRemoved.emit(row)

    def _on_rows_moved(self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex, row: int) -> None:
        dest = row if row < start else row - 1
        if dest != start:
            # Put the view back; the model decides (and the mirror shows it).
            self.itemMoved.emit(start, dest)
