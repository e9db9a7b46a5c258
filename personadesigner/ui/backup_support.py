"""The app's side of backups: the scheduled backup tick, the damaged-library offer, warnings.

storage.backup does the work (online backup API, rotation, restore); this
module decides WHEN from the GUI's point of view: a timer while the window is
open, a restore offer when a library turns out damaged on open, and a
non-blocking notice for libraries in network or cloud-sync folders.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from personadesigner.errors import UserError

log = logging.getLogger(__name__)

#: How often the scheduler is asked; it makes a backup only when the library
#: changed and 30 minutes have passed since the last one.
TICK_MS = 60_000


def library_file(location: str | None) -> Path | None:
    """The SQLite file of a library location (None for a database server)."""
    from personadesigner.storage.api import library_file as file_of

    return file_of(location)


class BackupTicker(QObject):
    """Drives ``BackupScheduler.maybe_backup`` from a QTimer for one SQLite library."""

    #: A backup was written (its path).
    backedUp = Signal(Path)
    #: Backing up failed (one sentence); the ticker stops until the next library.
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scheduler = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def set_library(self, location: str | None) -> None:
        """Follow another library (a server library has no file backups: the ticker idles)."""
        self.timer.stop()
        self.scheduler = None
        path = library_file(location)
        if path is None:
            return
        from personadesigner.storage.api import BackupScheduler

        try:
            self.scheduler = BackupScheduler(path)
        except (UserError, OSError) as err:
            log.warning("No scheduled backups for %s: %s", path, err)
            return
        self.timer.start()

    def tick(self, now=None) -> Path | None:
        if self.scheduler is None:
            return None
        try:
            made = self.scheduler.maybe_backup(now)
        except UserError as err:
            self.timer.stop()  # one message, not one a minute
            self.failed.emit(str(err))
            return None
        if made is not None:
            self.backedUp.emit(made)
        return made


def is_damaged(location: str) -> bool:
    """True when the location is a SQLite file that fails SQLite's quick check."""
    from personadesigner.storage.api import is_damaged as damaged

    return damaged(location)


def offer_backup_restore(parent: QWidget | None, location: str, error: UserError) -> bool:
    """A damaged library failed to open: offer its latest backup. True once restored."""
    path = library_file(location)
    if path is None or not is_damaged(location):
        return False
    from personadesigner.storage import api as backups

    latest = next(iter(backups.list_backups(path)), None)
    if latest is None:
        return False
    when = latest.created.astimezone().strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Damaged library")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    box.setInformativeText(f"Restore the latest backup, from {when}? The damaged file stays kept aside.")
    restore = box.addButton("Restore backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        backups.restore_backup(path, latest.path)
    except UserError as err:
        from personadesigner.ui.errors import show_user_error

        show_user_error(parent, err, title="Restore failed")
        return False
    return True


def show_library_warnings(window, library) -> None:
    """Network/cloud-sync folder and similar notices: status bar plus a dialog that does not block."""
    warnings = list(getattr(library, "warnings", []) or [])
    if not warnings:
        return
    text = " ".join(warnings)
    window.statusBar().showMessage(text, 30_000)
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("About this library's folder")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.library_warning_box = box
    box.show()
