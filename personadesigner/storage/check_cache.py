"""Which library files passed quick_check, and in exactly which state, so a read-only
command can skip a check whose answer cannot have changed.

``PRAGMA quick_check`` reads every page of the file: about 130 ms on a
100,000-persona library, more than the search a ``list --search`` runs. A file
whose bytes have not changed since it passed gives the same answer, so a
command that only reads (``list``, ``show``, ``export``) trusts a passing check
of the same state. The state is everything a writer changes: the main file's
inode, size, mtime and ctime (ctime cannot be set back by any program),
SQLite's file change counter from its header, and the -wal file with changes
in it (its size, mtime and header: appended frames grow it, a reset gives new salts). A hot -journal (a crashed writer) is never trusted. Commands that write,
the first open and every changed file are still checked in full (integrity.py).

The states live in one small JSON file in the user's cache folder; losing it
only costs one full check per library.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from personadesigner.storage import file_peek

CACHE_NAME = "checked-libraries.json"
#: Libraries remembered; the least recently checked are forgotten first.
MAX_ENTRIES = 64
#: SQLite's header: bytes 24-27 count the commits that changed the file (rollback journal),
#: bytes 92-99 are the counter the version number is valid for and that version.
_HEADER_BYTES = 100


def cache_file() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("personadesigner", appauthor=False)) / CACHE_NAME


def file_state(path: Path) -> list | None:
    """The fingerprint of ``path`` and its -wal, None when a check must not be skipped
    (a hot -journal, or a file that cannot be looked at)."""
    try:
        journal = os.stat(f"{path}-journal")
        if journal.st_size > 0:
            return None
    except OSError:
        pass
    try:
        st = os.stat(path)
        header = file_peek.read_head(path, _HEADER_BYTES)  # never open(): see storage.file_peek
        state: list = [
            st.st_dev,
            st.st_ino,
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
            header[24:28].hex(),
            header[92:100].hex(),
        ]
    except OSError:
        return None
    try:
        wal = os.stat(f"{path}-wal")
    except OSError:
        wal = None
    if wal is not None and wal.st_size > 0:  # an empty -wal holds no changes: same as none
        try:
            with open(f"{path}-wal", "rb") as fh:
                wal_header = fh.read(32)  # checkpoint sequence and salts: new after every reset
        except OSError:
            return None
        # Not its ctime: SQLite running as root gives the -wal the library's owner on every open.
        state += [wal.st_ino, wal.st_size, wal.st_mtime_ns, wal_header.hex()]
    return state


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _load() -> dict[str, list]:
    try:
        with open(cache_file(), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def passed_in_this_state(path: Path, state: list | None) -> bool:
    """True when ``path`` passed quick_check when it was exactly in ``state``."""
    return state is not None and _load().get(_key(path)) == state


def remember_passed(path: Path, state: list | None) -> None:
    """Record that ``path`` passed quick_check in ``state`` (taken before the check began,
    so a write during the check makes the next command check again). Never raises: the
    cache only saves time."""
    if state is None:
        return
    key = _key(path)
    entries = _load()
    if entries.get(key) == state:
        return
    entries.pop(key, None)
    entries[key] = state
    while len(entries) > MAX_ENTRIES:
        entries.pop(next(iter(entries)))
    _save(entries)


def _save(entries: dict[str, list]) -> None:
    target = cache_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".checked-", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entries, fh)
            os.replace(tmp, target)  # two commands at once: the last one's list wins, both valid
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
