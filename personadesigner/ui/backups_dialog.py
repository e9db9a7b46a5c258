"""The library's backups, newest first, with "Back up now" and "Restore".

Restoring replaces what the user sees, so it asks first and always keeps the
current content as a "before-restore" backup (storage.backup does that), which
makes a wrong restore itself undoable from this same list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from personadesigner.errors import UserError
from personadesigner.storage import api as backups
from personadesigner.ui.errors import show_user_error

_LABELS = {
    "": "Scheduled",
    "manual": "Manual",
    "before-upgrade": "Before an upgrade",
    "before-restore": "Before a restore",
}


class BackupsDialog(QDialog):
    """Lists the backups of the SQLite library at ``library_path``."""

    #: Emitted after a restore with the library path: the app reloads its views.
    restored = Signal(Path)

    def __init__(self, library_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library_path = Path(library_path)
        self.setWindowTitle(f"Backups of {self.library_path.name}")
        self._backups: list[backups.BackupInfo] = []

        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Made", "Why", "Size"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        # Standard roles, as in every dialog: Close rejects (Esc), the others act and keep it open.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        self.backup_button.setAutoDefault(False)
        self.restore_button.setAutoDefault(False)  # Enter never replaces the library
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)

        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()
        em = self.fontMetrics().height()
        self.resize(em * 34, em * 22)

    def refresh(self) -> None:
        self._backups = backups.list_backups(self.library_path)
        self.table.setRowCount(len(self._backups))
        for i, b in enumerate(self._backups):
            made = b.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # the user's local time
            cells = (made, _LABELS.get(b.label, b.label), f"{max(1, b.size // 1024)} KB")
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, cell)
        self.table.resizeColumnsToContents()
        n = len(self._backups)
        self.status.setText(
            (f"{n} backup{'s' if n != 1 else ''}" if n else "No backups yet")
            + " — one is made every 30 minutes while the library changes; the newest 10 and one a day for a week are kept."
        )
        if self._backups:
            self.table.selectRow(0)
        self._update_buttons()

    def backups(self) -> list[backups.BackupInfo]:
        return list(self._backups)

    def selected_backup(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def backup_now(self) -> Path | None:
        try:
            path = backups.back_up_now(self.library_path)
        except UserError as exc:
            show_user_error(self, exc, title="Backup failed")
            return None
        self.refresh()
        return path

    def restore_selected(self) -> bool:
        chosen = self.selected_backup()
        if chosen is None:
            return False
        when = chosen.created.astimezone().strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Restore backup")
        box.setText(f"Replace the library's content with the backup from {when}?")
        box.setInformativeText("The current content is backed up first, so this can be undone.")
        replace = box.addButton("Replace the library with this backup", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter keeps the library as it is
        box.setEscapeButton(cancel)
        box.exec()
        box.deleteLater()
        if box.clickedButton() is not replace:
            return False
        try:
            backups.restore_backup(self.library_path, chosen.path)
        except UserError as exc:
            show_user_error(self, exc, title="Restore failed")
            return False
        self.refresh()
        self.status.setText(f"Restored the backup from {when}.")
        self.restored.emit(self.library_path)
        return True
