"""Is a SQLite library file healthy? And what to do when it is not.

A damaged file must never be written to: every write could spread the damage
over pages that are still good. So the check runs read-only before the library
is opened for real; a damaged file is copied aside (``<name>.damaged-<UTC time>``,
with its -wal/-journal companions) and the user gets one sentence that says
what happened and how to get the data back (restore a backup).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from personadesigner.errors import LibraryError
from personadesigner.storage import check_cache, file_peek
from personadesigner.storage.writable import write_blocker

SQLITE_HEADER = b"SQLite format 3\x00"
#: The tables every PersonaDesigner library has (schema 0001 and later).
LIBRARY_TABLES = frozenset({"personas", "photos", "library_info", "alembic_version"})
_COMPANIONS = ("-wal", "-journal")
T = TypeVar("T")


def utc_stamp(now: _dt.datetime | None = None) -> str:
    """ "20261123T101500Z": sortable, safe in file names on every OS."""
    now = now or _dt.datetime.now(_dt.UTC)
    return now.astimezone(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts with SQLite's header (it may still be damaged)."""
    try:
        return file_peek.read_head(path, len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


#: How long a check waits for another program's lock before saying the library is busy.
BUSY_TIMEOUT_S = 10.0


def connect_readonly(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` (mode=ro), even by accident.

    A WAL library whose folder cannot be written (read-only folder or disk, full
    disk) cannot get the -shm index SQLite wants even for reading; when no -wal
    holds changes the main file is then read as immutable, which is exactly its
    content. With changes still in the -wal the library cannot be read here, and
    the message says why (never "damaged").
    """
    path = Path(path).absolute()
    base = "file:" + quote(str(path))
    conn = sqlite3.connect(base + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=check_same_thread)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file (and its -shm) now
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if not (_is_shm_refusal(exc) and write_blocker(path)):
            raise
    pending = _pending_changes(path)
    if pending:
        raise LibraryError(
            f'The library "{path}" cannot be read here: {write_blocker(path)} and its latest changes are still in '
            f'"{pending}"; open it once where it can be written.'
        )
    conn = sqlite3.connect(
        base + "?mode=ro&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=check_same_thread
    )
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


#: What SQLite answers a read-only connection that cannot create or map the WAL index.
_SHM_CODES = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_FULL")


def _is_shm_refusal(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorname", "") or ""
    return code.startswith(_SHM_CODES) and code != "SQLITE_READONLY_ROLLBACK"  # a hot journal is never skipped


def _pending_changes(path: Path) -> str | None:
    """The -wal or -journal beside ``path`` that still holds changes, if any."""
    for suffix in ("-wal", "-journal"):
        try:
            if os.stat(str(path) + suffix).st_size > 0:
                return path.name + suffix
        except OSError:
            continue
    return None


def _pragma_rows(conn: sqlite3.Connection, pragma: str) -> list[str]:
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    return [" ".join(str(v) for v in row) for row in rows]


def quick_check(path: Path) -> list[str]:
    """Problems PRAGMA quick_check finds (empty: fine). Read-only; fast (no index cross-check)."""
    return _check(path, "quick_check")


def integrity_check(path: Path) -> list[str]:
    """The thorough check: PRAGMA integrity_check and foreign_key_check, one sentence each. Read-only."""
    problems = _check(path, "integrity_check")
    if problems:
        return [f"Integrity check: {line}." for line in problems]
    try:
        conn = connect_readonly(path)
        try:
            return foreign_key_problems(conn.execute("PRAGMA foreign_key_check").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        refusal = _unreadable(path, exc)
        if refusal is not None:
            raise refusal from None
        return [f"Foreign key check failed: {exc}."]


def foreign_key_problems(rows) -> list[str]:  # noqa: ANN001 - rows of PRAGMA foreign_key_check
    return [
        f"Row {rowid} of table {table} refers to a missing row of table {parent}." for table, rowid, parent, _fk in rows
    ]


#: Read-only connections cannot finish a crashed writer's transaction (hot rollback
#: journal, WAL index to rebuild); these codes mean "recover first", not "damaged".
_NEEDS_RECOVERY = frozenset({"SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY", "SQLITE_READONLY_CANTINIT"})


#: Codes that say "someone else has it" or "the OS refused", never "the file is damaged".
_NOT_DAMAGE = (
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_CANTOPEN",
    "SQLITE_READONLY",
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_PERM",
)


def _unreadable(path: Path, exc: sqlite3.Error) -> LibraryError | None:
    """The busy / cannot-be-read LibraryError when ``exc`` is not about the file's contents."""
    code = getattr(exc, "sqlite_errorname", "") or ""
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return LibraryError(
            f'The library "{path}" is busy: another program kept it locked for more than '
            f"{BUSY_TIMEOUT_S:g} seconds; close it and try again."
        )
    if isinstance(exc, sqlite3.OperationalError) or code.startswith(_NOT_DAMAGE):
        return cannot_read(path, exc)
    return None


def cannot_read_or_busy(path: Path, exc: sqlite3.OperationalError) -> LibraryError:
    refusal = _unreadable(path, exc)
    return refusal if refusal is not None else cannot_read(path, exc)


def cannot_read(path: Path, exc: sqlite3.Error) -> LibraryError:
    """The real cause of an operational failure (permissions, full or failing disk): never "damaged"."""
    code = getattr(exc, "sqlite_errorname", "") or ""
    blocker = write_blocker(Path(path))
    if code.startswith("SQLITE_FULL"):
        why = "the disk is full"
    elif code.startswith("SQLITE_IOERR"):
        why = f"the disk reported an input/output error ({exc})"
    elif code.startswith("SQLITE_READONLY") and blocker:
        why = f"it needs to be recovered after a crash, which cannot be written here ({blocker})"
    elif code.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        why = f"permission denied or the file is not reachable ({exc})"
    else:
        why = str(exc)
    return LibraryError(f'The library "{path}" cannot be read: {why}.')


#: How often a check that found damage is taken again while another program keeps changing the file.
SETTLE_ATTEMPTS = 3


def _settled(path: Path, look: Callable[[], T], problems: Callable[[T], list[str]]) -> T:
    """``look()``'s verdict, taken again when it found damage while the file changed under it.

    An immutable read (integrity.connect_readonly in a folder that cannot be written)
    takes no lock, so it can see half of another program's change: damage found then
    is not the file's. Damage counts only when the file was the same before and after.
    """
    for _ in range(SETTLE_ATTEMPTS):
        before = _stat_state(path)
        verdict = look()
        if not problems(verdict) or _stat_state(path) == before:
            return verdict
    raise LibraryError(
        f'The library "{path}" could not be checked: another program kept changing it while it was read; try again.'
    )


def _stat_state(path: Path) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    """What a writer changes in the file and its -wal, read by stat alone (no descriptor opened).

    An empty -wal is the same as none (a read-only open may create one), and its ctime is
    left out: SQLite running as root gives the -wal the library's owner on every open."""
    try:
        st = os.stat(path)
        main: tuple[int, ...] | None = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    except OSError:
        main = None
    try:
        st = os.stat(f"{path}-wal")
        wal = (st.st_ino, st.st_size, st.st_mtime_ns) if st.st_size else None
    except OSError:
        wal = None
    return main, wal


def _check(path: Path, pragma: str) -> list[str]:
    """Problems found; raises LibraryError when the file cannot be checked at all (busy, no access)."""
    return _settled(path, lambda: _check_once(path, pragma), lambda found: found)


def _check_once(path: Path, pragma: str) -> list[str]:
    try:
        conn = connect_readonly(path)
        try:
            rows = _pragma_rows(conn, pragma)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") not in _NEEDS_RECOVERY:
            raise cannot_read_or_busy(path, exc) from None
        rows = _check_after_recovery(path, pragma)
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"...
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _check_after_recovery(path: Path, pragma: str) -> list[str]:
    """After a crash (kill -9, power cut) SQLite's own recovery must run before reading:
    it rolls the interrupted transaction back, exactly as any normal open would."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            return _pragma_rows(conn, pragma)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        refusal = _unreadable(path, exc)
        if refusal is not None:
            raise refusal from None
        return [str(exc)]


@dataclass(frozen=True)
class Inspection:
    """What one read-only look at a SQLite file found: damage, its tables, its schema revision."""

    problems: list[str] = field(default_factory=list)
    tables: frozenset[str] = frozenset()
    revision: str | None = None


def _inspect(conn: sqlite3.Connection, *, quick_check: bool = True) -> Inspection:
    if quick_check:
        rows = _pragma_rows(conn, "quick_check")
        if rows != ["ok"]:
            return Inspection(problems=rows)
    tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    return Inspection(tables=tables, revision=revision)


def inspect_file(path: Path, *, trust_recent_check: bool = False) -> Inspection:
    """quick_check, table names and schema revision over ONE read-only connection.

    Raises LibraryError when the file cannot be looked at (busy, no access);
    damage is reported in ``problems``, never raised (and only when the file did not
    change during the look, see _settled). ``trust_recent_check`` (commands
    that only read): skip quick_check when this file passed it in exactly its present
    state (storage.check_cache); every passing check is remembered.
    """
    return _settled(path, lambda: _inspect_once(path, trust_recent_check), lambda found: found.problems)


def _inspect_once(path: Path, trust_recent_check: bool) -> Inspection:
    state = check_cache.file_state(path)
    skip = trust_recent_check and check_cache.passed_in_this_state(path, state)
    try:
        conn = connect_readonly(path)
        try:
            inspection = _inspect(conn, quick_check=not skip)
        finally:
            conn.close()
        if not skip and not inspection.problems:
            check_cache.remember_passed(path, state)
        return inspection
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") not in _NEEDS_RECOVERY:
            raise cannot_read_or_busy(path, exc) from None
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"...
        return Inspection(problems=[str(exc)])
    try:  # a crashed writer's journal: let SQLite's own recovery run first (see _check_after_recovery)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            return _inspect(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        refusal = _unreadable(path, exc)
        if refusal is not None:
            raise refusal from None
        return Inspection(problems=[str(exc)])


def keep_damaged_copy(path: Path, now: _dt.datetime | None = None) -> Path:
    """Copy the damaged file (and its -wal/-journal) to ``<name>.damaged-<UTC time>``.

    Once per damage: when a copy with the same bytes is already beside the file
    (the last command kept it), that copy is returned and no new one is made.
    """
    path = Path(path)
    existing = _same_damaged_copy(path)
    if existing is not None:
        return existing
    target = path.with_name(f"{path.name}.damaged-{utc_stamp(now)}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{utc_stamp(now)}-{n}")
    file_peek.copy_file(path, target)  # never shutil: closing a descriptor of the library drops our locks
    for suffix in _COMPANIONS:
        companion = Path(str(path) + suffix)
        if companion.exists():
            shutil.copy2(companion, Path(str(target) + suffix))
    return target


def _digest(path: Path, *, library: bool = False) -> str:
    """SHA-256 of a file; ``library``: the library itself, read through storage.file_peek."""
    h = hashlib.sha256()
    if library:
        for block in file_peek.iter_chunks(path):
            h.update(block)
        return h.hexdigest()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _same_damaged_copy(path: Path) -> Path | None:
    """An earlier ``.damaged-*`` copy of exactly these bytes (companions included), if any."""
    size = path.stat().st_size
    candidates = [
        c
        for c in path.parent.glob(f"{glob_escape(path.name)}.damaged-*")
        if not c.name.endswith(_COMPANIONS) and c.is_file() and c.stat().st_size == size
    ]
    if not candidates:
        return None
    mine = [_digest(path, library=True)] + [_companion_digest(Path(str(path) + s)) for s in _COMPANIONS]
    for copy in sorted(candidates):
        if [_digest(copy)] + [_companion_digest(Path(str(copy) + s)) for s in _COMPANIONS] == mine:
            return copy
    return None


def _companion_digest(path: Path) -> str | None:
    return _digest(path) if path.is_file() else None


def glob_escape(name: str) -> str:
    """``name`` with glob's special characters taken literally."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def damaged_message(path: Path, kept: Path) -> str:
    return (
        f'The library "{path}" is damaged; a copy was kept at "{kept}"; restore the latest backup '
        f'with `personadesigner restore --library "{path}" --from BACKUP` '
        f'(backups are listed by `personadesigner backup --library "{path}" --list`).'
    )


def ensure_healthy(path: Path) -> Inspection | None:
    """Raise LibraryError (after keeping a copy) when an existing SQLite library is damaged.

    A library that is merely busy (another program holds a lock) or that the OS
    will not let us read raises LibraryError too, but is not called damaged and
    no copy is kept. Only files that carry SQLite's header are judged here: anything else is
    "not a library", which the caller reports without touching the file.
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0 or not is_sqlite_file(path):
        return None
    return healthy_inspection(path)


def healthy_inspection(path: Path, *, trust_recent_check: bool = False) -> Inspection:
    """``inspect_file`` for a file already known to carry SQLite's header; a damaged one is
    copied aside and LibraryError raised, so what comes back is always healthy."""
    inspection = inspect_file(path, trust_recent_check=trust_recent_check)
    problems = inspection.problems
    if problems:
        try:
            kept = keep_damaged_copy(path)
        except OSError as exc:
            raise LibraryError(
                f'The library "{path}" is damaged and a copy could not be kept ({exc.strerror}); '
                "restore the latest backup with `personadesigner restore`."
            ) from None
        raise LibraryError(damaged_message(path, kept))
    return inspection
