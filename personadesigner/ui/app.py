"""Starting the desktop app: QApplication, fonts, logging, the library, the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from personadesigner import __version__
from personadesigner.errors import UserError
from personadesigner.paths import default_library, resource

APP_ID = "io.github.personadesigner.PersonaDesigner"
#: Set to 1: print "first paint" when the window is on screen, quit once the library is
#: open (the bundle's smoke test in .ci/run and benchmarks/bench_bundle.py use it).
SMOKE_ENV = "PERSONADESIGNER_SMOKE_QUIT"
log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the names the desktop (and QSettings) know us by."""
    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("PersonaDesigner")
    app.setApplicationDisplayName("PersonaDesigner")
    app.setOrganizationName("PersonaDesigner")
    app.setOrganizationDomain("personadesigner.github.io")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = resource("icons", "personadesigner.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("personadesigner", appauthor=False))


def _ask_after_failure(error: UserError, location: str) -> str:
    """The library could not be opened: "open", "new" or "quit"."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("PersonaDesigner")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    box.setInformativeText("Open another library, create a new one, or quit. The library file was not changed.")
    open_button = box.addButton("Open library…", QMessageBox.ButtonRole.AcceptRole)
    new_button = box.addButton("New library…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_button else "new" if clicked is new_button else "quit"


def open_startup_library(location: str | None, parent: QWidget | None = None):
    """The library to start with, or None when the user chose to quit.

    The default library is opened by samples.open_library, the helper the
    command line uses too: a new one starts with the sample personas.
    """
    from personadesigner.samples import open_library
    from personadesigner.ui.library_actions import ask_library_file, ask_new_library

    is_default = location is None
    where = location or default_library()
    create, new_file = True, False
    while True:
        try:
            library = open_library(None if is_default else where, create=create, new_file=new_file)
        except UserError as err:
            log.warning("Could not open the library %s: %s", where, err)
            from personadesigner.ui.backup_support import offer_backup_restore

            if offer_backup_restore(parent, where, err):
                create = False
                continue
            choice = _ask_after_failure(err, where)
            path = (
                ask_library_file(parent) if choice == "open" else ask_new_library(parent) if choice == "new" else None
            )
            if not path:
                return None
            where, create, is_default = path, choice == "new", False
            new_file = create
            continue
        return library


def run_app(library_location: str | None, argv: list[str] | None = None) -> int:
    """Run PersonaDesigner on a library (None: the user's default library).

    The window's skeleton is shown first; after its first paint the heavy
    parts (layout engine, canvas, form editors) are built, then the library
    (storage) is opened, so the app appears at once.
    """
    from personadesigner.ui.errors import install_excepthook, setup_logging

    app = make_application(argv)
    log_path = None
    try:
        log_path = setup_logging(_log_dir())
    except OSError:  # a read-only home still runs the app, without a log file
        pass
    install_excepthook(log_path)
    from personadesigner.ui.main_window import MainWindow
    from personadesigner.ui.settings import Settings

    settings = Settings()
    # The skeleton paints first; the fonts, layout engine, canvas and form are
    # built right after, then the library (storage) opens.
    window = MainWindow(None, settings, defer_parts=True)
    quit_code: list[int] = []
    smoke = os.environ.get(SMOKE_ENV) == "1"
    if smoke:
        window.firstPainted.connect(lambda: print("first paint", flush=True), Qt.ConnectionType.SingleShotConnection)

    def open_library() -> None:
        library = open_startup_library(library_location, window)
        if library is None:
            quit_code.append(0)
            window.close()
            app.quit()
            return
        window.set_library(library)  # it records the library as recent and last
        if smoke:  # close as a user would (the window saves its state), then quit
            QTimer.singleShot(0, lambda: window.close() and app.quit())

    def build_then_open() -> None:
        window.build_parts()
        QTimer.singleShot(0, open_library)

    window.firstPainted.connect(lambda: QTimer.singleShot(0, build_then_open), Qt.ConnectionType.SingleShotConnection)
    window.show()
    code = app.exec()
    if window.library is not None:
        window.library.close()
    return quit_code[0] if quit_code else code
