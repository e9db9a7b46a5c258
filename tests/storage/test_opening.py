"""Opening: a wrong location gets one clear sentence, and files that are not libraries stay untouched."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import LibraryError
from personadesigner.storage import migrate
from personadesigner.storage.library import Library


def _siblings(path):
    # A ".damaged-<time>" copy may be kept aside (storage.integrity); companions must not appear.
    return sorted(name for name in os.listdir(path.parent) if ".damaged-" not in name)


@contextlib.contextmanager
def _untouched(path):
    """The block must leave the file byte-identical and add no companion files."""
    before = path.read_bytes()
    siblings = _siblings(path)
    yield
    assert path.read_bytes() == before
    assert _siblings(path) == siblings  # no -wal/-shm/-journal left behind


def _sqlite_db_of_another_program(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (9.5)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", ["random", "text", "other-sqlite", "sqlite-header-garbage"])
def test_file_that_is_not_a_library_is_refused_and_left_byte_identical(tmp_path, kind):
    path = tmp_path / "thing.sqlite"
    if kind == "random":
        path.write_bytes(random.Random(1).randbytes(8192))
    elif kind == "text":
        path.write_text("Meeting notes: call Anna about the personas.\n")
    elif kind == "other-sqlite":
        _sqlite_db_of_another_program(path)
    else:
        path.write_bytes(b"SQLite format 3\x00" + random.Random(2).randbytes(4096))
    with _untouched(path), pytest.raises(LibraryError) as caught:
        Library.open(str(path))
    assert str(caught.value).count("\n") == 0


def test_missing_folder_is_named(tmp_path):
    missing = tmp_path / "no" / "such" / "folder"
    with pytest.raises(LibraryError, match="does not exist") as caught:
        Library.open(str(missing / "library.sqlite"))
    assert str(missing) in str(caught.value)
    assert not (tmp_path / "no").exists()


def test_create_false_does_not_create(tmp_path):
    path = tmp_path / "library.sqlite"
    with pytest.raises(LibraryError, match="no library"):
        Library.open(str(path), create=False)
    assert not path.exists()


def test_library_from_a_newer_app_is_refused(library_path):
    with Library.open(str(library_path)) as lib:
        lib.add(Persona(name="Anna"))
    conn = sqlite3.connect(library_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer PersonaDesigner"):
        Library.open(str(library_path))


def test_sqlite_url_and_info(library_path):
    with Library.open(f"sqlite:///{library_path}") as lib:
        lib.add(Persona(name="Anna"))
        info = lib.info()
        assert lib.name == "library"
    assert info["personas"] == 1 and info["journal_mode"] == "wal" and info["schema_revision"] == migrate.HEAD_REVISION
    with Library.open(str(library_path)) as lib:
        lib.delete(lib.add(Persona(name="Bob")).id)
        info = lib.info()
    assert (info["personas"], info["trash"]) == (1, 1)
    with Library.open(str(library_path), create=False) as lib:
        assert lib.count() == 1 and not lib.is_new


def test_check_reports_damaged_rows(library_path):
    with Library.open(str(library_path)) as lib:
        anna = lib.add(Persona(name="Anna"))
        assert lib.check() == []
    conn = sqlite3.connect(library_path)
    conn.execute("UPDATE personas SET lists = '{not json' WHERE id = ?", (anna.id,))
    conn.commit()
    conn.close()
    with Library.open(str(library_path)) as lib:
        assert lib.check() == [f"Persona {anna.id} has damaged list data."]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgresql+psycopg://anna:secret@127.0.0.1:1/personas", "cannot be reached"),
        ("mysql+nosuchdriver://host/db", "not installed"),
    ],
)
def test_unusable_server_url_is_one_sentence_without_the_password(url, expected):
    with pytest.raises(LibraryError, match=expected) as caught:
        Library.open(url)
    message = str(caught.value)
    assert "\n" not in message and "secret" not in message
