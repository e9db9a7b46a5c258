"""Edit > Trash…: personas moved to the trash, with Restore and Delete forever."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.persona import TYPE_LABELS


class TrashDialog(QDialog):
    """Lists the trash; restoring or purging tells the window through signals."""

    restored = Signal(str)
    purged = Signal(str)

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle("Trash")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Personas in the trash")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        hint = QLabel("Deleted personas wait here until you restore them or delete them forever.", self)
        hint.setWordWrap(True)
        self.empty_label = QLabel("The trash is empty.", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setAccessibleName("Restore the selected personas")
        self.purge_button = QPushButton("&Delete forever…", self)
        self.purge_button.setAccessibleName("Delete the selected personas forever")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 28, em * 22)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for s in self.library.list(deleted=True, sort="updated"):
            text = f"{s.name} — {TYPE_LABELS.get(s.type, s.type)}" + (f" — {s.role}" if s.role else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.list.addItem(item)
        empty = self.list.count() == 0
        if not empty:
            self.list.setCurrentRow(0)  # Restore works at once on the most recently deleted
        self.empty_label.setVisible(empty)
        self.list.setVisible(not empty)
        self._update_buttons()

    def _selected(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]

    def _update_buttons(self) -> None:
        has = bool(self.list.selectedItems())
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def select_all(self) -> None:
        self.list.selectAll()

    def restore_selected(self) -> None:
        for pid in self._selected():
            self.library.restore(pid)
            self.restored.emit(pid)
        self.reload()

    def purge_selected(self) -> None:
        ids = self._selected()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            "Delete forever",
            f"Delete {len(ids)} persona{'s' if len(ids) != 1 else ''} forever? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        for pid in ids:
            self.library.purge(pid)
            self.purged.emit(pid)
        self.reload()
