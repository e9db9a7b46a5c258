"""The change watch (``Library.data_version``, the app's 2 s look for others' changes) reads through a
kept raw sqlite3 connection: its errors are the same one sentence as any other action's."""

from __future__ import annotations

import sqlite3

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from personadesigner.storage import engine as engine_module
from personadesigner.storage.library import Library


@pytest.fixture
def synced_library(tmp_path):
    """A library in a cloud-sync folder: a rollback journal (no WAL), where another program's
    EXCLUSIVE lock shuts every reader out, the watch too."""
    path = tmp_path / "Dropbox" / "library.sqlite"
    path.parent.mkdir()
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Anna"))
    return path


def test_a_library_locked_by_another_program_is_busy_for_the_watch(synced_library, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)  # the real wait is 10 s
    with Library.open(str(synced_library)) as lib:
        holder = sqlite3.connect(synced_library, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(LibraryError, match="busy: another program kept it locked") as caught:
                lib.data_version()
            assert "damaged" not in str(caught.value)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert lib.data_version() == 0  # the lock is gone: the watch works again
        assert [s.name for s in lib.list()] == ["Anna"]


def test_a_library_damaged_under_the_watch_says_so_with_the_restore_command(synced_library):
    with Library.open(str(synced_library)) as lib:
        data = bytearray(synced_library.read_bytes())
        data[:100] = b"\xff" * 100  # the header another program's bad sync wrote
        synced_library.write_bytes(bytes(data))
        with pytest.raises(LibraryError, match="is damaged") as caught:
            lib.data_version()
        assert "personadesigner restore" in str(caught.value)
