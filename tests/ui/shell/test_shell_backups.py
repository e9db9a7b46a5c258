"""Backups in the app: the scheduled tick, File > Backups… with restore, damaged and network libraries.

Real library files, real backups (SQLite's backup API), real damage (garbage
pages written into the file); only the dialogs' exec is answered by the test.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from test_shell_editing import select

from personadesigner.core.persona import Persona
from personadesigner.storage import backup as backups
from personadesigner.storage.library import Library
from personadesigner.ui.backups_dialog import BackupsDialog
from support.shell import reread


def _damage(path: Path, *, in_use: bool = False) -> None:
    """Overwrite pages in the middle of a real library with garbage."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if not in_use:  # an open library keeps its WAL; the pages are in the main file after the checkpoint
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


@pytest.fixture
def big_library_path(tmp_path):
    """Enough pages that garbage in the middle hits persona data."""
    path = tmp_path / "big.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many([Persona(name=f"Persona {i}", story="Long story. " * 40) for i in range(200)])
    return path


def test_scheduled_backup_only_when_the_library_changed(qtbot, window, library_path):
    ticker = window.backup_ticker
    assert ticker.timer.isActive()
    start = dt.datetime.now(dt.UTC)
    first = ticker.tick(start)
    assert first is not None and first.is_file()
    assert ticker.tick(start + dt.timedelta(minutes=45)) is None  # nothing changed: no new backup
    select(window, "Anna Berg")
    qtbot.keyClicks(window.form.editors["company"], "Initech")
    assert ticker.tick(start + dt.timedelta(minutes=10)) is None  # changed, but not 30 minutes yet
    second = ticker.tick(start + dt.timedelta(minutes=50))
    assert second is not None and second != first
    assert [b.path for b in backups.list_backups(library_path)][:2] == [second, first]


def test_a_damaged_library_stops_the_backups_with_one_sentence(qtbot, make_window, big_library_path, messages):
    lib = Library.open(str(big_library_path))
    try:
        window = make_window(lib)
        _damage(big_library_path, in_use=True)
        assert window.backup_ticker.tick(dt.datetime.now(dt.UTC)) is None
        assert len(messages.messages) == 1 and "damaged" in messages.messages[0]
        assert not window.backup_ticker.timer.isActive()  # no message every minute
    finally:
        lib.close()


def test_file_backups_restore_reloads_the_window(qtbot, window, library_path, messages, monkeypatch):
    select(window, "Anna Berg")
    backups.make_backup(library_path, label="manual")
    qtbot.keyClicks(window.form.editors["company"], "Initech")  # changed after the backup
    assert reread(library_path, "Anna Berg").company == "Initech"
    messages.answer = "Replace the library with this backup"

    def restore_first(dialog: BackupsDialog) -> int:
        assert len(dialog.backups()) == 1
        dialog.table.selectRow(0)
        assert dialog.restore_selected()
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", restore_first)
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Backups…" in menu_texts and window.backups_action.isEnabled()
    window.backups_action.trigger()
    assert reread(library_path, "Anna Berg").company == ""
    select(window, "Anna Berg")
    assert window.document.persona.company == ""
    assert window.form.editors["company"].text() == ""
    # The restore kept the replaced content as a backup of its own.
    assert any(b.label == "before-restore" for b in backups.list_backups(library_path))


def test_network_folder_warning_is_shown_once_and_does_not_block(qtbot, window, library_path):
    other = Library.open(str(library_path))
    other.warnings = [
        "The library is in a cloud-sync folder (Dropbox); two computers editing it at once can lose changes."
    ]
    window.set_library(other)
    assert "cloud-sync folder" in window.statusBar().currentMessage()
    box = window.library_warning_box
    assert box.isVisible() and not box.isModal()
    assert "Dropbox" in box.text()


def test_damaged_library_on_open_offers_the_latest_backup(qtbot, window, big_library_path, messages):
    backups.make_backup(big_library_path, label="manual")
    _damage(big_library_path)
    messages.answer = "Restore backup"
    assert window.libraries.open_location(str(big_library_path), create=False)
    assert any("is damaged" in m and "Restore the latest backup" in m for m in messages.messages)
    assert window.library.count() == 200
    assert window.windowTitle() == "big — PersonaDesigner"
    assert list(big_library_path.parent.glob("big.sqlite.damaged-*"))  # the damaged file was kept


def test_damaged_library_without_a_backup_is_only_explained(qtbot, window, big_library_path, messages):
    _damage(big_library_path)
    assert not window.libraries.open_location(str(big_library_path), create=False)
    assert len(messages.messages) == 1 and "is damaged" in messages.messages[0]
    assert window.library.name == "team"  # the open library stays


def test_a_busy_library_is_not_called_damaged_and_no_restore_is_offered(library_path, messages, monkeypatch):
    """Another program holding the file locked must never lead to a backup restored over it."""
    from personadesigner.errors import LibraryError
    from personadesigner.storage import integrity
    from personadesigner.ui.backup_support import is_damaged, offer_backup_restore

    backups.make_backup(library_path, label="manual")
    monkeypatch.setattr(integrity, "BUSY_TIMEOUT_S", 0.2)  # the check gives up on the lock quickly
    holder = sqlite3.connect(library_path)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        assert not is_damaged(str(library_path))
        busy = LibraryError("The library is busy: another program kept it locked for more than 10 seconds.")
        assert not offer_backup_restore(None, str(library_path), busy)
        assert messages.messages == []
    finally:
        holder.close()
    assert reread(library_path, "Carl Diaz").role == "Head of purchasing"  # the library itself is untouched
