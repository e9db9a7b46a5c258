"""How the app tells the user about problems: one sentence and what to do next.

Known errors (``UserError``) become a message box; anything else is a bug,
logged with its traceback and shown as a short notice so nothing is lost
silently. Tests replace ``QMessageBox`` methods, never these functions.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from personadesigner.errors import UserError

log = logging.getLogger("personadesigner")


def message_box(
    parent: QWidget | None,
    text: str,
    next_step: str = "",
    *,
    title: str = "PersonaDesigner",
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A message box in plain text: messages quote file names and user text, never markup."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if next_step:
        box.setInformativeText(next_step)  # Qt shows it in the box's text format too
    return box


def show_user_error(
    parent: QWidget | None, error: BaseException | str, next_step: str = "", *, title: str = "PersonaDesigner"
) -> None:
    """A warning with the error's one sentence and, below it, what to do next."""
    message_box(parent, str(error), next_step, title=title).exec()


def show_notice(parent: QWidget | None, text: str, *, title: str = "PersonaDesigner") -> None:
    """Information (not a problem), in plain text."""
    message_box(parent, text, title=title, icon=QMessageBox.Icon.Information).exec()


def setup_logging(log_dir: Path) -> Path:
    """Log to ``<log dir>/personadesigner.log`` (warnings and bugs, with tracebacks)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "personadesigner.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path | None = None) -> None:
    """Bugs that reach the event loop: log the traceback, show a short dialog, keep running."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, UserError):  # a known problem that escaped a handler
            log.warning("%s", exc)
            if QApplication.instance() is not None:
                show_user_error(QApplication.activeWindow(), exc)
            return
        log.error("Unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        app = QApplication.instance()
        if app is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        where = f"\n\nDetails were written to {log_path}." if log_path else ""
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("PersonaDesigner")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText("Something went wrong inside PersonaDesigner; your last change may not have been saved." + where)
        box.exec()

    sys.excepthook = hook
