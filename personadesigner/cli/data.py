"""The `copy`, `backup` and `restore` commands: moving and safeguarding whole libraries.

Registered by the command table in cli/__init__.py, which calls
``register(subparsers)`` and runs ``args.handler(args)``. Handlers return the exit
code and raise UserError for problems the user can fix (printed as one line).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from personadesigner.errors import LibraryError
from personadesigner.paths import default_library, user_data_dir

# The storage modules (they load SQLAlchemy, ~0.2 s) are imported by the handlers that use
# them: `personadesigner --help` imports this module only to register its commands.


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `copy`, `backup` and `restore` to the main parser's subcommands."""
    p = subparsers.add_parser(
        "copy",
        help="copy a whole library (every persona, photo and the trash) to another location",
        description="Copy a whole library, e.g. a SQLite file to a PostgreSQL team library or back. "
        "The target must be new or empty.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="LIBRARY", help="the library to copy (path or URL)")
    p.add_argument("--to", dest="target", required=True, metavar="LIBRARY", help="where to copy it (path or URL)")
    p.set_defaults(handler=run_copy)

    p = subparsers.add_parser(
        "backup",
        help="back up a library (into its backups folder, or --out FILE)",
        description="Make a consistent backup while the library may be in use. Without --out the backup goes "
        "to the library's backups folder (old ones are rotated).",
    )
    p.add_argument("--library", metavar="LIBRARY", help="path or URL (default: the user library)")
    p.add_argument("--out", metavar="FILE", help="write the backup to this .sqlite file")
    p.add_argument("--list", action="store_true", help="list the library's backups, newest first")
    p.set_defaults(handler=run_backup)

    p = subparsers.add_parser(
        "restore",
        help="replace a library's content with a backup (the current content is backed up first)",
    )
    p.add_argument("--library", metavar="LIBRARY", help="path or URL (default: the user library)")
    p.add_argument("--from", dest="backup", required=True, metavar="FILE", help="the backup .sqlite file")
    p.set_defaults(handler=run_restore)


def _library_arg(args: argparse.Namespace) -> str:
    return getattr(args, "library", None) or default_library()


def _sqlite_file(location: str) -> Path | None:
    """The file of a SQLite library location, None for a server URL."""
    from personadesigner.storage.engine import location_url, sqlite_path

    return sqlite_path(location_url(location))


# ------------------------------------------------------------------- copy
def run_copy(args: argparse.Namespace) -> int:
    from personadesigner.storage.copy import copy_library

    report = copy_library(args.source, args.target)
    print(
        f"Copied {report.personas} personas ({report.trashed} in the trash) and {report.photos} photos "
        f"to {_display(args.target)}."
    )
    return 0


def _display(location: str) -> str:
    from personadesigner.storage.engine import is_url, location_url

    if is_url(location):
        return location_url(location).render_as_string(hide_password=True)
    return location


# ----------------------------------------------------------------- backup
def run_backup(args: argparse.Namespace) -> int:
    from personadesigner.storage import backup as backups
    from personadesigner.storage.integrity import utc_stamp

    location = _library_arg(args)
    path = _sqlite_file(location)
    if args.list:
        if path is None:
            raise LibraryError("Only SQLite libraries keep a backups folder; back up a server library with --out FILE.")
        for b in backups.list_backups(path):
            when = b.created.strftime("%Y-%m-%d %H:%M:%S UTC")
            print(f"{when}\t{b.size // 1024} KB\t{b.label or 'scheduled'}\t{b.path}")
        return 0
    if path is not None:
        if not path.is_file():
            raise LibraryError(f'There is no library at "{path}".')
        from personadesigner.storage.integrity import ensure_healthy

        ensure_healthy(path)
        if args.out:
            out = Path(args.out)
            if out.exists() and out.resolve() == path.resolve():
                raise LibraryError("The backup file cannot be the library itself.")
            if not out.parent.is_dir():
                raise LibraryError(f'The folder "{out.parent}" does not exist.')
            backups.copy_database(path, out)
        else:
            out = backups.make_backup(path, label="manual")
            backups.rotate(path)
    else:
        out = (
            Path(args.out)
            if args.out
            else user_data_dir() / "backups" / f"{_server_stem(location)}-{utc_stamp()}.sqlite"
        )
        _server_to_file(location, out)
    print(f"Backed up to {out}")
    return 0


def _server_stem(location: str) -> str:
    from personadesigner.storage.engine import location_url

    return location_url(location).database or "library"


def _server_to_file(location: str, out: Path) -> None:
    """Snapshot a server library into a new SQLite file (written aside, then renamed)."""
    from personadesigner.storage.copy import copy_library

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        copy_library(location, str(tmp))
        os.replace(tmp, out)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(tmp) + suffix).unlink()


# ---------------------------------------------------------------- restore
def run_restore(args: argparse.Namespace) -> int:
    from personadesigner.storage import backup as backups
    from personadesigner.storage.integrity import utc_stamp

    location = _library_arg(args)
    source = Path(args.backup)
    path = _sqlite_file(location)
    if path is not None:
        if not path.parent.is_dir():
            raise LibraryError(f'The folder "{path.parent}" does not exist.')
        safety = backups.restore_backup(path, source)  # checks the backup first
    else:
        from personadesigner.storage.copy import copy_library

        backups.validate_backup(source)  # before the safety copy of the server is made

        safety = user_data_dir() / "backups" / f"{_server_stem(location)}-{utc_stamp()}-before-restore.sqlite"
        _server_to_file(location, safety)
        copy_library(str(source), location, replace=True)
    print(f"Restored {_display(location)} from {source}.")
    if safety is not None:
        print(f"The previous content was backed up to {safety}", file=sys.stderr)
    return 0
