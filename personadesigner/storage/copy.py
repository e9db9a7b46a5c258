"""Copy a whole library between locations (SQLite file <-> PostgreSQL, or file to file).

Moving a team to a server (or taking a snapshot of a server library into one
portable file) must lose nothing: every persona with every field, its version,
its trash state, every photo, the library's own themes and templates and its info. So the copy goes table
by table below the Library API (which would renumber versions and drop the
trash), inside ONE transaction on the target: a failed copy leaves the target
as it was.
"""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from personadesigner.errors import LibraryError
from personadesigner.storage import file_peek, history, migrate
from personadesigner.storage.backup import copy_database
from personadesigner.storage.engine import location_url, make_engine, sqlite_path, writer
from personadesigner.storage.integrity import connect_readonly
from personadesigner.storage.opening import probe_connection, probe_sqlite_file
from personadesigner.storage.schema import library_info, personas, photos, revisions, templates, themes

BATCH = 500
#: Photos are up to a few hundred KB each: smaller batches keep memory flat.
PHOTO_BATCH = 40
#: library_info keys that belong to one database, not to the library's content.
_LOCAL_KEYS = frozenset({"change_token"})


@dataclass(frozen=True)
class CopyReport:
    """What was copied."""

    personas: int
    trashed: int
    photos: int


def _readonly_engine(path: Path) -> Engine:
    """An engine whose every connection is SQLite's mode=ro: no WAL switch, no migration, no write."""
    return sa.create_engine("sqlite://", creator=lambda: connect_readonly(path))


@contextlib.contextmanager
def _source_engine(source: str) -> Iterator[Engine]:
    """The source, read without writing a byte to it (it is often a backup).

    A SQLite file of an older schema is upgraded in a temporary copy, never in place.
    """
    from personadesigner.storage.library import Library

    url = location_url(source)
    path = sqlite_path(url)
    if path is None:
        engine, url = make_engine(source, wal=False)
        try:
            where = url.render_as_string(hide_password=True)
            with engine.connect() as conn:
                probe = probe_connection(conn, where)
            if probe.revision is None:
                raise LibraryError(f'There is no library at "{where}".')
            Library._check_revision(probe.revision, where)
            if probe.revision != migrate.HEAD_REVISION:
                raise LibraryError(
                    f'The library "{where}" uses an older schema; open it once with this version to upgrade it, then copy.'
                )
            yield engine
        finally:
            engine.dispose()
        return
    try:
        with _file_source_engine(path) as engine:
            yield engine
    finally:
        file_peek.release(path)  # the source keeps no descriptor open (kept while a library of ours holds it)


@contextlib.contextmanager
def _file_source_engine(path: Path) -> Iterator[Engine]:
    """A SQLite source file's read-only engine (an older schema: of an upgraded temporary copy)."""
    from personadesigner.storage.library import Library

    probe = probe_sqlite_file(path)  # health, tables and revision, read-only
    if not probe.exists or probe.revision is None:
        raise LibraryError(f'There is no library at "{path}".')
    Library._check_revision(probe.revision, str(path))
    if probe.revision == migrate.HEAD_REVISION:
        engine = _readonly_engine(path)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with tempfile.TemporaryDirectory(prefix="personadesigner-copy-") as tmp:
        upgraded = Path(tmp) / path.name
        copy_database(path, upgraded)
        Library.open(str(upgraded), create=False).close()  # upgrades the copy only
        engine = _readonly_engine(upgraded)
        try:
            yield engine
        finally:
            engine.dispose()


def _same_library(source: str, target_url: str) -> bool:
    src = location_url(source)
    src_path = sqlite_path(src)
    dst_path = sqlite_path(sa.engine.make_url(target_url))
    if src_path is not None and dst_path is not None:
        return src_path.resolve() == dst_path.resolve()
    return src.render_as_string(hide_password=False) == target_url


def copy_library(source: str, target: str, *, replace: bool = False) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (created if needed).

    The target must hold no personas unless ``replace`` is True, in which case
    its content is replaced in the same transaction (used by restore).
    """
    from personadesigner.storage.library import Library

    with _source_engine(source) as src_engine:
        # Only the target goes through Library.open: it is created or upgraded as needed.
        if _same_library(source, location_url(target).render_as_string(hide_password=False)):
            raise LibraryError("The source and the target are the same library.")
        with Library.open(target, create=True) as dst_lib:
            dst_url = dst_lib.url
            created = dst_lib.is_new
        try:
            return _copy_rows(src_engine, dst_url, target, replace=replace)
        except LibraryError as exc:
            path = sqlite_path(location_url(target))
            if not (created and path is not None):
                raise
            _remove_new_library(path)  # a failed copy (full disk) leaves no empty library behind
            cause = str(exc).partition("unchanged: ")[2].rstrip(".") or str(exc).rstrip(".")
            raise LibraryError(
                f'The copy to "{target}" failed ({cause}); the new library it had created was removed.'
            ) from None


def _remove_new_library(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def _copy_rows(src_engine: Engine, dst_url: str, target: str, *, replace: bool) -> CopyReport:
    dst_engine, _ = make_engine(dst_url)
    try:
        with src_engine.connect() as src, writer(dst_engine).begin() as dst:
            existing = dst.execute(sa.select(sa.func.count()).select_from(personas)).scalar_one()
            if existing and not replace:
                raise LibraryError(
                    f'The target library "{target}" already holds {existing} personas; copy into a new or empty library.'
                )
            dst.execute(personas.delete())
            dst.execute(photos.delete())
            n_photos = _copy_table(src, dst, photos, photos.c.hash, batch=PHOTO_BATCH)
            n_personas = _copy_table(src, dst, personas, personas.c.id)
            history.copy_revisions(src, dst, lambda: _copy_table(src, dst, revisions, revisions.c.id))
            for table in (themes, templates):  # the library's own brand themes and templates go with it
                dst.execute(table.delete())
                _copy_table(src, dst, table, table.c.name)
            info = [dict(r._mapping) for r in src.execute(sa.select(library_info))]
            keys = [r["key"] for r in info if r["key"] not in _LOCAL_KEYS]
            dst.execute(library_info.delete().where(library_info.c.key.in_(keys)))
            if keys:
                dst.execute(library_info.insert(), [r for r in info if r["key"] in keys])
            # Tell other windows on the target that everything changed.
            dst.execute(
                library_info.update().where(library_info.c.key == "change_token").values(value=uuid.uuid4().hex)
            )
            trashed = dst.execute(
                sa.select(sa.func.count()).select_from(personas).where(personas.c.deleted_at.is_not(None))
            ).scalar_one()
    except sa.exc.DBAPIError as exc:
        raise LibraryError(f"The copy failed and the target was left unchanged: {str(exc.orig).strip()}.") from None
    finally:
        dst_engine.dispose()
    return CopyReport(personas=n_personas, trashed=trashed, photos=n_photos)


def _copy_table(src: sa.Connection, dst: sa.Connection, table: sa.Table, key: sa.Column, *, batch: int = BATCH) -> int:
    """Stream ``table`` in key order, ``batch`` rows at a time."""
    count = 0
    last = None
    while True:
        query = sa.select(table).order_by(key).limit(batch)
        if last is not None:
            query = query.where(key > last)
        rows = [dict(r._mapping) for r in src.execute(query)]
        if not rows:
            return count
        dst.execute(table.insert(), rows)
        count += len(rows)
        last = rows[-1][key.name]
