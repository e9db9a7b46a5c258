"""Read a library file's bytes without ever taking SQLite's locks away from this process.

On Unix SQLite locks a database with POSIX record locks, and those belong to the
process, not to a descriptor: closing ANY descriptor of the file releases every lock
the process holds on it, including the shared lock each open WAL connection keeps.
Another program closing its connection then believes it is the last one, checkpoints
and deletes the -wal and -shm under our open library: its next change goes into a
deleted file no other program can see, and the next open here fails with "disk I/O
error". (A rollback-journal library would lose its write lock mid-transaction.)

SQLite never closes its own descriptors while its locks are held; our reads of a
library file (its header, the check cache's fingerprint, a copy of a damaged file)
do the same: each file is read through one descriptor opened on first use and kept
while the process may hold locks on it. A descriptor is closed once its file has been
deleted (no other program can reach it, so its locks protect nothing) and when a
library is closed and no other descriptor of the file is left in the process (SQLite
keeps one for as long as it holds a lock), so a closed library's disk can be ejected.
The -wal and -journal carry no locks and are read the ordinary way. Windows locks
belong to a handle, and an open handle would stop the file being replaced there,
so Windows reads open and close as usual.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from personadesigner.regular_file import kind_of

#: POSIX systems, where closing a descriptor drops the process's locks on the file.
_KEEP_OPEN = os.name == "posix"
_CHUNK = 1 << 20
_lock = threading.Lock()
#: (device, inode) -> the descriptors kept open on that file (two only after a replace race).
_held: dict[tuple[int, int], list[int]] = {}
#: (device, inode) -> reads under way (their descriptor is not closed even if the file is deleted).
_in_use: dict[tuple[int, int], int] = {}


def read_head(path: Path | str, size: int) -> bytes:
    """The first ``size`` bytes (fewer for a shorter file). OSError as ``open`` would raise."""
    return b"".join(_read(path, size))


def iter_chunks(path: Path | str) -> Iterator[bytes]:
    """The whole file, 1 MB at a time."""
    return _read(path, None)


def copy_file(path: Path | str, target: Path | str) -> None:
    """Copy ``path`` to a new file ``target`` with its times and permissions (as shutil.copy2)."""
    import shutil

    with open(target, "xb") as out:
        for block in iter_chunks(path):
            out.write(block)
    shutil.copystat(path, target)  # by path: no descriptor of ``path`` is opened or closed


def release(path: Path | str) -> None:
    """Close the kept descriptor of ``path`` once nothing else in this process has the file
    open (a library was closed), so its disk can be ejected. Kept when in doubt."""
    if not _KEEP_OPEN:
        return
    with _lock:
        try:
            st = os.stat(path)
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        fds = _held.get(key)
        if not fds or _in_use.get(key) or _others_hold(key, fds):
            return
        for fd in fds:
            os.close(fd)
        del _held[key]


def _others_hold(key: tuple[int, int], ours: list[int]) -> bool:
    """True when another descriptor of the process is open on the file (or we cannot tell):
    SQLite keeps one open for as long as it holds a lock."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            fd = int(name)
            if fd in ours:
                continue
            try:
                st = os.fstat(fd)
            except OSError:
                continue  # the listing's own descriptor, closed by now
            if (st.st_dev, st.st_ino) == key:
                return True
        return False
    return True


def held_count() -> int:
    """How many descriptors are kept open (tests: at most one per live library file)."""
    with _lock:
        return sum(len(fds) for fds in _held.values())


def _read(path: Path | str, size: int | None) -> Iterator[bytes]:
    if not _KEEP_OPEN:
        yield from _read_and_close(path, size)
        return
    key, fd = _take(path)
    try:
        offset = 0
        while size is None or offset < size:
            block = os.pread(fd, _CHUNK if size is None else min(_CHUNK, size - offset), offset)
            if not block:
                return
            offset += len(block)
            yield block
    finally:
        with _lock:
            _in_use[key] -= 1


def _read_and_close(path: Path | str, size: int | None) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        if size is not None:
            yield fh.read(size)
            return
        yield from iter(lambda: fh.read(_CHUNK), b"")


def _take(path: Path | str) -> tuple[tuple[int, int], int]:
    """The kept descriptor of the file now at ``path`` (opened on first use), marked in use."""
    with _lock:
        _close_deleted()
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = None  # let os.open say why, as open() would
        if key not in _held:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                os.close(fd)  # a pipe, device or folder: SQLite holds no lock on it
                raise OSError(errno.EINVAL, f"it is {kind_of(opened.st_mode)}, not a file", str(path))
            key = (opened.st_dev, opened.st_ino)
            # Kept even when the file was replaced between stat and open and its inode is
            # already held: closing this descriptor would be the very drop we avoid.
            _held.setdefault(key, []).append(fd)
        _in_use[key] = _in_use.get(key, 0) + 1
        return key, _held[key][0]


def _close_deleted() -> None:
    """Close the descriptors of deleted files (a restore or a new library replaced them)
    that no read is using."""
    for key, fds in list(_held.items()):
        if _in_use.get(key):
            continue
        try:
            gone = os.fstat(fds[0]).st_nlink == 0
        except OSError:
            gone = True
        if gone:
            for fd in fds:
                os.close(fd)
            del _held[key]
            _in_use.pop(key, None)
