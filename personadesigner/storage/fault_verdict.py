"""What to tell the user when SQLite fails in the middle of an action: never "damaged" for a healthy library.

"database disk image is malformed" or "disk I/O error" during a read or a save do not
prove the file is damaged: a read can race another program's change (a read-only
snapshot of a library another user writes, a lock this process lost), and a disk can
fail once. Sending the user to restore a backup then costs them every change since it
was made. So before the word "damaged" is used, the file is checked afresh (PRAGMA
quick_check over a new read-only connection); a file that passes is called healthy.
"""

from __future__ import annotations

from pathlib import Path

from personadesigner.errors import LibraryError
from personadesigner.storage.integrity import quick_check


def _log_healthy(detail: str, path: Path) -> None:
    """Logged at info (never on the CLI's stderr). logging is imported only then: an export starts
    without it."""
    import logging

    logging.getLogger(__name__).info("SQLite reported %r on %s, which passes quick_check", detail, path)


#: What SQLite says when a read found pages that do not fit together.
DAMAGE_WORDS = ("malformed", "not a database")


def _fresh_problems(path: Path) -> list[str] | LibraryError:
    """quick_check's problems, or the LibraryError saying why the file cannot be checked now."""
    try:
        return quick_check(path)
    except LibraryError as exc:  # busy or unreadable: its own sentence, never "damaged"
        return exc


def action_error(detail: str, path: Path | None, busy_seconds: float) -> LibraryError | None:
    """The one sentence for what the database said during an action, when the user can act on it
    (busy, read-only, full, failing disk, damage checked afresh); None: not the environment's fault.
    ``detail``: the driver's message; ``busy_seconds``: how long the connection waited for a lock.
    Shared by the Library (through SQLAlchemy) and storage.file_reader (sqlite3 alone)."""
    text = detail.lower()
    if "locked" in text or "busy" in text:
        return LibraryError(
            f"The library is busy: another program kept it locked for more than {busy_seconds:g} seconds."
        )
    if "readonly" in text or "read-only" in text:
        return LibraryError("The library is read-only, so changes cannot be saved.")
    if "disk is full" in text:
        return LibraryError("The library could not be written: the disk is full.")
    if "disk i/o" in text:
        return disk_error_reported(path, detail)
    if any(word in text for word in DAMAGE_WORDS):
        return damage_reported(path, detail)
    return None


def damage_reported(path: Path | None, detail: str) -> LibraryError:
    """SQLite said "malformed" during an action: "damaged" only when a fresh check agrees."""
    if path is None:  # a database server checks its own pages
        return LibraryError("The library file is damaged; restore it from a backup.")
    return _checked_verdict(
        path,
        detail,
        f'The library "{path}" could not be read just now (another program may have been changing it), '
        "but its file checks as healthy: try again.",
    )


def disk_error_reported(path: Path | None, detail: str) -> LibraryError:
    """SQLite said "disk I/O error": the disk's fault; the file is checked before saying more."""
    if path is None:
        return LibraryError("The library could not be read or written: the disk reported an input/output error.")
    return _checked_verdict(
        path,
        detail,
        f'The library "{path}" could not be read or saved just now: the disk reported an input/output error, '
        "but the file checks as healthy; try again, and if it happens again copy the library to another disk.",
    )


def _checked_verdict(path: Path, detail: str, healthy: str) -> LibraryError:
    """What to say once a fresh check of the file has run: its problem, "damaged", or ``healthy``
    (and the error SQLite gave goes to the log, since the file did not explain it)."""
    found = _fresh_problems(path)
    if isinstance(found, LibraryError):
        return found
    if found:
        return _damaged(path, found)
    _log_healthy(detail, path)
    return LibraryError(healthy)


def _damaged(path: Path, found: list[str]) -> LibraryError:
    return LibraryError(
        f'The library "{path}" is damaged ({found[0]}); restore the latest backup '
        f'with `personadesigner restore --library "{path}" --from BACKUP`.'
    )
