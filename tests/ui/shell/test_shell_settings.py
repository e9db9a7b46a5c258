"""View state survives a restart; the settings registry is typed; libraries open and switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings
from test_shell_editing import select

from personadesigner.ui import settings as opts
from personadesigner.ui.settings import SETTINGS_VERSION, Settings


def test_window_state_comes_back_after_restart(qtbot, make_window, settings_path):
    first = make_window(st=Settings.from_file(str(settings_path)))
    first.resize(1520, 900)
    first.splitter.setSizes([300, 720, 480])
    select(first, "Dana Fox")
    first.canvas.set_zoom(1.75)
    sizes = first.splitter.sizes()
    first.close()

    second = make_window(st=Settings.from_file(str(settings_path)))
    assert (second.width(), second.height()) == (1520, 900)
    assert second.splitter.sizes() == sizes
    assert second.document.persona.name == "Dana Fox"
    assert second.sidebar.current_id() == second.document.persona.id
    assert abs(second.canvas.zoom() - 1.75) < 0.01
    assert not second.canvas.is_fit_mode()


def test_fit_zoom_is_remembered_as_fit(make_window, settings_path):
    first = make_window(st=Settings.from_file(str(settings_path)))
    first.canvas.zoom_fit()
    first.close()
    assert Settings.from_file(str(settings_path)).get(opts.ZOOM) == 0.0
    second = make_window(st=Settings.from_file(str(settings_path)))
    assert second.canvas.is_fit_mode()


def test_registry_types_defaults_and_version(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings.from_file(str(path))
    assert s.get(opts.ZOOM) == 0.0 and s.get(opts.RECENT_LIBRARIES) == []
    assert isinstance(s.get(opts.WINDOW_GEOMETRY), QByteArray)
    s.set(opts.ZOOM, 2)
    for loc in ["a.sqlite", "b.sqlite", "a.sqlite"]:
        s.add_recent_library(loc)
    s.set_last_persona("b.sqlite", "id-1")
    s.sync()
    again = Settings.from_file(str(path))
    assert again.get(opts.ZOOM) == 2.0
    assert again.get(opts.RECENT_LIBRARIES) == ["a.sqlite", "b.sqlite"]
    assert again.last_persona("b.sqlite") == "id-1"
    assert QSettings(str(path), QSettings.Format.IniFormat).value("settings/version") in (
        SETTINGS_VERSION,
        str(SETTINGS_VERSION),
    )
    with pytest.raises(TypeError):  # a wrongly typed setting is refused
        again.set(opts.ZOOM, "big")


def test_a_garbled_setting_falls_back_to_its_default(tmp_path):
    path = tmp_path / "s.ini"
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    raw.setValue("canvas/zoom", "not a number")
    raw.sync()
    assert Settings.from_file(str(path)).get(opts.ZOOM) == 0.0


def test_open_another_library_updates_title_list_and_recent(qtbot, window, tmp_path, monkeypatch, settings):
    from personadesigner.core.persona import Persona
    from personadesigner.storage.library import Library
    from personadesigner.ui import library_controller

    other_path = tmp_path / "research.sqlite"
    lib = Library.open(str(other_path))
    lib.add(Persona(name="Only One"))
    lib.close()
    monkeypatch.setattr(library_controller, "ask_library_file", lambda parent: str(other_path))
    window.open_library_action.trigger()
    assert window.windowTitle() == "research — PersonaDesigner"
    assert window.sidebar.model.rowCount() == 1
    assert window.document.persona.name == "Only One"
    assert settings.get(opts.RECENT_LIBRARIES)[0] == str(other_path)


def test_opening_a_file_that_is_not_a_library_explains_and_keeps_the_current(window, tmp_path, monkeypatch, messages):
    from personadesigner.ui import library_controller

    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"this is not a database, just some notes\n" * 20)
    before = bogus.read_bytes()
    monkeypatch.setattr(library_controller, "ask_library_file", lambda parent: str(bogus))
    window.open_library_action.trigger()
    assert window.windowTitle() == "team — PersonaDesigner"
    assert len(messages.messages) == 1 and "\n" in messages.messages[0]  # the sentence, then what to do
    assert bogus.read_bytes() == before


def test_new_library_from_the_file_menu(window, tmp_path, monkeypatch):
    from personadesigner.ui import library_controller

    monkeypatch.setattr(library_controller, "ask_new_library", lambda parent: str(tmp_path / "fresh.sqlite"))
    window.new_library_action.trigger()
    assert window.windowTitle() == "fresh — PersonaDesigner"
    assert window.sidebar.model.rowCount() == 0
    assert window.document.persona is None
    assert not window.form.widget().isEnabled()
    window.new_action.trigger()
    assert window.sidebar.model.rowCount() == 1


def test_startup_seeds_a_new_default_library_with_samples(qtbot, messages):
    from personadesigner.ui.app import open_startup_library

    lib = open_startup_library(None)
    try:
        assert lib.is_new and lib.count() >= 6
    finally:
        lib.close()


def test_startup_on_a_damaged_library_offers_a_choice_and_quits_cleanly(tmp_path, messages):
    from personadesigner.ui.app import open_startup_library

    bogus = tmp_path / "broken.sqlite"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    messages.answer = "Quit"
    assert open_startup_library(str(bogus)) is None
    assert len(messages.messages) == 1
    assert "Open another library" in messages.messages[0]


def test_run_app_shows_the_window_then_opens_the_library(qtbot, library_path, messages, monkeypatch):
    import logging
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from personadesigner.ui.app import run_app
    from personadesigner.ui.main_window import MainWindow

    seen = {}

    def poll():
        if "gave up" in seen:
            return
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].library is not None and windows[0].document.persona is not None:
            w = windows[0]
            seen["title"] = w.windowTitle()
            seen["persona"] = w.document.persona.name
            w.close()
        else:
            QTimer.singleShot(20, poll)

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own
    handlers = list(logging.getLogger().handlers)
    QTimer.singleShot(0, poll)
    watchdog = QTimer()  # never poll forever: give up after 10 s and say so
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: (seen.setdefault("gave up", True), QApplication.instance().quit()))
    watchdog.start(10_000)
    try:
        assert run_app(str(library_path), []) == 0
    finally:
        watchdog.stop()
        for h in logging.getLogger().handlers:
            if h not in handlers:
                logging.getLogger().removeHandler(h)
                h.close()
    assert seen == {"title": "team — PersonaDesigner", "persona": "Anna Berg"}
