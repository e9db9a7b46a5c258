"""Store personas as an import file hands them over: in chunks, in ONE transaction, all or nothing.

``Library.add_many`` takes a list: a million-row CSV would be held whole (and
copied) before the first row is stored. Here the personas come from an
iterator (interchange parses and validates each one once), are inserted 500 at
a time, and only the current chunk is in memory. A refusal anywhere in the file
(an invalid persona at the very end, a taken id) raises inside the transaction,
which rolls back: the library is unchanged.

Related personas named by name are resolved as in ``add_many``: within the
chunk, then among what is stored (the library and the chunks already
inserted); a name only a later chunk brings is resolved after the last chunk.
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from personadesigner.core.persona import Persona, now_iso
from personadesigner.errors import UserError, quoted
from personadesigner.storage import history
from personadesigner.storage.photo_rows import hash_of, prepare_photos, raw_photos
from personadesigner.storage.rows import to_row
from personadesigner.storage.schema import personas

if TYPE_CHECKING:
    from personadesigner.storage.library import Library

CHUNK = 500


def _batches(items: Iterable[Persona], size: int) -> Iterator[builtins.list[Persona]]:
    iterator = iter(items)
    while batch := builtins.list(itertools.islice(iterator, size)):
        yield batch


def add_stream(library: Library, make_personas: Callable[[], Iterable[Persona]], *, chunk: int = CHUNK) -> int:
    """Store every persona ``make_personas()`` yields, in one transaction; returns how many.

    ``make_personas`` is called again if a server transaction lost a race and is
    retried (the file is read anew), so it must start from the beginning each time.
    Personas are taken as validated (interchange validated each one); ids,
    timestamps and version are set here as ``add_many`` does.
    """
    stamp = now_iso()

    def work(conn: Connection) -> int:
        count = 0
        pending: builtins.list[tuple[str, int, str]] = []  # (persona id, relation index, name) not yet found
        for batch in _batches(make_personas(), max(1, chunk)):
            _insert_batch(library, conn, batch, stamp, pending)
            count += len(batch)
        _resolve_later_names(conn, pending)
        return count

    with _fewer_collections():
        return library._write(work)


#: Allocations between two young-generation collections while an import runs (Python's default: 700).
IMPORT_GC_THRESHOLD = 50_000


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often for the import's duration.

    An import allocates millions of short-lived containers that reference counting
    frees (personas, dicts and lists hold no cycles); at the default threshold the
    collector's passes over them cost about 8 % of a 100,000-persona JSON import's
    CPU (measured: 9.5 -> 8.7 s; peak memory 76 -> 86 MB). Young objects are still
    collected every ``IMPORT_GC_THRESHOLD`` allocations, so memory stays bounded.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], IMPORT_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _insert_batch(
    library: Library,
    conn: Connection,
    batch: builtins.list[Persona],
    stamp: str,
    pending: builtins.list[tuple[str, int, str]],
) -> None:
    from personadesigner.storage.library import Library

    seen: dict[str, str] = {}
    for p in batch:
        p.ensure_id()
        if p.id in seen:
            raise UserError(f"Personas {quoted(seen[p.id])} and {quoted(p.name)} have the same id {p.id}.")
        seen[p.id] = p.name
        p.created_at = p.created_at or stamp
        p.updated_at = p.updated_at or stamp
        p.version = 1
    taken = conn.execute(
        sa.select(personas.c.id, personas.c.name).where(personas.c.id.in_(builtins.list(seen)))
    ).first()
    if taken is not None:
        raise UserError(
            f"Persona {quoted(seen[taken.id])}: id {taken.id} is already in the library "
            f"(as {quoted(taken.name)}, stored before or earlier in this import)."
        )
    Library._resolve_related(conn, batch)
    refs = {r.persona for p in batch for r in p.related} - set(seen)
    if refs:  # what is still not an id of a stored persona waits for the later chunks
        refs -= set(conn.execute(sa.select(personas.c.id).where(personas.c.id.in_(builtins.list(refs)))).scalars())
        pending.extend((p.id, i, r.persona) for p in batch for i, r in enumerate(p.related) if r.persona in refs)
    # On the transaction's own connection: a second one could not see the photos earlier
    # chunks stored, and an in-memory library has only this one.
    prepared = prepare_photos(conn, raw_photos(p.photo for p in batch))
    library._store_photos(conn, prepared.values())
    _insert_rows(conn, [to_row(p, hash_of(prepared, p.photo)) for p in batch])
    history.record_events(conn, builtins.list(seen), history.CREATED, author=library.author, now=library.now())


def _insert_rows(conn: Connection, rows: builtins.list[dict[str, Any]]) -> None:
    """INSERT the rows; on SQLite straight to the driver's executemany.

    SQLAlchemy's ``execute(insert, rows)`` builds each row's parameters anew
    (``construct_params``), about 5 % of a 100,000-persona import. The persona
    columns are all text or integers, which sqlite3 takes as they are, so the
    rows go over as tuples in one column order. Other databases keep
    SQLAlchemy's path (its batched multi-row VALUES).
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(personas.insert(), rows)
        return
    columns = tuple(rows[0])
    values = operator.itemgetter(*columns)
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f'INSERT INTO "{personas.name}" ({names}) VALUES ({marks})', [values(row) for row in rows])


def _resolve_later_names(conn: Connection, pending: builtins.list[tuple[str, int, str]]) -> None:
    """Relations naming a persona that was not stored yet when theirs was: look again now."""
    if not pending:
        return
    names = builtins.list({name for _, _, name in pending})
    known_ids: set[str] = set()
    found: dict[str, set[str]] = {}
    for start in range(0, len(names), CHUNK):
        part = names[start : start + CHUNK]
        known_ids.update(conn.execute(sa.select(personas.c.id).where(personas.c.id.in_(part))).scalars())
        for row in conn.execute(
            sa.select(personas.c.id, personas.c.name).where(personas.c.deleted_at.is_(None), personas.c.name.in_(part))
        ):
            found.setdefault(row.name, set()).add(row.id)
    changes: dict[str, builtins.list[tuple[int, str]]] = {}
    for persona_id, index, name in pending:
        if name in known_ids:
            continue  # an id after all (of a persona stored by a later chunk)
        candidates = found.get(name, set())
        if len(candidates) == 1:
            changes.setdefault(persona_id, []).append((index, next(iter(candidates))))
    for persona_id, updates in changes.items():
        lists = json.loads(conn.execute(sa.select(personas.c.lists).where(personas.c.id == persona_id)).scalar_one())
        for index, target in updates:
            lists["related"][index]["persona"] = target
        conn.execute(
            personas.update()
            .where(personas.c.id == persona_id)
            .values(lists=json.dumps(lists, ensure_ascii=False, separators=(",", ":")))
        )
