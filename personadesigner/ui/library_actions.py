"""File > New library…, Open library…, Open database URL…: ask the user where, open it.

Opening is the same for every entry point: ``Library.open``, and a known
problem (not a library, damaged file, missing folder) becomes one sentence
and what to do next, with the current library left open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from personadesigner.errors import UserError
from personadesigner.ui.errors import show_user_error

LIBRARY_FILTER = "PersonaDesigner libraries (*.sqlite *.db);;All files (*)"


def open_library(location: str, *, create: bool):
    """``Library.open``; imported here so the window does not need storage at import time.

    ``create`` comes only from File > New library, where the user chose the file:
    an empty (zero-byte) file there may become the new library."""
    from personadesigner.storage.api import open_library as open_at

    return open_at(location, create=create, new_file=create)


def try_open(parent: QWidget | None, location: str, *, create: bool = False):
    """Open a library, or explain why not (returns None)."""
    try:
        return open_library(location, create=create)
    except UserError as err:
        from personadesigner.ui.backup_support import offer_backup_restore

        if offer_backup_restore(parent, location, err):
            return try_open(parent, location, create=False)
        show_user_error(parent, err, "Choose another library file, or create a new library (File > New library…).")
        return None


def ask_new_library(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "New library", "personas.sqlite", LIBRARY_FILTER)
    if not path:
        return None
    if "." not in path.rsplit("/", 1)[-1]:
        path += ".sqlite"
    return path


def ask_library_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open library", "", LIBRARY_FILTER)
    return path or None


class UrlDialog(QDialog):
    """A small dialog for a database URL (a team library on a server)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open database")
        label = QLabel("Database &URL:", self)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("postgresql+psycopg://user@server/personas")
        self.edit.setAccessibleName("Database URL")
        em = self.fontMetrics().horizontalAdvance("M")
        self.edit.setMinimumWidth(em * 30)
        label.setBuddy(self.edit)
        hint = QLabel("A SQLAlchemy URL, or the path of a library file.", self)
        hint.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def url(self) -> str:
        return self.edit.text().strip()


def ask_database_url(parent: QWidget | None) -> str | None:
    dialog = UrlDialog(parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.url():
        return dialog.url()
    return None
