"""Copying or restoring FROM a library never writes to it: backups stay byte for byte as they were."""

from __future__ import annotations

import hashlib
import sqlite3

from personadesigner.core.persona import Persona
from personadesigner.storage import migrate
from personadesigner.storage.backup import copy_database
from personadesigner.storage.copy import copy_library
from personadesigner.storage.library import Library
from support.storage_helpers import downgrade_file


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _backup_of(tmp_path, names):
    """A real backup: rollback-journal file made by the backup code, as `backup` writes it."""
    live = tmp_path / "live.sqlite"
    with Library.open(str(live)) as lib:
        for name in names:
            lib.add(Persona(name=name))
    backup = tmp_path / "backup.sqlite"
    copy_database(live, backup)
    return backup


def test_copy_from_a_backup_leaves_it_untouched(tmp_path):
    backup = _backup_of(tmp_path, ["Anna", "Bob"])
    before = _digest(backup)
    report = copy_library(str(backup), str(tmp_path / "target.sqlite"))
    assert report.personas == 2
    assert _digest(backup) == before
    header = backup.read_bytes()[18:20]
    assert header == b"\x01\x01"  # still a rollback-journal file, not switched to WAL
    assert not (tmp_path / "backup.sqlite-wal").exists()
    with Library.open(str(tmp_path / "target.sqlite")) as lib:
        assert sorted(s.name for s in lib.list()) == ["Anna", "Bob"]


def test_an_older_schema_backup_is_upgraded_in_a_copy_not_in_place(tmp_path):
    backup = _backup_of(tmp_path, ["Old timer"])
    downgrade_file(backup, "0001", wal=False)
    before = _digest(backup)
    copy_library(str(backup), str(tmp_path / "target.sqlite"))
    assert _digest(backup) == before
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()
    assert not (tmp_path / "backup-backups").exists()  # no "before-upgrade" backup next to it
    with Library.open(str(tmp_path / "target.sqlite")) as lib:
        assert [s.name for s in lib.list()] == ["Old timer"]
        assert lib.schema_revision() == migrate.HEAD_REVISION
