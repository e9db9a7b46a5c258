"""List a library file with Python's own sqlite3 module: ``personadesigner list`` without SQLAlchemy.

Why: ``list`` is mostly start-up. Importing SQLAlchemy alone costs about four
times the sqlite3 shell's whole LIKE query over 100,000 personas, and listing
an up-to-date library file needs none of it: the SQL and the order are
storage.listing's (the ones ``Library.list`` runs), over one read-only connection.

The file is judged exactly as ``Library.open`` judges it for a read-only
command (opening.probe_sqlite_file: a damaged file is kept aside and refused,
a quick_check passed in the file's present state is trusted), and the same
folder warning is given. Everything this path does not handle returns None and
the caller opens the Library as before, which creates, upgrades or refuses: a
database URL, a missing or zero-byte file, a schema older or newer than this
version's, an answer from SQLite other than rows, busy or unreadable.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from personadesigner.storage.integrity import cannot_read_or_busy, connect_readonly
from personadesigner.storage.listing import PersonaSummary, arrange, check_sort, summary_query
from personadesigner.storage.migrate import HEAD_REVISION, VERSION_TABLE
from personadesigner.storage.netfs import classify_folder, location_warning
from personadesigner.storage.opening import probe_sqlite_file

T = TypeVar("T")

#: "dialect[+driver]://..." (storage.engine.is_url, without importing SQLAlchemy).
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


@dataclass(frozen=True)
class Listing:
    """The summaries, and the sentences the user should see on opening (as ``Library.warnings``)."""

    summaries: list[PersonaSummary]
    warnings: list[str] = field(default_factory=list)


def list_file(
    location: str,
    *,
    search: str | None = None,
    type: str | None = None,  # noqa: A002 - the contract's field name
    tag: str | None = None,
    sort: str = "name",
) -> Listing | None:
    """What ``Library.open(location, for_reading=True).list(...)`` returns, or None when only
    the Library can answer (see the module docstring)."""
    check_sort(sort)
    path = up_to_date_file(location)
    if path is None:
        return None
    conn = connect(path)
    if conn is None:
        return None
    try:
        sql, params = summary_query(search=search, type=type)
        rows = read_current(conn, path, lambda c: c.execute(sql, params).fetchall())
    finally:
        conn.close()
    if rows is None:
        return None
    return Listing(arrange(rows, tag=tag, sort=sort), folder_warnings(path))


def up_to_date_file(location: str) -> Path | None:
    """The library file at ``location`` when it can be read directly: a plain SQLite library file of
    this version's schema, judged as ``Library.open`` judges it for a read-only command (a damaged
    or foreign file raises its LibraryError here). None: only the Library can answer."""
    if _URL_RE.match(location):
        return None
    path = Path(location).expanduser().absolute()
    if not path.exists():  # created (with its folder, for the default library) by Library.open
        return None
    probe = probe_sqlite_file(path, trust_recent_check=True)  # raises for damaged and foreign files
    if not probe.exists or probe.empty_file or probe.revision != HEAD_REVISION:
        return None
    return path


def folder_warnings(path: Path) -> list[str]:
    """The sentence ``Library.warnings`` gives for the file's folder (network, cloud sync), if any."""
    warning = location_warning(path, kind=classify_folder(path))
    return [warning] if warning else []


def connect(path: Path) -> sqlite3.Connection | None:
    """A read-only connection giving rows by column name; None: ask the Library."""
    try:
        conn = connect_readonly(path)
    except sqlite3.OperationalError as exc:
        raise cannot_read_or_busy(path, exc) from None
    except sqlite3.DatabaseError:
        return None
    conn.row_factory = sqlite3.Row
    return conn


def read_current(
    conn: sqlite3.Connection,
    path: Path,
    work: Callable[[sqlite3.Connection], T],
    refusal: Callable[[Path, sqlite3.Error], Exception | None] | None = None,
) -> T | None:
    """``work(conn)`` in one read transaction that also sees the schema is still this version's
    (an upgrade may land between the probe and the query); None: ask the Library. ``work``
    never returns None itself. ``refusal``: the error to raise for what SQLite said (None: ask
    the Library); by default busy or unreadable is refused, damage is left to the Library."""
    try:
        conn.execute("BEGIN")  # one snapshot for both reads
        try:
            revision = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
            if revision is None or revision[0] != HEAD_REVISION:
                return None
            return work(conn)
        finally:
            conn.rollback()  # a read: nothing to keep, and the snapshot is let go
    except sqlite3.Error as exc:
        if isinstance(exc, sqlite3.OperationalError) and "no such" in str(exc):
            return None  # a table or column another version's schema lacks
        refused = (refusal or _refusal)(path, exc)
        if refused is None:
            return None
        raise refused from None


def _refusal(path: Path, exc: sqlite3.Error) -> Exception | None:
    """Busy or unreadable in one sentence; damage quick_check could not see: the Library says it in its words."""
    if isinstance(exc, sqlite3.OperationalError):
        return cannot_read_or_busy(path, exc)
    return None
