"""The persona library: every user action is one short transaction ("sessions at the edges").

``Library`` is the only way the app, the CLI and interchange reach stored
personas. Its methods take and return model ``Persona`` objects (never rows or
ORM objects), so callers stay free of SQL and no session outlives an action.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from personadesigner.core.persona import NAME_MAX, Persona, fold, new_id, now_iso
from personadesigner.errors import ConflictError, LibraryError, UserError
from personadesigner.images import PhotoInfo, photo_hash, photo_thumbnail
from personadesigner.lru import LruCache
from personadesigner.storage import fault_verdict, file_peek, history, migrate
from personadesigner.storage.backup import make_backup
from personadesigner.storage.creating import create_library_file
from personadesigner.storage.engine import (
    BUSY_TIMEOUT_MS,
    location_url,
    make_engine,
    make_readonly_engine,
    sqlite_path,
    writer,
)
from personadesigner.storage.idempotent import insert_missing
from personadesigner.storage.integrity import foreign_key_problems, integrity_check
from personadesigner.storage.listing import PersonaSummary, arrange, check_sort, summary_query
from personadesigner.storage.netfs import FolderKind, classify_folder, location_warning
from personadesigner.storage.opening import Probe, probe_connection, probe_sqlite_file
from personadesigner.storage.persona_ref import find_id
from personadesigner.storage.persona_ref import not_found as _not_found
from personadesigner.storage.photo_rows import hash_of, prepare_photos, raw_photos
from personadesigner.storage.rows import from_row, to_row
from personadesigner.storage.schema import library_info, personas, photos
from personadesigner.storage.writable import write_blocker

__all__ = ["Library", "PersonaSummary"]

T = TypeVar("T")
WRITE_ATTEMPTS = 3
CHUNK = 500  # ids per IN (...) clause: far below every database's parameter limit
THUMBNAIL_CACHE = 512
_CHANGE_TOKEN = "change_token"


#: SQLSTATEs of a server transaction that lost a race and may simply be run again: serialization
#: failure, deadlock detected, and a unique violation (another transaction committed the same
#: persona id first; run again, the transaction's own checks see it and say so in one sentence).
_RETRY_SQLSTATES = frozenset({"40001", "40P01", "23505"})


def _worth_retrying(exc: sa.exc.DBAPIError) -> bool:
    """A server deadlock, serialization failure or unique violation. Never SQLite's "locked": its busy
    timeout has already waited, and waiting again would only multiply the delay."""
    if getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    text = str(exc.orig).lower()
    return "deadlock" in text or "could not serialize" in text


def _environment_error(exc: sa.exc.DBAPIError, path: Path | None = None) -> Exception:
    """The one-sentence LibraryError for a database problem the user can act on, else ``exc``.
    ``path``: the SQLite file, checked afresh before it is called damaged (storage.fault_verdict)."""
    verdict = fault_verdict.action_error(str(exc.orig), path, BUSY_TIMEOUT_MS / 1000)
    if verdict is not None:
        return verdict
    text = str(exc.orig).lower()
    if isinstance(exc, sa.exc.OperationalError) and any(w in text for w in ("connect", "resolve host", "server")):
        first_line = (str(exc.orig).strip().splitlines() or ["no details"])[0].rstrip(".")
        return LibraryError(f"The library's database server cannot be reached: {first_line}.")
    return exc


def _watch_error(exc: sqlite3.Error, path: Path | None) -> Exception:
    """An error of the kept raw connection (the change watch), which SQLAlchemy does not wrap:
    the same one sentence as any other action's (busy, damaged only when a fresh check agrees),
    else ``exc`` itself (a bug, with its traceback)."""
    wrapped = sa.exc.DBAPIError.instance("PRAGMA data_version", None, exc, sqlite3.Error)
    verdict = _environment_error(wrapped, path)
    return exc if verdict is wrapped else verdict


def _chunks(items: list[T], size: int = CHUNK) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Library:
    """A persona library in one SQLite file or a database server (see ``open``)."""

    def __init__(self, engine: Engine, url: URL, location: str, *, is_new: bool, read_only: str | None = None) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._url = url
        self.url: str = url.render_as_string(hide_password=False)
        self.location = location
        path = sqlite_path(url)
        self.name: str = path.stem if path is not None else (url.database or "in-memory library")
        self.is_new = is_new
        #: Why the library cannot be written (a clause: 'its folder "/x" is read-only'), None when it can.
        self.read_only: str | None = read_only
        #: Sentences the user should see on opening (e.g. a network or cloud-sync folder).
        self.warnings: builtins.list[str] = []
        self._is_sqlite = engine.dialect.name == "sqlite"
        self._lock = threading.Lock()
        self._watch = engine.raw_connection() if self._is_sqlite else None
        self._seen: Any = None
        self._changes = 0
        self._thumbs: LruCache[tuple[str, int], bytes] = LruCache(THUMBNAIL_CACHE)
        #: Who the revision history names for our writes (the app sets its preference), and its clock.
        self.author: str = history.default_author()
        self.now: Callable[[], Any] = history.utc_now
        try:
            self.data_version()
        except BaseException:
            self.close()  # no connection or descriptor kept by a library that did not open
            raise

    # ------------------------------------------------------------- opening
    @classmethod
    def open(cls, location: str, *, create: bool = True, new_file: bool = False, for_reading: bool = False) -> Library:
        """Open (and if needed create or upgrade) the library at a path or SQLAlchemy URL.

        A library that cannot be written (read-only folder, file or disk, full disk)
        opens read-only: reading works, every write is refused naming the cause.
        ``new_file``: File > New library chose this path, so an existing zero-byte
        file there may become the library (otherwise it is refused, untouched).
        ``for_reading``: the caller only reads (``list``, ``show``, ``export``), so a
        quick_check this file passed in exactly its present state is trusted
        (storage.check_cache); a file that needs an upgrade or its schema is checked first.
        """
        location = str(location)
        url = location_url(location)
        path = sqlite_path(url)
        if path is None:  # a database server: no file to look at first
            return cls._open_writable(location, None, None, create=create, created=False, folder=None)
        try:
            probe, folder, created = cls._ready_file(path, create=create, new_file=new_file, for_reading=for_reading)
            blocker = write_blocker(path)
            cls._check_upgradable(probe, path, blocker)
            if blocker:
                return cls._open_read_only(location, url, path, probe, blocker, folder)
            return cls._open_writable(location, path, probe, create=create, created=created, folder=folder)
        except BaseException:
            file_peek.release(path)  # a refused file keeps no descriptor open (see storage.file_peek)
            raise

    @classmethod
    def _ready_file(
        cls, path: Path, *, create: bool, new_file: bool, for_reading: bool
    ) -> tuple[Probe, FolderKind, bool]:
        """The library file looked at (and created if missing or a zero-byte file File > New may replace).

        Returns its probe, its folder's kind and whether it was created just now.
        """
        # One read-only look: a damaged file is kept aside and never written to.
        probe = probe_sqlite_file(path, empty_file_ok=new_file, trust_recent_check=for_reading)
        if for_reading and probe.exists and probe.revision != migrate.HEAD_REVISION:
            # An upgrade or a new schema writes: never on a check taken on trust.
            probe = probe_sqlite_file(path, empty_file_ok=new_file)
        folder = classify_folder(path)  # once, for WAL and the warning
        if not probe.exists and not create:
            raise LibraryError(f'There is no library at "{path}".')
        if probe.exists and not probe.empty_file:
            return probe, folder, False
        created = create_library_file(
            path, replace_empty=probe.empty_file, build=lambda tmp: cls._build_file(tmp, path, folder)
        )
        return probe_sqlite_file(path), folder, created

    @classmethod
    def _check_upgradable(cls, probe: Probe, path: Path, blocker: str | None) -> None:
        """Refuse a newer schema or an upgrade that cannot be written; back up before an upgrade that can."""
        if probe.revision is None:
            return
        cls._check_revision(probe.revision, str(path))
        if probe.revision == migrate.HEAD_REVISION:
            return
        if blocker:
            raise LibraryError(
                f'The library "{path}" needs an upgrade for this version of PersonaDesigner, '
                f"which cannot be written: {blocker}."
            )
        make_backup(path, label="before-upgrade")  # the upgrade can always be undone

    @classmethod
    def _open_read_only(
        cls, location: str, url: URL, path: Path, probe: Probe, blocker: str, folder: FolderKind
    ) -> Library:
        """An existing library that cannot be written, opened for reading only (``blocker`` says why)."""
        if probe.revision is None:
            raise LibraryError(f'The library "{path}" cannot be created: {blocker}.')
        engine = make_readonly_engine(path, url)
        try:
            library = cls(engine, url, location, is_new=False, read_only=blocker)
        except BaseException:
            engine.dispose()
            raise
        library.warnings = [w for w in [location_warning(path, kind=folder)] if w]
        return library

    @classmethod
    def _open_writable(
        cls,
        location: str,
        path: Path | None,
        probe: Probe | None,
        *,
        create: bool,
        created: bool,
        folder: FolderKind | None,
    ) -> Library:
        """The library with its schema created or upgraded (``path`` None: a database server)."""
        engine, url = make_engine(location, folder=folder)
        try:
            is_new = cls._prepare(engine, url, probe, create=create) or created
            library = cls(engine, url, location, is_new=is_new)
            warning = location_warning(path, kind=folder) if path is not None else None
            library.warnings = [warning] if warning else []
            return library
        except BaseException:
            engine.dispose()
            raise

    @classmethod
    def _build_file(cls, tmp: Path, path: Path, folder) -> None:  # noqa: ANN001 - FolderKind
        """A new, complete library in ``tmp`` (rollback journal: one self-contained file)."""
        engine, url = make_engine(str(tmp), wal=False, folder=folder)
        try:
            cls._prepare(engine, url, None, create=True, name=path.stem)
        finally:
            engine.dispose()

    @staticmethod
    def _check_revision(revision: str, where: str) -> None:
        if revision != migrate.HEAD_REVISION and revision not in migrate.known_revisions():
            raise LibraryError(
                f'The library "{where}" was made by a newer PersonaDesigner (schema {revision}); update the app to open it.'
            )

    @classmethod
    def _prepare(cls, engine: Engine, url: URL, probe, *, create: bool, name: str | None = None) -> bool:
        """Create or upgrade the schema; True when the library was created just now."""
        where = url.render_as_string(hide_password=True)
        if probe is not None and probe.revision == migrate.HEAD_REVISION:
            return False  # the everyday case: no transaction, no lock
        try:
            with writer(engine).begin() as conn:
                migrate.lock_schema(conn)
                # Look (again) under the lock: another process may have just created it.
                probe = probe_connection(conn, where)
                if probe.revision is not None:
                    cls._check_revision(probe.revision, where)
                if probe.revision == migrate.HEAD_REVISION:
                    return False
                if probe.revision is None and not create:
                    raise LibraryError(f'There is no library at "{where}".')
                migrate.upgrade(conn)
                if probe.revision is not None:
                    return False
                stamp = now_iso()
                conn.execute(
                    library_info.insert(),
                    [
                        {"key": "name", "value": name or Path(url.database or "library").stem},
                        {"key": "created_at", "value": stamp},
                        {"key": _CHANGE_TOKEN, "value": uuid.uuid4().hex},
                    ],
                )
                return True
        except sa.exc.DBAPIError as exc:
            raise _environment_error(exc, sqlite_path(url)) from None

    def close(self) -> None:
        """Release the connections; the object must not be used afterwards."""
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self._engine.dispose()
        path = sqlite_path(self._url)
        if path is not None:
            file_peek.release(path)  # the descriptor our looks at the file kept (see storage.file_peek)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Library({self._url.render_as_string(hide_password=True)!r})"

    # ------------------------------------------------------ transactions
    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.DBAPIError as exc:
            raise _environment_error(exc, sqlite_path(self._url)) from None

    def _write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one write transaction; a server deadlock is retried, SQLite's lock is waited for once."""
        if self.read_only:
            raise LibraryError(
                f'The library "{self.location}" is open read-only ({self.read_only}); changes cannot be saved.'
            )
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._writer.begin() as conn:
                    self.data_version()  # changes by others before our write still count
                    result = work(conn)
                    token = None if self._is_sqlite else self._bump_token(conn)
                self._absorb_own_write(token)
                return result
            except sa.exc.DBAPIError as exc:
                if not self._is_sqlite and _worth_retrying(exc) and attempt + 1 < WRITE_ATTEMPTS:
                    time.sleep(0.2 * (attempt + 1))
                    continue
                raise _environment_error(exc, sqlite_path(self._url)) from None
        raise AssertionError("unreachable")

    # ------------------------------------------------------ change watch
    def _bump_token(self, conn: Connection) -> str:
        token = uuid.uuid4().hex
        done = conn.execute(
            library_info.update().where(library_info.c.key == _CHANGE_TOKEN).values(value=token)
        ).rowcount
        if not done:
            conn.execute(library_info.insert().values(key=_CHANGE_TOKEN, value=token))
        return token

    def _read_marker(self) -> Any:
        if self._watch is not None:
            try:
                cursor = self._watch.cursor()
                try:
                    return cursor.execute("PRAGMA data_version").fetchone()[0]
                finally:
                    cursor.close()
            except sqlite3.Error as exc:
                raise _watch_error(exc, sqlite_path(self._url)) from None
        with self._reading() as conn:
            return conn.execute(sa.select(library_info.c.value).where(library_info.c.key == _CHANGE_TOKEN)).scalar()

    def _absorb_own_write(self, token: str | None) -> None:
        with self._lock:
            self._seen = token if token is not None else self._read_marker()

    def data_version(self) -> int:
        """A number that changes when another connection or process committed a change.

        Our own writes do not change it, so the app refreshes only for others' edits.
        SQLite: PRAGMA data_version on a connection kept for this; a foreign commit
        landing in the instant between our own commit and our re-read may go
        unnoticed until the next change (optimistic locking still protects it).
        Servers: a random token in library_info that every write replaces.
        """
        with self._lock:
            marker = self._read_marker()
            if marker != self._seen:
                if self._seen is not None:
                    self._changes += 1
                self._seen = marker
            return self._changes

    # ------------------------------------------------------------ reading
    def count(self, *, include_deleted: bool = False) -> int:
        query = sa.select(sa.func.count()).select_from(personas)
        if not include_deleted:
            query = query.where(personas.c.deleted_at.is_(None))
        with self._reading() as conn:
            return conn.execute(query).scalar_one()

    def list(
        self,
        *,
        search: str | None = None,
        type: str | None = None,  # noqa: A002 - the contract's field name
        tag: str | None = None,
        sort: str = "name",
        deleted: bool = False,
    ) -> builtins.list[PersonaSummary]:
        """Summaries of the personas (or of the trash), filtered and sorted (storage.listing:
        the same SQL and order as ``personadesigner list`` reading a file directly)."""
        check_sort(sort)
        sql, params = summary_query(search=search, type=type, deleted=deleted)
        with self._reading() as conn:
            rows = conn.execute(sa.text(sql), params).mappings().all()  # one fetchall
        return arrange(rows, tag=tag, sort=sort)

    def _fetch(self, conn: Connection, ids: builtins.list[str], *, live_only: bool) -> dict[str, Persona]:
        """Whole personas (with photo bytes) by id, in one query per chunk."""
        found: dict[str, Persona] = {}
        for chunk in _chunks(ids):
            query = (
                sa.select(personas, photos.c.data.label("photo_data"))
                .select_from(personas.outerjoin(photos, personas.c.photo_hash == photos.c.hash))
                .where(personas.c.id.in_(chunk))
            )
            if live_only:
                query = query.where(personas.c.deleted_at.is_(None))
            for row in conn.execute(query).mappings():
                found[row["id"]] = from_row(row, row["photo_data"])
        return found

    def _get(self, conn: Connection, persona_id: str) -> Persona | None:
        return self._fetch(conn, [persona_id], live_only=False).get(persona_id)

    def get(self, persona_id: str) -> Persona:
        """The whole persona (also from the trash), photo bytes included."""
        with self._reading() as conn:
            persona = self._get(conn, persona_id)
        if persona is None:
            raise _not_found(persona_id)
        return persona

    def find(self, ref: str) -> Persona:
        """A persona outside the trash by id, exact name, or name ignoring case (storage.persona_ref:
        the same steps, SQL and sentences as storage.file_reader)."""
        with self._reading() as conn:
            persona_id = find_id(ref, lambda sql, params: conn.execute(sa.text(sql), params).all())
            return self._get(conn, persona_id)  # type: ignore[return-value]

    def iter_personas(self, ids: builtins.list[str] | None = None, *, batch: int = 500) -> Iterator[Persona]:
        """Whole personas outside the trash, in ``ids`` order (default: by name), a batch per query."""
        if ids is None:
            ids = [s.id for s in self.list()]
        for chunk in _chunks(list(ids), max(1, batch)):
            with self._reading() as conn:
                found = self._fetch(conn, chunk, live_only=True)
            for persona_id in chunk:
                if persona_id in found:
                    yield found[persona_id]

    def tags(self) -> builtins.list[str]:
        """Every tag in use outside the trash, sorted ignoring case."""
        with self._reading() as conn:
            rows = conn.execute(sa.select(personas.c.tags).where(personas.c.deleted_at.is_(None)))
            found = {tag for (text,) in rows for tag in json.loads(text)}
        return sorted(found, key=lambda t: (fold(t), t))

    def photo(self, photo_hash: str) -> bytes | None:
        with self._reading() as conn:
            return conn.execute(sa.select(photos.c.data).where(photos.c.hash == photo_hash)).scalar()

    def thumbnail(self, photo_hash: str, size: int) -> bytes | None:
        """A PNG thumbnail of a stored photo; kept in memory (photos never change under a hash)."""
        key = (photo_hash, size)
        thumb = self._thumbs.get(key)
        if thumb is not None:
            return thumb
        data = self.photo(photo_hash)
        if data is None:
            return None  # not cached: the photo may be stored by the next sync
        return self._thumbs.put(key, photo_thumbnail(data, size))

    # ------------------------------------------------------------- photos
    def _prepare_photos(self, datas: Iterable[bytes | None]) -> dict[str, PhotoInfo | str]:
        """Raw-bytes hash -> the photo to insert, or the hash of one already stored (photo_rows)."""
        raw = raw_photos(datas)
        if not raw:  # most saves (every keystroke of a persona without a photo): no read at all
            return {}
        with self._reading() as conn:
            return prepare_photos(conn, raw)

    def _store_photos(self, conn: Connection, prepared: Iterable[PhotoInfo | str]) -> None:
        new = {p.hash: p for p in prepared if isinstance(p, PhotoInfo)}
        if not new:
            return
        present: set[str] = set()
        for chunk in _chunks(builtins.list(new)):
            present.update(conn.execute(sa.select(photos.c.hash).where(photos.c.hash.in_(chunk))).scalars())
        rows = [
            {"hash": p.hash, "mime": p.mime, "width": p.width, "height": p.height, "data": p.data}
            for h, p in new.items()
            if h not in present
        ]
        insert_missing(conn, photos, photos.c.hash, rows)  # another import may be storing the same photo

    @staticmethod
    def _drop_orphan_photo(conn: Connection, hash_: str | None) -> None:
        if hash_ is None:
            return
        used = sa.select(personas.c.id).where(personas.c.photo_hash == hash_).exists()
        conn.execute(photos.delete().where(photos.c.hash == hash_, ~used))

    # ------------------------------------------------------------ writing
    def add(self, persona: Persona) -> Persona:
        """Store a new persona; returns it with id, timestamps and version 1."""
        return self.add_many([persona])[0]

    def add_many(self, personas_in: builtins.list[Persona]) -> builtins.list[Persona]:
        """Store many personas in ONE transaction: all of them, or none when one is refused."""
        batch = [p.copy() for p in personas_in]
        for p in batch:
            p.validate()
        stamp = now_iso()
        seen: dict[str, str] = {}
        for p in batch:
            p.ensure_id()
            if p.id in seen:
                raise UserError(f'Personas "{seen[p.id]}" and "{p.name}" have the same id {p.id}.')
            seen[p.id] = p.name
            p.created_at = p.created_at or stamp
            p.updated_at = p.updated_at or stamp
            p.version = 1
        prepared = self._prepare_photos(p.photo for p in batch)

        def work(conn: Connection) -> builtins.list[Persona]:
            ids = builtins.list(seen)
            for chunk in _chunks(ids):
                taken = conn.execute(sa.select(personas.c.id).where(personas.c.id.in_(chunk))).scalars().first()
                if taken is not None:
                    raise UserError(f'Persona "{seen[taken]}": id {taken} is already in the library.')
            self._resolve_related(conn, batch)
            self._store_photos(conn, prepared.values())
            rows = [to_row(p, hash_of(prepared, p.photo)) for p in batch]
            for chunk in _chunks(rows):
                conn.execute(personas.insert(), chunk)
            history.record_events(conn, ids, history.CREATED, author=self.author, now=self.now())
            return batch

        result = self._write(work)
        for p in result:  # hand back the stored (re-encoded) photo bytes
            if p.photo is not None:
                entry = prepared[photo_hash(p.photo)]
                if isinstance(entry, PhotoInfo):
                    p.photo = entry.data
        return result

    def add_stream(self, make_personas: Callable[[], Iterable[Persona]]) -> int:
        """Store the personas an import hands over one at a time, in ONE transaction (storage.stream_import).

        Memory does not grow with their number; ``make_personas`` starts them from
        the beginning (it is called again when a server transaction is retried).
        """
        from personadesigner.storage.stream_import import add_stream

        return add_stream(self, make_personas)

    @staticmethod
    def _resolve_related(conn: Connection, batch: builtins.list[Persona]) -> None:
        """Turn ``related[].persona`` given as an exact name into that persona's id."""
        refs = builtins.list({r.persona for p in batch for r in p.related})
        if not refs:
            return
        rows = []
        for chunk in _chunks(refs):
            query = sa.select(personas.c.id, personas.c.name).where(
                personas.c.deleted_at.is_(None), sa.or_(personas.c.id.in_(chunk), personas.c.name.in_(chunk))
            )
            rows.extend(conn.execute(query).all())
        ids = {p.id for p in batch} | {row.id for row in rows}
        by_name: dict[str, set[str]] = {}
        for row in rows:
            by_name.setdefault(row.name, set()).add(row.id)
        in_batch: dict[str, set[str]] = {}
        for p in batch:
            in_batch.setdefault(p.name, set()).add(p.id)
        for p in batch:
            for relation in p.related:
                if relation.persona in ids:
                    continue
                candidates = in_batch.get(relation.persona) or by_name.get(relation.persona) or set()
                if len(candidates) == 1:
                    relation.persona = next(iter(candidates))

    def update(self, persona: Persona) -> Persona:
        """Save changes; ConflictError when someone saved this persona since it was read."""
        return self.update_many([persona])[0]

    def update_many(self, personas_in: builtins.list[Persona]) -> builtins.list[Persona]:
        """Save changes to several personas in ONE transaction: all of them, or none on a conflict."""
        batch = [p.copy() for p in personas_in]
        for p in batch:
            p.validate()
            if not p.id:
                raise UserError(f'Persona "{p.name}" is not in the library yet; add it first.')
        prepared = self._prepare_photos(p.photo for p in batch)
        loaded = [p.version for p in batch]  # a retried transaction starts again from these
        return self._write(lambda conn: [self._update_in(conn, p, v, prepared) for p, v in zip(batch, loaded)])

    def _update_in(
        self, conn: Connection, p: Persona, loaded_version: int, prepared: dict[str, PhotoInfo | str]
    ) -> Persona:
        """One persona's save inside the caller's transaction (optimistic locking, photo, revision)."""
        old_row = conn.execute(sa.select(personas).where(personas.c.id == p.id)).mappings().first()
        old_hash = old_row["photo_hash"] if old_row is not None else None
        self._resolve_related(conn, [p])
        self._store_photos(conn, prepared.values())
        new_hash = hash_of(prepared, p.photo)
        p.version = loaded_version + 1
        p.updated_at = now_iso()
        values = to_row(p, new_hash)
        for key in ("id", "created_at"):
            del values[key]
        done = conn.execute(
            personas.update().where(personas.c.id == p.id, personas.c.version == loaded_version).values(**values)
        ).rowcount
        if done != 1:
            theirs = self._get(conn, p.id)
            if theirs is None:
                raise ConflictError(
                    f'"{p.name}" was permanently deleted by someone else.', persona_id=p.id, theirs=None
                )
            raise ConflictError(
                f'"{theirs.name}" was changed by someone else since you opened it.',
                persona_id=p.id,
                theirs=theirs,
            )
        if old_hash != new_hash:
            self._drop_orphan_photo(conn, old_hash)
        history.record_change(
            conn,
            p.id,
            history.field_values(from_row(old_row, None), old_hash),
            history.field_values(p, new_hash),
            author=self.author,
            now=self.now(),
        )
        if p.photo is not None:  # the caller gets what the library keeps, without reading it back
            entry = prepared.get(photo_hash(p.photo))
            if isinstance(entry, PhotoInfo):
                p.photo = entry.data
        return p

    def _set_deleted(self, persona_id: str, deleted_at: str | None) -> None:
        def work(conn: Connection) -> None:
            done = conn.execute(
                personas.update().where(personas.c.id == persona_id).values(deleted_at=deleted_at)
            ).rowcount
            if not done:
                raise _not_found(persona_id)
            action = history.RESTORED if deleted_at is None else history.TRASHED
            history.record_events(conn, [persona_id], action, author=self.author, now=self.now())

        self._write(work)

    def delete(self, persona_id: str) -> None:
        """Move to the trash (restore brings it back)."""
        self._set_deleted(persona_id, now_iso())

    def restore(self, persona_id: str) -> None:
        self._set_deleted(persona_id, None)

    def purge(self, persona_id: str) -> None:
        """Delete for good, with its photo when no other persona shows it."""

        def work(conn: Connection) -> None:
            row = conn.execute(sa.select(personas.c.photo_hash).where(personas.c.id == persona_id)).first()
            if row is None:
                raise _not_found(persona_id)
            conn.execute(personas.delete().where(personas.c.id == persona_id))
            self._drop_orphan_photo(conn, row.photo_hash)
            history.forget(conn, persona_id)

        self._write(work)

    def duplicate(self, persona_id: str) -> Persona:
        """A copy under a new id, named "<name> (copy)", sharing the stored photo."""

        def work(conn: Connection) -> Persona:
            original = self._get(conn, persona_id)
            if original is None:
                raise _not_found(persona_id)
            photo_row = conn.execute(sa.select(personas.c.photo_hash).where(personas.c.id == persona_id)).scalar()
            copy = original.copy()
            suffix = " (copy)"
            copy.name = original.name[: NAME_MAX - len(suffix)] + suffix
            copy.id = new_id()
            copy.created_at = copy.updated_at = now_iso()
            copy.version = 1
            conn.execute(personas.insert().values(**to_row(copy, photo_row)))
            history.record_events(conn, [copy.id], history.CREATED, author=self.author, now=self.now())
            return copy

        return self._write(work)

    # ---------------------------------------------------------- history
    def history(self, persona_id: str) -> builtins.list[history.Revision]:
        """The persona's revisions, newest first (storage/history.py)."""
        with self._reading() as conn:
            return history.read(conn, persona_id)

    def prune_history(self, keep_days: int) -> int:
        """Delete revisions older than ``keep_days`` days; how many went."""
        if keep_days < 0:
            raise UserError("The number of days of history to keep must be 0 or more.")
        return self._write(lambda conn: history.prune(conn, keep_days=keep_days, now=self.now()))

    # ---------------------------------------------------------- themes
    def themes(self) -> tuple[builtins.list[Any], builtins.list[str]]:
        """The library's own themes (core.themes.Theme) and one sentence per theme that cannot be used."""
        from personadesigner.storage import themes as T

        with self._reading() as conn:
            return T.read_themes(conn)

    def theme_package(self, name: str) -> bytes | None:
        """The library theme ``name`` as .pdtheme bytes (None: the library has none of that name)."""
        from personadesigner.storage import themes as T

        with self._reading() as conn:
            return T.read_package(conn, name)

    def save_theme(self, name: str, data: dict[str, Any], assets: dict[str, bytes]) -> Any:
        """Store a theme (JSON and the logo/font files it names); its Theme. Refused whole when broken."""
        from personadesigner.storage import themes as T

        return T.save(self._write, name, data, assets)

    def delete_theme(self, name: str) -> None:
        from personadesigner.storage import themes as T

        T.delete(self._write, name)

    # ---------------------------------------------------------- templates
    def templates(self) -> tuple[builtins.list[Any], builtins.list[str]]:
        """The library's own templates (core.templates.Template) and one sentence per one that cannot be used."""
        from personadesigner.storage import templates as TP

        with self._reading() as conn:
            return TP.read_templates(conn)

    def template_data(self, name: str) -> dict[str, Any] | None:
        """The JSON of the library template ``name`` (None: the library has none of that name)."""
        from personadesigner.storage import templates as TP

        with self._reading() as conn:
            return TP.read_data(conn, name)

    def save_template(self, name: str, data: dict[str, Any]) -> Any:
        """Store template JSON under ``name`` (replacing one of that name); its Template. Refused whole,
        in one sentence naming the key, when broken; built-in names are refused (they stay read-only)."""
        from personadesigner.storage import templates as TP

        return TP.save(self._write, name, data)

    def delete_template(self, name: str) -> None:
        from personadesigner.storage import templates as TP

        TP.delete(self._write, name)

    def design_stamp(self) -> str:
        """A fingerprint of the library's themes and templates: it changes when one is saved or deleted."""
        from personadesigner.storage.design_stamp import design_stamp

        with self._reading() as conn:
            return design_stamp(conn)

    # ---------------------------------------------------------- upkeep
    def schema_revision(self) -> str:
        with self._reading() as conn:
            return migrate.current_revision(conn) or ""

    def check(self) -> builtins.list[str]:
        """Problems found in the library, one sentence each; empty when all is well."""
        problems: builtins.list[str] = []
        with self._reading() as conn:
            path = sqlite_path(self._url)
            if path is not None:
                problems.extend(integrity_check(path))  # the one thorough check, on its own read-only connection
            elif self._is_sqlite:  # in-memory: no file to open a second connection on
                lines = [line for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").all() if line != "ok"]
                problems.extend(f"Integrity check: {line}." for line in lines)
                problems.extend(foreign_key_problems(conn.exec_driver_sql("PRAGMA foreign_key_check").all()))
            revision = migrate.current_revision(conn)
            if revision != migrate.HEAD_REVISION:
                problems.append(f"The schema is at revision {revision}, not {migrate.HEAD_REVISION}.")
            for row in conn.execute(sa.select(personas.c.id, personas.c.tags, personas.c.lists)):
                try:
                    from_lists = json.loads(row.lists), json.loads(row.tags)
                except ValueError:
                    from_lists = None
                if (
                    not from_lists
                    or not isinstance(from_lists[0], dict)
                    or not isinstance(from_lists[1], builtins.list)
                ):
                    problems.append(f"Persona {row.id} has damaged list data.")
        return problems

    def info(self) -> dict[str, Any]:
        """Facts for `personadesigner check` and the About dialog."""
        with self._reading() as conn:
            stored = dict(conn.execute(sa.select(library_info.c.key, library_info.c.value)).all())
            # count(deleted_at) counts only the trashed rows: both numbers in one query.
            total, trashed = conn.execute(
                sa.select(sa.func.count(), sa.func.count(personas.c.deleted_at)).select_from(personas)
            ).one()
            info: dict[str, Any] = {
                "name": self.name,
                "url": self._url.render_as_string(hide_password=True),
                "personas": total - trashed,
                "trash": trashed,
                "photos": conn.execute(sa.select(sa.func.count()).select_from(photos)).scalar_one(),
                "schema_revision": migrate.current_revision(conn) or "",
                "created_at": stored.get("created_at", ""),
                "backend": self._engine.dialect.name,
                "warnings": builtins.list(self.warnings),
            }
            if self._is_sqlite:
                info["sqlite_version"] = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
                info["journal_mode"] = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        return info
