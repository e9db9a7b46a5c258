"""The commands behind ``personadesigner list|show|import|check``: one library, one action.

Each command opens the library for one action and closes it; results go to
stdout, warnings to stderr, and known problems are raised as UserError for
``cli.main`` to report in one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from personadesigner.cli.options import library_option
from personadesigner.cli.text import PROG, one_line
from personadesigner.core.persona import PERSONA_TYPES, Persona
from personadesigner.errors import InterchangeError, UserError

if TYPE_CHECKING:
    from personadesigner.storage.file_reader import ReadableLibrary
    from personadesigner.storage.library import Library
    from personadesigner.storage.listing import PersonaSummary


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``list``, ``show``, ``import`` and ``check``; each runs through ``run_command``."""
    library = library_option()
    p = subparsers.add_parser("list", parents=[library], help="list personas")
    p.add_argument("--type", help="only this persona type")
    p.add_argument("--search", metavar="TEXT", help="only personas whose text contains TEXT")
    p.add_argument("--tag", help="only personas with this tag")
    p.add_argument(
        "--stale",
        nargs="?",
        const=12,
        type=int,
        metavar="MONTHS",
        help="only personas last validated MONTHS or more ago (default 12)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = subparsers.add_parser("show", parents=[library], help="show one persona")
    p.add_argument("persona", metavar="PERSONA", help="id or exact name")
    p.add_argument("--json", action="store_true", help="print the persona's JSON")

    p = subparsers.add_parser("import", parents=[library], help="import .json or .csv files (all or nothing)")
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument(
        "--map",
        metavar='"Column=field"',
        action="append",
        type=_map_entry,
        default=[],
        help="CSV: import a column as this field (empty field: ignore it)",
    )
    p.add_argument("--encoding", metavar="E", help="CSV: the file's text encoding (default UTF-8)")

    subparsers.add_parser("check", parents=[library], help="check the library's integrity and schema")
    for name in _COMMANDS:
        subparsers.choices[name].set_defaults(handler=run_command)
    subparsers.choices["list"].set_defaults(handler=run_list)
    subparsers.choices["show"].set_defaults(handler=run_show)


def _map_entry(text: str) -> tuple[str, str]:
    column, sep, field = text.rpartition("=")
    if not sep or not column.strip():
        raise argparse.ArgumentTypeError(f'"{text}" is not "Column=field"')
    return column, field.strip()


def run_command(args: argparse.Namespace) -> int:
    return on_library(args, _COMMANDS[args.command])


def on_library(args: argparse.Namespace, command: Callable[[argparse.Namespace, Library], int]) -> int:
    """Open the library of ``--library``, say its warnings, run ``command`` on it, close it."""
    from personadesigner.samples import open_library

    with open_library(args.library, for_reading=args.command in READING_COMMANDS) as library:
        for warning in library.warnings:
            warn(warning)
        return command(args, library)


def on_library_file(args: argparse.Namespace, command: Callable[[argparse.Namespace, ReadableLibrary], int]) -> int:
    """``on_library`` for a command that only reads: a library file is read with the sqlite3 module
    alone (storage.file_reader), so the command starts without SQLAlchemy; everything else (a URL,
    a new default library, an upgrade, a newer schema) opens the Library as ``on_library`` does."""
    from personadesigner.paths import default_library
    from personadesigner.storage.file_reader import open_file_reader

    reader = open_file_reader(args.library or default_library())
    if reader is None:
        return on_library(args, command)
    with reader:
        for warning in reader.warnings:
            warn(warning)
        return command(args, reader)


def warn(message: str) -> None:
    print(f"{PROG}: warning: {one_line(message)}", file=sys.stderr)


# ----------------------------------------------------------------- list
def run_list(args: argparse.Namespace) -> int:
    """``list`` of a library file reads it with the sqlite3 module alone (storage.direct_read),
    so it starts without SQLAlchemy; the rest (servers, new files, upgrades, --stale) opens
    the Library. Both give the same personas in the same order (storage.listing)."""
    if args.stale is None:
        from personadesigner.paths import default_library
        from personadesigner.storage.direct_read import list_file

        persona_type = _type_filter(args.type) if args.type else None
        listing = list_file(args.library or default_library(), search=args.search, type=persona_type, tag=args.tag)
        if listing is not None:
            for warning in listing.warnings:
                warn(warning)
            return print_summaries(args, listing.summaries)
    return on_library(args, cmd_list)


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    persona_type = _type_filter(args.type) if args.type else None
    summaries = library.list(search=args.search, type=persona_type, tag=args.tag)
    if getattr(args, "stale", None) is not None:
        from personadesigner.stale_personas import stale_ids

        stale = stale_ids(library, args.stale)
        summaries = [s for s in summaries if s.id in stale]
    return print_summaries(args, summaries)


def print_summaries(args: argparse.Namespace, summaries: list[PersonaSummary]) -> int:
    """The list as aligned columns (name, type, role) or, with ``--json``, as JSON."""
    if args.json:
        rows = [
            {
                "id": s.id,
                "name": s.name,
                "type": s.type,
                "role": s.role,
                "tags": list(s.tags),
                "updated_at": s.updated_at,
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    from personadesigner.cli.text import columns

    lines = columns([(s.name, s.type, s.role) for s in summaries])
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _type_filter(text: str) -> str:
    from personadesigner.interchange.csv_fields import persona_type

    value = persona_type(text)
    if value not in PERSONA_TYPES:
        raise UserError(f'"{text}" is not a persona type (use one of: {", ".join(PERSONA_TYPES)}).')
    return value


# ----------------------------------------------------------------- show
def run_show(args: argparse.Namespace) -> int:
    """``show`` only reads: a library file is read without SQLAlchemy (``on_library_file``)."""
    return on_library_file(args, cmd_show)


def cmd_show(args: argparse.Namespace, library: ReadableLibrary) -> int:
    persona = library.find(args.persona)
    if args.json:
        from personadesigner.interchange.json_io import persona_document
        from personadesigner.interchange.photo_refs import to_data_url

        doc = persona_document(persona, to_data_url(persona.photo) if persona.photo else None)
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    from personadesigner.cli.text import persona_text

    print(persona_text(persona, _namer(library, persona)))
    return 0


def _namer(library: ReadableLibrary, persona: Persona) -> Callable[[str], str]:
    if not persona.related:
        return lambda ref: ref
    names = {s.id: s.name for s in library.list()}
    return lambda ref: names.get(ref, ref)


# --------------------------------------------------------------- import
def cmd_import(args: argparse.Namespace, library: Library) -> int:
    """Every file's personas, read, validated and stored one chunk at a time, in ONE transaction:
    a problem anywhere (an invalid persona in the last row of the last file) stores nothing."""
    from personadesigner.interchange.checks import Warnings

    warnings = Warnings()

    def personas():
        warnings.clear()  # a retried transaction reads the files again
        for name in args.files:
            yield from iter_import_file(Path(name), warnings, encoding=args.encoding, mapping=dict(args.map))

    count = library.add_stream(personas)  # refuses duplicate or taken ids
    for warning in warnings.lines():
        warn(warning)
    print(f"Imported {count} persona{'' if count == 1 else 's'}")
    return 0


def iter_import_file(
    path: Path, warnings, *, encoding: str | None = None, mapping: dict[str, str] | None = None
) -> Iterator[Persona]:
    """The personas of one import file by its suffix (.json, .csv/.tsv/.txt), one at a time."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        from personadesigner.interchange.json_io import iter_json

        return iter_json(path, warnings)
    if suffix in (".csv", ".tsv", ".txt"):
        from personadesigner.interchange.csv_io import iter_csv

        return iter_csv(path, warnings, encoding=encoding, mapping=mapping)
    raise InterchangeError(f"{path}: cannot import a {suffix or 'suffix-less'} file (use .json or .csv).")


# ---------------------------------------------------------------- check
def cmd_check(args: argparse.Namespace, library: Library) -> int:
    problems = library.check()
    if problems:
        for problem in problems:
            print(f"{PROG}: error: {one_line(problem)}", file=sys.stderr)
        return 2
    print(f"OK: {library.count()} personas, schema {library.schema_revision()}")
    return 0


#: Commands that never change the library: a quick_check it passed unchanged is trusted (storage.check_cache).
READING_COMMANDS = frozenset({"list", "show", "export"})
_COMMANDS = {"list": cmd_list, "show": cmd_show, "import": cmd_import, "check": cmd_check}
