"""A library another program has locked is busy, not damaged: nothing is copied aside."""

from __future__ import annotations

import sqlite3

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from personadesigner.storage import integrity
from personadesigner.storage.library import Library


@pytest.fixture
def rollback_journal_library(library_path):
    """A real library switched back to a rollback journal, where a reader waits on EXCLUSIVE."""
    with Library.open(str(library_path)) as lib:
        lib.add(Persona(name="Anna"))
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return library_path


def test_opening_a_locked_library_says_busy_and_keeps_no_damaged_copy(rollback_journal_library, monkeypatch):
    monkeypatch.setattr(integrity, "BUSY_TIMEOUT_S", 0.2)  # the real wait is 10 s; the outcome is the same
    path = rollback_journal_library
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryError, match="busy") as caught:
            integrity.ensure_healthy(path)
        assert "damaged" not in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(path.parent.glob("*.damaged-*"))
    with Library.open(str(path)) as lib:  # once the lock is gone, the library opens as before
        assert [s.name for s in lib.list()] == ["Anna"]


def test_a_really_damaged_library_is_still_copied_aside(library_path):
    with Library.open(str(library_path)) as lib:
        lib.add(Persona(name="Anna"))
    data = bytearray(library_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page behind the header
    library_path.write_bytes(bytes(data))
    with pytest.raises(LibraryError, match="damaged"):
        integrity.ensure_healthy(library_path)
    assert list(library_path.parent.glob("*.damaged-*"))


def test_a_locked_write_waits_once_and_says_busy(library_path, monkeypatch):
    """SQLite's busy timeout is the only wait: no extra attempts that triple what the message promises."""
    from personadesigner.storage import engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)  # the real wait is 10 s
    with Library.open(str(library_path)) as lib:
        anna = lib.add(Persona(name="Anna"))
        attempts = []
        sa_event = pytest.importorskip("sqlalchemy").event
        sa_event.listen(
            lib._engine, "before_cursor_execute",
            lambda *args: attempts.append(args[2]) if args[2].startswith("BEGIN IMMEDIATE") else None,
        )  # fmt: skip
        holder = sqlite3.connect(library_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(LibraryError, match="busy"):
                lib.delete(anna.id)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert len(attempts) == 1
        assert lib.get(anna.id).name == "Anna"


def test_library_check_and_the_integrity_check_report_the_same_sentences(library_path):
    with Library.open(str(library_path)) as lib:
        anna = lib.add(Persona(name="Anna"))
    conn = sqlite3.connect(library_path)  # another program breaks a reference (foreign keys off)
    conn.execute("UPDATE personas SET photo_hash = 'f00' WHERE id = ?", (anna.id,))
    conn.commit()
    conn.close()
    expected = "refers to a missing row of table photos."
    with Library.open(str(library_path)) as lib:
        problems = lib.check()
    assert len(problems) == 1 and problems[0].endswith(expected)
    assert integrity.integrity_check(library_path) == problems
