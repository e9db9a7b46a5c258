"""Read-only commands trust a quick_check the library passed in exactly its present state
(storage.check_cache, issue 14); any change, by any process, means a full check again."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from personadesigner.storage import check_cache
from personadesigner.storage.library import Library
from support.damage import garbage_in_the_middle


def _library(tmp_path, count: int = 200):
    path = tmp_path / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many([Persona(name=f"P{i}", story="Long story. " * 40) for i in range(count)])
    return path


def _trusted(path) -> bool:
    return check_cache.passed_in_this_state(path, check_cache.file_state(path))


def test_a_read_only_open_trusts_a_pass_in_the_same_state_and_a_write_open_never_does(tmp_path):
    """Damage no file state shows (a disk's bit rot) is the price of trusting: a write
    open still checks in full, so the damage is never written over."""
    path = _library(tmp_path)
    garbage_in_the_middle(path)
    check_cache.remember_passed(path, check_cache.file_state(path))  # as if it had passed like this
    with Library.open(str(path), for_reading=True) as lib:  # list, show, export
        assert lib.read_only is None
    with pytest.raises(LibraryError, match="is damaged"):
        Library.open(str(path))  # import, the app: checked before any write
    assert list(tmp_path.glob("lib.sqlite.damaged-*"))


def test_a_damaged_library_is_found_on_the_first_read_only_open(tmp_path):
    path = _library(tmp_path)
    garbage_in_the_middle(path)
    with pytest.raises(LibraryError, match="is damaged"):
        Library.open(str(path), for_reading=True)
    assert not _trusted(path)


def test_damage_after_a_passing_check_is_found_by_the_next_read_only_open(tmp_path):
    path = _library(tmp_path)
    with Library.open(str(path), for_reading=True):
        pass
    assert _trusted(path)
    garbage_in_the_middle(path)
    with pytest.raises(LibraryError, match="is damaged"):
        Library.open(str(path), for_reading=True)


def test_a_commit_another_process_left_in_the_wal_is_checked_again(tmp_path):
    """The main file is untouched by a commit that is still in the -wal: its size, times and
    change counter are the same, so the -wal is part of the state."""
    path = _library(tmp_path)
    with Library.open(str(path), for_reading=True):
        pass
    before = check_cache.file_state(path)
    main_file = os.stat(path)
    holder = sqlite3.connect(path)  # keeps the other process's close from folding the -wal in
    holder.execute("SELECT count(*) FROM personas").fetchone()
    try:
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                "c.execute(\"UPDATE personas SET name = 'Renamed elsewhere' WHERE name = 'P7'\"); c.commit(); c.close()",
                str(path),
            ],
            check=True,
            timeout=60,
        )
        assert (os.stat(path).st_mtime_ns, os.stat(path).st_size) == (main_file.st_mtime_ns, main_file.st_size)
        assert os.stat(f"{path}-wal").st_size > 0
        assert check_cache.file_state(path) != before and not _trusted(path)
        with Library.open(str(path), for_reading=True) as lib:
            assert "Renamed elsewhere" in [s.name for s in lib.list()]
        assert _trusted(path)  # the full check ran on the new state and passed
    finally:
        holder.close()


def test_a_cache_folder_that_cannot_be_written_costs_only_the_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = _library(tmp_path)
    with Library.open(str(path), for_reading=True) as lib:
        assert lib.count() == 200
    assert not _trusted(path)
    assert blocker.read_text() == "a file where the cache folder would be"


def test_a_library_that_needs_an_upgrade_is_checked_in_full_even_for_reading(tmp_path):
    """The upgrade writes (a backup, then the migration): never onto a check taken on trust."""
    from personadesigner.storage import migrate
    from personadesigner.storage.engine import make_engine, writer

    path = tmp_path / "old.sqlite"
    engine, _ = make_engine(str(path))
    try:
        with writer(engine).begin() as conn:
            migrate.upgrade(conn, "0001")
            conn.exec_driver_sql("CREATE TABLE filler (x TEXT)")
            conn.exec_driver_sql("INSERT INTO filler VALUES " + ",".join(["('" + "f" * 900 + "')"] * 400))
    finally:
        engine.dispose()
    garbage_in_the_middle(path)
    check_cache.remember_passed(path, check_cache.file_state(path))  # as if it had passed like this
    with pytest.raises(LibraryError, match="is damaged"):
        Library.open(str(path), for_reading=True)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
