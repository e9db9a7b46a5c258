"""Fixtures of the shell tests: a real SQLite library in tmp_path, a settings file, the window.

No dialog may block: ``QMessageBox.exec`` is replaced by a recorder that
answers with a chosen button, and file dialogs are patched per test.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from personadesigner.storage.library import Library
from personadesigner.ui.settings import Settings
from support.shell import MessageRecorder, sample_personas

pytestmark = pytest.mark.gui


def _desktop_sized_offscreen_screen() -> None:
    """The offscreen platform's default screen is 800 x 800 and clamps restored geometry;
    give it a common desktop size (before the QApplication exists) so window state can be tested."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    config = Path(tempfile.gettempdir()) / "personadesigner-offscreen-screen.json"
    screen = {
        "name": "desktop",
        "x": 0,
        "y": 0,
        "width": 1920,
        "height": 1200,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_desktop_sized_offscreen_screen()


@pytest.fixture(autouse=True)
def _quiet_environment(monkeypatch):
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setenv("PERSONADESIGNER_NO_REVEAL", "1")


@pytest.fixture
def library_path(tmp_path):
    path = tmp_path / "team.sqlite"
    lib = Library.open(str(path))
    lib.add_many(sample_personas())
    lib.close()
    return path


@pytest.fixture
def library(library_path):
    lib = Library.open(str(library_path))
    yield lib
    lib.close()


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path):
    return Settings.from_file(str(settings_path))


@pytest.fixture
def messages(monkeypatch):
    recorder = MessageRecorder()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def make_window(qtbot, library, settings, messages):
    """Build (and on teardown close) main windows on the fixture library."""
    from personadesigner.ui.main_window import MainWindow

    windows = []

    def make(lib=None, st=None):
        window = MainWindow(lib or library, st or settings)
        qtbot.addWidget(window)
        window.refresh_timer.stop()  # tests tick it by hand
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.startup_done)  # the last persona opens after the first paint
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.refresh_timer.stop()


@pytest.fixture
def window(make_window):
    return make_window()
