"""What the app (personadesigner.ui) may use of storage: opening libraries and their backups.

The UI imports storage only through this module (an import-linter contract in
pyproject.toml checks it), so the engine, integrity checks, migrations and the
backup machinery can change without touching a dialog. Everything here is a
name the UI reads as a user-level action: open a library, is it damaged, list,
make and restore its backups.
"""

from __future__ import annotations

from pathlib import Path

from personadesigner.errors import UserError
from personadesigner.storage.backup import BackupInfo, BackupScheduler, list_backups, restore_backup
from personadesigner.storage.library import Library

__all__ = [
    "BackupInfo",
    "BackupScheduler",
    "Library",
    "back_up_now",
    "is_damaged",
    "library_file",
    "list_backups",
    "open_library",
    "restore_backup",
]


def open_library(location: str, *, create: bool = False, new_file: bool = False) -> Library:
    """``Library.open``: the library at a path or database URL."""
    return Library.open(location, create=create, new_file=new_file)


def library_file(location: str | None) -> Path | None:
    """The SQLite file of a library location (None for a database server or no location)."""
    if not location:
        return None
    from personadesigner.storage.engine import location_url, sqlite_path

    try:
        return sqlite_path(location_url(location))
    except UserError:
        return None


def is_damaged(location: str) -> bool:
    """True when the location is a SQLite file that fails SQLite's quick check."""
    path = library_file(location)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return False
    from personadesigner.storage import file_peek
    from personadesigner.storage.integrity import is_sqlite_file, quick_check

    try:
        return is_sqlite_file(path) and bool(quick_check(path))
    except UserError:  # busy (another program holds a lock) or not readable: not damaged
        return False
    finally:
        file_peek.release(path)  # kept only while a library of this process has the file open


def back_up_now(library: Path) -> Path:
    """A manual backup into the library's backups folder (old ones rotated); its path."""
    from personadesigner.storage.backup import make_backup, rotate

    path = make_backup(library, label="manual")
    rotate(library)
    return path


# ----------------------------------------------------------------- revision history (issue 13)
from personadesigner.storage.history import Revision, default_author, values_after  # noqa: E402

__all__ += ["Revision", "default_author", "revision_values", "values_after"]


def revision_values(persona, library=None) -> dict:  # noqa: ANN001 - core Persona, Library
    """The persona's fields as its revisions store them (the History panel compares with these)."""
    from personadesigner.images import photo_hash
    from personadesigner.storage.history import field_values

    return field_values(persona, photo_hash(persona.photo) if persona.photo is not None else None)
