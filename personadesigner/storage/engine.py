"""Turn what the user gave (a file path or a SQLAlchemy URL) into a configured engine.

SQLite is the default and gets the settings that keep a desktop library safe
with several windows or processes on it: WAL (readers never block the writer),
a 10 s busy timeout, foreign keys ON, and BEGIN IMMEDIATE for writes so two
writers queue up instead of failing half-way with "database is locked".
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool, StaticPool

from personadesigner.errors import LibraryError, UsageError
from personadesigner.storage.netfs import FolderKind, classify_folder

BUSY_TIMEOUT_MS = 10_000
#: Execution option naming how a transaction begins on SQLite (DEFERRED or IMMEDIATE).
BEGIN_OPTION = "personadesigner_begin"

_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def is_url(text: str) -> bool:
    """True for "dialect[+driver]://..." (a Windows path such as C:\\x is not one)."""
    return bool(_URL_RE.match(text))


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL, None for in-memory or other databases."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database)


def _without_password(text: str) -> str:
    """A URL as typed, with the password (user:password@) masked for messages."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", text)


def location_url(location: str) -> URL:
    """The SQLAlchemy URL for a path or URL; a path's folder must exist."""
    if is_url(location):
        try:
            return sa.engine.make_url(location)
        except (sa.exc.ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number...
            detail = ""
            if isinstance(exc, ValueError):
                detail = " (its port is not a number)" if "int()" in str(exc) else f" ({exc})"
            raise UsageError(f'"{_without_password(location)}" is not a valid database URL{detail}.') from None
    path = Path(location).expanduser().absolute()
    return URL.create("sqlite", database=str(path))


def make_engine(location: str, *, wal: bool = True, folder: FolderKind | None = None) -> tuple[Engine, URL]:
    """A configured engine and its URL. ``wal=False`` leaves the file's journal mode alone.

    ``folder``: the file's folder, already checked to exist and classified by the caller
    (Library.open does both once); without it they are done here.
    """
    url = location_url(location)
    path = sqlite_path(url)
    if path is not None and folder is None:
        if not path.parent.is_dir():
            raise LibraryError(f'The folder "{path.parent}" does not exist.')
        folder = classify_folder(path)
    # Network shares and cloud-sync folders cannot share WAL's memory index: rollback journal there.
    shared_folder = folder is not None and folder.is_shared
    if url.get_backend_name() == "sqlite":
        kwargs: dict = {}
        if path is None:  # one shared in-memory database, not one per connection
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        engine = sa.create_engine(url, **kwargs)
        _configure_sqlite(engine, wal=wal and path is not None and not shared_folder, delete_journal=shared_folder)
    else:
        _quiet_driver_logs()
        try:
            engine = sa.create_engine(url, pool_pre_ping=True)
        except (ImportError, sa.exc.NoSuchModuleError):
            raise LibraryError(
                f'The database URL "{url.render_as_string()}" names a database driver that is not installed.'
            ) from None
        except sa.exc.ArgumentError as exc:
            raise LibraryError(f'The database URL "{url.render_as_string()}" is not usable: {exc}.') from None
    return engine, url


def make_readonly_engine(path: Path, url: URL) -> Engine:
    """An engine for a library that cannot be written: every connection is SQLite's mode=ro
    (immutable when the WAL index cannot be made, see integrity.connect_readonly).

    No pool: an immutable connection takes no locks and keeps its page cache, so once
    another program (a user who may write there) changed the file, a kept connection would
    mix old and new pages ("database disk image is malformed" on a healthy library).
    Each action reads through a new connection instead.
    """
    from personadesigner.storage.integrity import connect_readonly

    engine = sa.create_engine(url, creator=lambda: connect_readonly(path, check_same_thread=False), poolclass=NullPool)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        connection.exec_driver_sql("BEGIN")

    return engine


def _quiet_driver_logs() -> None:
    """Keep psycopg's own warnings off the terminal when nothing is set up to receive them.

    A transaction that loses a race (and is retried) makes psycopg log "error
    ignored terminating <Pipeline>"; with no handler anywhere, Python's last-resort
    handler would print it above the CLI's one-sentence answer. A NullHandler stops
    only that fallback: a log file configured on the root logger still gets them.
    """
    driver_log = logging.getLogger("psycopg")
    if not any(isinstance(h, logging.NullHandler) for h in driver_log.handlers):
        driver_log.addHandler(logging.NullHandler())


def _set_journal_mode(cursor, mode: str) -> None:
    """Switch the journal mode, waiting while another connection switches it too.

    Changing the mode needs an exclusive lock, and SQLite answers "database is
    locked" at once (without its busy handler) when two connections convert a new
    file at the same moment, as when two windows create one library together.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != mode:
                cursor.execute(f"PRAGMA journal_mode = {mode.upper()}")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _configure_sqlite(engine: Engine, *, wal: bool, delete_journal: bool = False) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is DEFERRED only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if wal:
            _set_journal_mode(cursor, "wal")
            cursor.execute("PRAGMA synchronous = NORMAL")
        elif delete_journal:
            _set_journal_mode(cursor, "delete")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def writer(engine: Engine) -> Engine:
    """The same engine (and pool) whose transactions take the write lock up front."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
