"""A new library file appears complete or not at all.

The schema is built in a temporary file beside the target and then linked to
the target name, which fails if someone else created it first. So no other
window or process ever sees a half-made (zero-byte) library under the real
name, a zero-byte file there can be refused as "not a library", and a failed
creation (full disk) leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from personadesigner.errors import LibraryError
from personadesigner.storage.writable import write_blocker

_SIDE_FILES = ("", "-journal", "-wal", "-shm")
#: Alembic's migration context is process-global: one schema is built at a time per process.
_BUILD_LOCK = threading.Lock()


def create_library_file(path: Path, *, replace_empty: bool, build: Callable[[Path], None]) -> bool:
    """Create the library at ``path`` with ``build(tmp)``; True when this call created it.

    ``replace_empty``: a zero-byte file at ``path`` (chosen by File > New library)
    is replaced. False when another process created the library in the meantime.
    """
    blocker = write_blocker(path)
    if blocker:
        raise LibraryError(f'The library "{path}" cannot be created: {blocker}.')
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.new")
    try:
        with _BUILD_LOCK:
            build(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if replace_empty:
            if path.exists() and path.stat().st_size > 0:
                return False  # someone made it a library meanwhile: open theirs
            os.replace(tmp, path)
            return True
        return _link_new(tmp, path)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise LibraryError(f'The library "{path}" cannot be created: the disk is full.') from None
        raise LibraryError(f'The library "{path}" cannot be created: {exc.strerror or exc}.') from None
    finally:
        for suffix in _SIDE_FILES:
            with contextlib.suppress(OSError):
                os.unlink(str(tmp) + suffix)


def _link_new(tmp: Path, path: Path) -> bool:
    """Put ``tmp`` at ``path`` unless something is there already (no hard links: checked rename)."""
    try:
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS):
            raise
    if path.exists():
        return False
    os.rename(tmp, path)
    return True
