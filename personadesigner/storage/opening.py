"""Decide, without writing a byte, whether a location is a library, empty, or something else.

A user can point the app at any file; if it is their thesis or another
program's database it must stay exactly as it was. So SQLite files are
inspected first through a read-only connection, and only a new, empty or
PersonaDesigner database is ever opened for writing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from personadesigner.errors import LibraryError
from personadesigner.storage import file_peek
from personadesigner.storage.integrity import LIBRARY_TABLES, SQLITE_HEADER, healthy_inspection

if TYPE_CHECKING:  # SQLAlchemy only for servers: probing a file is on the start-up path of `list`
    from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class Probe:
    """What is at a location: ``exists`` False means nothing yet; ``revision`` None means empty."""

    exists: bool
    revision: str | None
    #: A zero-byte file (only reported when the caller accepts one: File > New library).
    empty_file: bool = False


def _not_a_library(where: str, why: str) -> LibraryError:
    return LibraryError(f'"{where}" is not a PersonaDesigner library ({why}).')


def probe_sqlite_file(path: Path, *, empty_file_ok: bool = False, trust_recent_check: bool = False) -> Probe:
    """Folder, header, health, tables and revision: the file is read once, over one read-only
    connection. A damaged file is copied aside and refused (integrity.healthy_inspection).

    A zero-byte file is refused and left as it is (a failed copy, a placeholder, a
    file another program truncated) unless ``empty_file_ok``; then it is reported
    as ``empty_file`` for the caller to replace with a new library.
    ``trust_recent_check``: the caller only reads; see integrity.inspect_file."""
    if not path.parent.is_dir():
        raise LibraryError(f'The folder "{path.parent}" does not exist.')
    if not path.exists():
        return Probe(exists=False, revision=None)
    if path.is_dir():
        raise LibraryError(f'"{path}" is a folder, not a library file.')
    if not path.is_file():
        raise _not_a_library(str(path), "it is a device, a pipe or a socket, not a file")
    try:
        header = file_peek.read_head(path, len(SQLITE_HEADER))  # never open(): see storage.file_peek
    except OSError as exc:
        raise LibraryError(f'The library "{path}" cannot be read: {exc.strerror or exc}.') from None
    if not header:
        if empty_file_ok:
            return Probe(exists=True, revision=None, empty_file=True)
        raise LibraryError(f'"{path}" is an empty file, not a PersonaDesigner library; it was left as it is.')
    if header != SQLITE_HEADER:
        raise _not_a_library(str(path), "it is not an SQLite database")
    inspection = healthy_inspection(path, trust_recent_check=trust_recent_check)
    if not inspection.tables:
        return Probe(exists=True, revision=None)
    if not inspection.tables >= LIBRARY_TABLES:
        raise _not_a_library(str(path), "it is another program's database")
    if inspection.revision is None:
        raise _not_a_library(str(path), "it has no schema version")
    return Probe(exists=True, revision=inspection.revision)


def probe_connection(conn: Connection, where: str) -> Probe:
    """The same judgement for a database server reached through SQLAlchemy."""
    import sqlalchemy as sa

    tables = set(sa.inspect(conn).get_table_names())
    if not tables:
        return Probe(exists=True, revision=None)
    if not tables >= LIBRARY_TABLES:
        raise _not_a_library(where, "the database holds other tables")
    revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None:
        raise _not_a_library(where, "it has no schema version")
    return Probe(exists=True, revision=revision)
