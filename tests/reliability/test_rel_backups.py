"""Backups: online snapshots, rotation, the 30-minute scheduler, restore (and its safety backup)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from personadesigner.storage import backup
from personadesigner.storage.integrity import quick_check
from personadesigner.storage.library import Library
from support.damage import truncate

T0 = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


def _names(path):
    with Library.open(str(path), create=False) as lib:
        return sorted(s.name for s in lib.list())


def test_backup_while_a_writer_holds_the_library_open_is_a_complete_library(filled_library):
    with Library.open(str(filled_library)) as lib:
        lib.add(Persona(name="Added while open"))
        path = backup.make_backup(filled_library)  # the writer's connection is still open
    assert path.parent.name == "team-backups" and path.name.startswith("team-")
    assert quick_check(path) == []
    assert "Added while open" in _names(path)
    assert _names(path) == _names(filled_library)


def test_scheduler_backs_up_only_changed_libraries_every_30_minutes(filled_library):
    scheduler = backup.BackupScheduler(filled_library)
    first = scheduler.maybe_backup(T0)
    assert first is not None
    assert scheduler.maybe_backup(T0 + dt.timedelta(minutes=45)) is None  # nothing changed
    with Library.open(str(filled_library)) as lib:
        p = lib.find("Persona 5")
        p.role = "changed"
        lib.update(p)
    assert scheduler.maybe_backup(T0 + dt.timedelta(minutes=50)) is not None
    with Library.open(str(filled_library)) as lib:
        lib.add(Persona(name="Another"))
    assert scheduler.maybe_backup(T0 + dt.timedelta(minutes=60)) is None  # too soon
    assert scheduler.maybe_backup(T0 + dt.timedelta(minutes=81)) is not None
    # A new scheduler (the app restarted) knows the newest backup's time and content.
    again = backup.BackupScheduler(filled_library)
    assert again.maybe_backup(T0 + dt.timedelta(hours=5)) is None
    assert len(backup.list_backups(filled_library)) == 3


def test_rotation_keeps_the_newest_ten_and_one_per_day_for_a_week(filled_library):
    now = T0 + dt.timedelta(days=10)
    made = []
    for day in range(10):  # three backups a day for ten days
        for hour in (8, 12, 16):
            made.append(backup.make_backup(filled_library, now=T0 + dt.timedelta(days=day, hours=hour - 9)))
    deleted = backup.rotate(filled_library, now=now)
    kept = backup.list_backups(filled_library)
    assert len(kept) + len(deleted) == 30
    assert {b.path for b in kept} >= set(made[-10:])
    days = {b.created.date() for b in kept}
    assert all((now - dt.timedelta(days=d)).date() in days for d in range(1, 8))
    assert all((now - b.created) <= dt.timedelta(days=7) or b.path in made[-10:] for b in kept)
    assert len(kept) < 30


def test_restore_cli_brings_back_the_backup_and_backs_up_the_current_content_first(filled_library, cli):
    assert cli("backup", "--library", filled_library).code == 0
    saved = backup.list_backups(filled_library)[0].path
    with Library.open(str(filled_library)) as lib:
        for s in lib.list()[:50]:
            lib.purge(s.id)
        lib.add(Persona(name="Written after the backup"))
    restored = cli("restore", "--library", filled_library, "--from", saved)
    assert restored.code == 0, restored.err
    names = _names(filled_library)
    assert "Written after the backup" not in names and len(names) == 298
    safety = [b for b in backup.list_backups(filled_library) if b.label == "before-restore"]
    assert len(safety) == 1 and "Written after the backup" in _names(safety[0].path)
    assert str(safety[0].path) in restored.err
    listed = cli("backup", "--library", filled_library, "--list")
    assert listed.code == 0 and "before-restore" in listed.out


def test_backup_out_file_and_restore_refuses_files_that_are_not_healthy_backups(filled_library, tmp_path, cli):
    out = tmp_path / "copy.sqlite"
    assert cli("backup", "--library", filled_library, "--out", out).code == 0
    assert _names(out) == _names(filled_library)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a backup")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    for bad, why in (
        (text, "not a PersonaDesigner backup"),
        (other, "not a PersonaDesigner library"),
        (damaged, "damaged"),
        (tmp_path / "missing.sqlite", "does not exist"),
    ):
        before = filled_library.read_bytes()
        refused = cli("restore", "--library", filled_library, "--from", bad)
        assert refused.code == 2 and why in refused.err and refused.err.count("\n") == 1, refused.err
        assert filled_library.read_bytes() == before


def test_restore_over_a_damaged_library_keeps_the_damaged_file_aside(filled_library, tmp_path):
    good = tmp_path / "good.sqlite"
    backup.copy_database(filled_library, good)
    truncate(filled_library, keep=0.5)
    with pytest.raises(LibraryError, match="is damaged"):
        Library.open(str(filled_library))
    backup.restore_backup(filled_library, good)
    assert len(_names(filled_library)) == 298
    assert list(filled_library.parent.glob("team.sqlite.damaged-*"))


def test_opening_an_older_schema_backs_up_before_upgrading(tmp_path):
    from alembic import command
    from alembic.script import ScriptDirectory

    from personadesigner.storage import migrate
    from personadesigner.storage.engine import make_engine

    revisions = [s.revision for s in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()]
    path = tmp_path / "old.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="From the old schema"))
    engine, _ = make_engine(str(path))
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), revisions[1])
    engine.dispose()
    with Library.open(str(path)) as lib:
        assert lib.schema_revision() == migrate.HEAD_REVISION
    kept = [b for b in backup.list_backups(path) if b.label == "before-upgrade"]
    assert len(kept) == 1
    conn = sqlite3.connect(kept[0].path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revisions[1]
    conn.close()
