"""``personadesigner history``: a persona's revisions (newest first), or pruning old ones.

``history PERSONA`` prints one line per revision (date, author, what changed);
``--json`` prints them in full, old and new values included. ``history --prune
--keep-days N`` deletes revisions older than N days from the whole library.
Registered by the command table in cli/__init__.py.
"""

from __future__ import annotations

import argparse
import json
import sys

from personadesigner.cli.options import library_option
from personadesigner.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "history",
        parents=[library_option()],
        help="show a persona's revisions, or prune old ones",
        description="Every saved change of a persona: when, who, which fields (newest first).",
    )
    p.add_argument("persona", metavar="PERSONA", nargs="?", help="the persona's id or name")
    p.add_argument("--json", action="store_true", help="print the revisions as JSON, with old and new values")
    p.add_argument("--prune", action="store_true", help="delete old revisions of every persona")
    p.add_argument("--keep-days", type=int, metavar="N", help="with --prune: keep the revisions of the last N days")
    p.set_defaults(handler=run_history)


def run_history(args: argparse.Namespace) -> int:
    from personadesigner.cli.commands import on_library

    if args.prune:
        if args.keep_days is None:
            raise UserError("--prune needs --keep-days N (the revisions of the last N days are kept).")
        return on_library(args, _prune)
    if not args.persona:
        raise UserError("Name a persona (id or name), or use --prune --keep-days N.")
    return on_library(args, _show)


def _prune(args: argparse.Namespace, library) -> int:  # noqa: ANN001 - storage.Library, imported lazily
    removed = library.prune_history(args.keep_days)
    print(f"Removed {removed} revision{'s' if removed != 1 else ''} older than {args.keep_days} days.")
    return 0


def _show(args: argparse.Namespace, library) -> int:  # noqa: ANN001
    from personadesigner.core.persona import field_label

    persona = library.find(args.persona)
    revisions = library.history(persona.id)
    if args.json:
        data = {"persona": {"id": persona.id, "name": persona.name}, "revisions": [r.to_dict() for r in revisions]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not revisions:
        print(f"No revisions of \u201c{persona.name}\u201d are kept.")
        return 0
    print(f"{persona.name} ({persona.id})")
    for r in revisions:
        what = ", ".join(field_label(f) for f in r.fields) if r.fields else r.action
        when = r.at.replace("T", " ").replace("Z", " UTC")
        print(f"{when}  {r.author}  {what}")
    return 0
