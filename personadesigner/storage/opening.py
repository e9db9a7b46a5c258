"""Decide, without writing a byte, whether a location is a library, empty, or something else.

A user can point the app at any file; if it is their thesis or another
program's database it must stay exactly as it was. So SQLite files are
inspected first through a read-only connection, and only a new, empty or
PersonaDesigner database is ever opened for writing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from personadesigner.errors import LibraryError

SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables whose presence marks a database as a PersonaDesigner library.
LIBRARY_TABLES = frozenset({"alembic_version", "personas", "photos", "library_info"})


@dataclass(frozen=True)
class Probe:
    """What is at a location: ``exists`` False means nothing yet; ``revision`` None means empty."""

    exists: bool
    revision: str | None


def _not_a_library(where: str, why: str) -> LibraryError:
    return LibraryError(f'"{where}" is not a PersonaDesigner library ({why}).')


def probe_sqlite_file(path: Path) -> Probe:
    if not path.parent.is_dir():
        raise LibraryError(f'The folder "{path.parent}" does not exist.')
    if not path.exists():
        return Probe(exists=False, revision=None)
    if path.is_dir():
        raise LibraryError(f'"{path}" is a folder, not a library file.')
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f'The library "{path}" cannot be read: {exc.strerror or exc}.') from None
    if not header:
        return Probe(exists=True, revision=None)  # an empty file is an empty SQLite database
    if header != SQLITE_HEADER:
        raise _not_a_library(str(path), "it is not an SQLite database")
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise LibraryError(f'The library "{path}" cannot be opened: {exc}.') from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return Probe(exists=True, revision=None)
        if not LIBRARY_TABLES <= tables:
            raise _not_a_library(str(path), "it is another program's database")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise LibraryError(f'The library "{path}" is damaged and cannot be read.') from None
    finally:
        conn.close()
    if row is None:
        raise _not_a_library(str(path), "it has no schema version")
    return Probe(exists=True, revision=row[0])


def probe_connection(conn: Connection, where: str) -> Probe:
    """The same judgement for a database server reached through SQLAlchemy."""
    tables = set(sa.inspect(conn).get_table_names())
    if not tables:
        return Probe(exists=True, revision=None)
    if not LIBRARY_TABLES <= tables:
        raise _not_a_library(where, "the database holds other tables")
    revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None:
        raise _not_a_library(where, "it has no schema version")
    return Probe(exists=True, revision=revision)
