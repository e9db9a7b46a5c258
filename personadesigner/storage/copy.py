"""Copy a whole library between locations (SQLite file <-> PostgreSQL, or file to file).

Moving a team to a server (or taking a snapshot of a server library into one
portable file) must lose nothing: every persona with every field, its version,
its trash state, every photo and the library's own info. So the copy goes table
by table below the Library API (which would renumber versions and drop the
trash), inside ONE transaction on the target: a failed copy leaves the target
as it was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from personadesigner.errors import LibraryError
from personadesigner.storage.engine import make_engine, writer
from personadesigner.storage.schema import library_info, personas, photos

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


def _open_both(source: str, target: str):
    from personadesigner.storage.library import Library

    # Opening through Library checks both, creates/upgrades the target's schema, and refuses
    # a source that is not a library; then plain engines move the rows.
    with Library.open(source, create=False) as src:
        src_url = src.url
    with Library.open(target, create=True) as dst:
        dst_url = dst.url
    if src_url == dst_url:
        raise LibraryError("The source and the target are the same library.")
    return src_url, dst_url


def copy_library(source: str, target: str, *, replace: bool = False) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (created if needed).

    The target must hold no personas unless ``replace`` is True, in which case
    its content is replaced in the same transaction (used by restore).
    """
    src_url, dst_url = _open_both(source, target)
    src_engine, _ = make_engine(src_url)
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
            info = [dict(r._mapping) for r in src.execute(sa.select(library_info))]
            keys = [r["key"] for r in info if r["key"] not in _LOCAL_KEYS]
            dst.execute(library_info.delete().where(library_info.c.key.in_(keys)))
            if keys:
                dst.execute(library_info.insert(), [r for r in info if r["key"] in keys])
            # Tell other windows on the target that everything changed.
            dst.execute(library_info.update().where(library_info.c.key == "change_token").values(value=uuid.uuid4().hex))
            trashed = dst.execute(
                sa.select(sa.func.count()).select_from(personas).where(personas.c.deleted_at.is_not(None))
            ).scalar_one()
    except sa.exc.DBAPIError as exc:
        raise LibraryError(f"The copy failed and the target was left unchanged: {str(exc.orig).strip()}.") from None
    finally:
        src_engine.dispose()
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
