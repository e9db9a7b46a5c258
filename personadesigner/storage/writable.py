"""Can a library file be written here, and if not, why? Said before anything is tried.

A library in a read-only folder, on a read-only or full disk, or whose file is
read-only is still a good library: it is opened read-only and the user is told
the real cause, never that it is damaged. The answer is a short clause that
callers put into their own sentence ("its folder "/x" is read-only").
"""

from __future__ import annotations

import os
from pathlib import Path


def write_blocker(path: Path) -> str | None:
    """Why the SQLite library ``path`` cannot be written (a clause), or None when it can.

    SQLite writes beside the file too (-wal, -shm or -journal), so the folder
    must be writable as well as the file. The permission checks ask the kernel
    (os.access), so root, who may write anywhere, is never told otherwise.
    """
    path = Path(path)
    folder = path.parent
    try:
        fs = os.statvfs(folder) if hasattr(os, "statvfs") else None  # not on Windows
    except OSError:
        fs = None
    if fs is not None and fs.f_flag & os.ST_RDONLY:
        return f'it is on a read-only disk ("{folder}")'
    if not os.access(folder, os.W_OK | os.X_OK):
        return f'its folder "{folder}" is read-only'
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    if fs is not None and fs.f_bavail == 0:
        return f'the disk of "{folder}" is full'
    return None
