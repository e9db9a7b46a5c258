"""Real damage to a real library file, the way a dying disk or a bad sync leaves it.

Damage only means something once the data is in the main file: ``fold_wal``
checkpoints the WAL into it first (and, unless the library is still open
elsewhere, switches it to the rollback journal so no WAL brings the pages back).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def fold_wal(path: Path, *, in_use: bool = False) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if not in_use:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def garbage_in_the_middle(path: Path, size: int = 8192, *, in_use: bool = False, pattern: bytes = b"\xa5") -> None:
    """Overwrite ``size`` bytes in the middle of the file (persona pages in a filled library)."""
    fold_wal(path, in_use=in_use)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + size] = (pattern * (size // len(pattern) + 1))[:size]
    path.write_bytes(bytes(data))


def truncate(path: Path, keep: float = 0.5) -> None:
    """Cut the file to the first ``keep`` fraction of its bytes (an interrupted copy)."""
    fold_wal(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
