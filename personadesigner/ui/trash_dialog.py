"""Edit > Trash…: personas moved to the trash, with Restore and Delete forever.

Deleting forever cannot be undone, so its button is never the default (Enter
never deletes), says how many personas it deletes, and asks once more with
Cancel as the default answer.
"""

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


def delete_forever_text(n: int) -> str:
    """ "Delete 1 persona forever", "Delete 3 personas forever"."""
    return f"Delete {n} persona{'s' if n != 1 else ''} forever"


class TrashDialog(QDialog):
    """Lists the trash; restoring or purging tells the window through signals (the ids)."""

    restored = Signal(list)
    purged = Signal(list)

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
        self.purge_button = QPushButton(delete_forever_text(1) + "\u2026", self)
        self.purge_button.setAccessibleName("Delete the selected personas forever")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # Enter closes the dialog; it never restores or deletes by accident. No button
        # becomes the default by taking the focus either.
        for button in (self.restore_button, self.purge_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.close_button.setAutoDefault(False)
        self.close_button.setDefault(True)
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
        n = len(self.list.selectedItems())
        self.restore_button.setEnabled(n > 0)
        self.purge_button.setEnabled(n > 0)
        self.purge_button.setText(delete_forever_text(max(n, 1)) + "\u2026")

    def select_all(self) -> None:
        self.list.selectAll()

    def restore_selected(self) -> None:
        ids = self._selected()
        for pid in ids:
            self.library.restore(pid)
        self.reload()
        if ids:
            self.restored.emit(ids)

    def confirm_purge(self, n: int) -> bool:
        """Ask once more; Cancel is the default (Enter, Esc), the other button says what it does."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Delete forever")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{delete_forever_text(n)}? This cannot be undone.")
        box.setInformativeText("Restore keeps them instead; personas in the trash do not appear on cards or exports.")
        delete = box.addButton(delete_forever_text(n), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        delete.setAutoDefault(False)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        box.deleteLater()
        return box.clickedButton() is delete

    def purge_selected(self) -> None:
        ids = self._selected()
        if not ids or not self.confirm_purge(len(ids)):
            return
        for pid in ids:
            self.library.purge(pid)
        self.reload()
        self.purged.emit(ids)
