"""Backups of SQLite libraries: made with SQLite's online backup API, kept rotated.

The backup API copies a consistent snapshot page by page while other
connections keep working (a plain file copy of a WAL database can be torn).
Backups live beside the library in ``<stem>-backups/`` as
``<stem>-<UTC time>[-<label>].sqlite`` (label: why it was made, e.g.
"before-upgrade"), or in the user data folder when the library's folder is
read-only. They are made before a schema upgrade, before a restore, and every
30 minutes while the library changes (``BackupScheduler``).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from personadesigner.errors import LibraryError
from personadesigner.storage import file_peek
from personadesigner.storage.integrity import (
    LIBRARY_TABLES,
    connect_readonly,
    inspect_file,
    is_sqlite_file,
    quick_check,
    utc_stamp,
)

KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 7
DEFAULT_INTERVAL = _dt.timedelta(minutes=30)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file; ``created`` is UTC, ``label`` says why it was made ("" = scheduled)."""

    path: Path
    created: _dt.datetime
    label: str
    size: int


def backup_dirs(library: Path) -> list[Path]:
    """Where backups of ``library`` are kept: beside it, then the user data folder."""
    from personadesigner.paths import user_data_dir

    library = Path(library).absolute()
    return [library.parent / f"{library.stem}-backups", user_data_dir() / "backups" / f"{library.stem}-backups"]


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}T\d{{6}}Z)(?:-(\d+))?(?:-([a-z][a-z0-9-]*))?\.sqlite$")


def list_backups(library: Path) -> list[BackupInfo]:
    """Every backup of ``library``, newest first."""
    library = Path(library)
    pattern = _name_pattern(library.stem)
    found: list[BackupInfo] = []
    for folder in backup_dirs(library):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            m = pattern.match(entry.name)
            if not m or not entry.is_file():
                continue
            created = _dt.datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=_dt.UTC)
            found.append(BackupInfo(entry, created, m.group(3) or "", entry.stat().st_size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def copy_database(source: Path, target: Path) -> None:
    """Snapshot ``source`` into a new file ``target`` with the online backup API.

    Written to a temporary name and renamed when complete and checked, so a
    crash never leaves a half-written backup that looks like a good one.
    """
    from personadesigner.regular_file import writable_target

    source, target = Path(source), writable_target(target)  # never replaces a device, pipe or folder
    tmp = target.with_name(f".{target.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        src = connect_readonly(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        problems = quick_check(tmp)
        if problems:
            raise LibraryError(
                f'The backup of "{source}" failed its check ({problems[0]}); the library may be damaged.'
            )
        os.replace(tmp, target)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f'Cannot back up "{source}": {exc}.') from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def make_backup(library: Path, *, label: str = "", now: _dt.datetime | None = None) -> Path:
    """Back up ``library`` into its backups folder; returns the new file."""
    library = Path(library)
    if not library.is_file():
        raise LibraryError(f'The library "{library}" does not exist, so there is nothing to back up.')
    stamp = utc_stamp(now)
    suffix = f"-{label}" if label else ""
    # Any failure in one folder (read-only disk, a file in the way, no permission) moves
    # on to the next; only when every folder failed does the user hear about it.
    failure: LibraryError | None = None
    for folder in backup_dirs(library):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{library.stem}-{stamp}{suffix}.sqlite"
            n = 1
            while target.exists():
                n += 1
                target = folder / f"{library.stem}-{stamp}-{n}{suffix}.sqlite"
            copy_database(library, target)
            return target
        except LibraryError as exc:
            failure = exc
        except OSError as exc:
            failure = LibraryError(f'Cannot write a backup of "{library}": {exc.strerror or exc}.')
    raise failure or LibraryError(f'Cannot write a backup of "{library}": no backup folder.')


def rotate(
    library: Path,
    *,
    keep_newest: int = KEEP_NEWEST,
    keep_daily_days: int = KEEP_DAILY_DAYS,
    now: _dt.datetime | None = None,
) -> list[Path]:
    """Delete old backups: keep the newest ``keep_newest`` plus the newest of each of the
    last ``keep_daily_days`` days. Returns the deleted files."""
    now = now or _dt.datetime.now(_dt.UTC)
    backups = list_backups(library)
    keep = {b.path for b in backups[:keep_newest]}
    seen_days: set[_dt.date] = set()
    for b in backups:  # newest first: the first one met on a day is that day's newest
        day = b.created.date()
        if (now - b.created) <= _dt.timedelta(days=keep_daily_days) and day not in seen_days:
            keep.add(b.path)
            seen_days.add(day)
    deleted = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
            deleted.append(b.path)
    return deleted


def fingerprint(path: Path) -> tuple:
    """What changes whenever the library's content changes (read-only, cheap)."""
    try:
        conn = connect_readonly(path)
        try:
            row = conn.execute(
                "SELECT count(*), coalesce(sum(version), 0), count(deleted_at), max(updated_at), max(deleted_at) "
                "FROM personas"
            ).fetchone()
            info = conn.execute("SELECT group_concat(key || '=' || value, ';') FROM library_info").fetchone()
            return (*row, info[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        st = Path(path).stat()
        return ("file", st.st_size, st.st_mtime_ns)


class BackupScheduler:
    """Makes a backup when the library changed and ``interval`` has passed since the last one.

    Plain Python (no timers): the app calls ``maybe_backup(now)`` from a timer,
    a test calls it with chosen times. The last backup's time and content are
    read from the newest backup file, so the schedule survives restarts.
    """

    def __init__(
        self,
        library: Path,
        *,
        interval: _dt.timedelta = DEFAULT_INTERVAL,
        keep_newest: int = KEEP_NEWEST,
        keep_daily_days: int = KEEP_DAILY_DAYS,
    ) -> None:
        self.library = Path(library)
        self.interval = interval
        self.keep_newest = keep_newest
        self.keep_daily_days = keep_daily_days
        self._last_time: _dt.datetime | None = None
        self._last_print: tuple | None = None
        newest = next(iter(list_backups(self.library)), None)
        if newest is not None:
            self._last_time = newest.created
            self._last_print = fingerprint(newest.path)

    def maybe_backup(self, now: _dt.datetime | None = None) -> Path | None:
        """The new backup's path, or None when none was due."""
        now = now or _dt.datetime.now(_dt.UTC)
        if self._last_time is not None and now - self._last_time < self.interval:
            return None
        if not self.library.is_file():
            return None
        current = fingerprint(self.library)
        if current == self._last_print:
            return None
        path = make_backup(self.library, now=now)
        self._last_time, self._last_print = now, current
        rotate(self.library, keep_newest=self.keep_newest, keep_daily_days=self.keep_daily_days, now=now)
        return path


def validate_backup(path: Path) -> None:
    """Raise LibraryError unless ``path`` is a healthy PersonaDesigner library (one read-only look)."""
    path = Path(path)
    try:
        _validate(path)
    finally:
        file_peek.release(path)  # a backup keeps no descriptor open (kept while a library of ours holds it)


def _validate(path: Path) -> None:
    from personadesigner.storage.migrate import known_revisions

    if not path.is_file():
        raise LibraryError(f'The backup "{path}" does not exist.')
    if not is_sqlite_file(path):
        raise LibraryError(f'"{path}" is not a PersonaDesigner backup (not a SQLite file).')
    inspection = inspect_file(path)
    if inspection.problems:
        raise LibraryError(f'The backup "{path}" is damaged ({inspection.problems[0]}); choose another backup.')
    missing = LIBRARY_TABLES - inspection.tables
    if missing:
        raise LibraryError(f'"{path}" is not a PersonaDesigner library (it has no {sorted(missing)[0]} table).')
    if inspection.revision not in known_revisions():
        raise LibraryError(
            f'The backup "{path}" was made by a newer or unknown version of PersonaDesigner '
            f"(schema {inspection.revision or 'none'})."
        )


def restore_backup(library: Path, backup: Path, *, now: _dt.datetime | None = None) -> Path | None:
    """Replace the library's content with ``backup``'s. Returns the safety backup of the
    current library made first (None when there was no library, or it was damaged and
    was kept aside as ``.damaged-...`` instead)."""
    from personadesigner.storage.integrity import keep_damaged_copy

    library, backup = Path(library), Path(backup)
    validate_backup(backup)
    if library.resolve() == backup.resolve():
        raise LibraryError("The backup to restore is the library itself.")
    safety: Path | None = None
    if library.is_file() and library.stat().st_size > 0:
        if is_sqlite_file(library) and not quick_check(library):
            safety = make_backup(library, label="before-restore", now=now)
        else:
            keep_damaged_copy(library, now)
            _remove_library_files(library)
    try:
        src = connect_readonly(backup)
        try:
            # Writing through SQLite (not a file copy) keeps other open connections coherent.
            dst = sqlite3.connect(library, timeout=30)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f'Cannot restore into "{library}": {exc}.') from None
    problems = quick_check(library)
    if problems:  # pragma: no cover - the backup was checked; this means a disk problem
        raise LibraryError(f'The restored library "{library}" fails its check ({problems[0]}).')
    return safety


def _remove_library_files(library: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(library) + suffix).unlink()
