"""``personadesigner discover FILE``: draft personas from respondent data (survey or CRM export).

Registered by the command table in cli/__init__.py (``register(subparsers)``); the
handler returns the exit code. Heavy imports (numpy, openpyxl) happen inside the handler so other
commands start as fast as before. The report goes to stdout; ``--out`` writes
the drafts as interchange JSON, ``--assignments`` a respondent -> segment CSV
(cells that look like formulas are neutralised), ``--import`` stores the drafts
in one transaction.
"""

from __future__ import annotations

import argparse
import sys


def _column_entry(text: str) -> tuple[str, str]:
    column, sep, kind = text.rpartition("=")
    if not sep or not column.strip() or not kind.strip():
        raise argparse.ArgumentTypeError(f'"{text}" is not "Column=kind"')
    return column.strip(), kind.strip()


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "discover",
        help="draft personas from respondent data (survey or CRM export, .csv or .xlsx)",
        description="Segment respondents (Gower distance + k-medoids) and draft one persona per segment, "
        "tagged 'draft'. Prints the column kinds it guessed and a report per segment.",
    )
    p.add_argument("file", metavar="FILE", help=".csv or .xlsx, one row per respondent")
    p.add_argument("--segments", default="auto", metavar="N|auto", help="number of segments 2-8 (default auto)")
    p.add_argument("--id-column", metavar="C", help="the column naming each respondent")
    p.add_argument(
        "--column",
        metavar='"Name=kind"',
        action="append",
        type=_column_entry,
        default=[],
        help="correct a column's kind: identifier, number, category, multi, likert, text, date, ignore",
    )
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (same seed, same segments)")
    p.add_argument("--encoding", metavar="E", help="CSV: the file's text encoding (default UTF-8)")
    p.add_argument("--out", metavar="drafts.json", help="write the draft personas as interchange JSON")
    p.add_argument("--assignments", metavar="FILE.csv", help="write respondent id -> segment")
    p.add_argument("--import", dest="do_import", action="store_true", help="add the drafts to the library")
    p.add_argument("--library", "-L", metavar="L", help="library file or database URL (default: your library)")
    p.add_argument(
        "--against-library",
        action="store_true",
        help="match the new segments to the library's survey personas and report their drift",
    )
    p.add_argument(
        "--all-personas",
        action="store_true",
        help="with --against-library: match every persona, not only those from a survey",
    )
    p.add_argument(
        "--confirm",
        metavar="NAME|all",
        action="append",
        default=[],
        help="with --against-library: add the new survey as a source and set 'last validated' "
        "to today for this matched persona (repeatable; 'all': every match)",
    )
    p.set_defaults(handler=run_discover)


def run_discover(args: argparse.Namespace) -> int:
    from personadesigner.discovery import run
    from personadesigner.discovery.report import report_text

    segments = run.segments_arg(args.segments)
    table = run.load(args.file, args.encoding)
    columns = run.plan_columns(table, dict(args.column), args.id_column)
    result = run.discover(table, columns, segments, seed=args.seed)
    if args.against_library or args.confirm:
        return revalidate(result, args)
    sys.stdout.write(report_text(result))
    if args.out:
        from pathlib import Path

        from personadesigner.interchange.json_io import write_json

        write_json(result.drafts, Path(args.out))
        print(f"Wrote {len(result.drafts)} draft personas to {args.out}")
    if args.assignments:
        write_assignments(result, args.assignments)
        print(f"Wrote the segment of {len(table.rows)} respondents to {args.assignments}")
    if args.do_import:
        from personadesigner.samples import open_library

        with open_library(args.library) as library:
            library.add_many([p.copy() for p in result.drafts])  # one transaction: all or nothing
        print(f'Imported {len(result.drafts)} draft personas (tagged "draft")')
    return 0


def write_assignments(result, path: str) -> None:  # noqa: ANN001 - run.Discovery, imported lazily
    import csv

    from personadesigner.atomic import atomic_write
    from personadesigner.discovery.run import assignments_rows
    from personadesigner.interchange.csv_io import neutralise_formula

    id_name = result.id_column.name if result.id_column else "Row"
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([id_name, "Segment", "Draft persona"])
        for row in assignments_rows(result):
            writer.writerow([neutralise_formula(cell) for cell in row])


def revalidate(result, args: argparse.Namespace) -> int:  # noqa: ANN001 - run.Discovery, imported lazily
    """--against-library: the drift report, and with --confirm the new source and date in one transaction."""
    import datetime as _dt
    from pathlib import Path

    from personadesigner.discovery import revalidate as rv
    from personadesigner.errors import UserError
    from personadesigner.samples import open_library

    if not args.against_library:
        raise UserError("--confirm goes with --against-library.")
    with open_library(args.library) as library:
        found = rv.match(result, list(library.iter_personas()), all_personas=args.all_personas)
        sys.stdout.write(rv.report_text(found))
        if not args.confirm:
            return 0
        chosen = rv.confirmed(found, args.confirm)
        today = _dt.date.today()
        library.update_many([rv.validated(m, Path(result.table.source).name, today) for m in chosen])
    names = ", ".join(m.persona.name for m in chosen) or "none"
    print(
        f"Confirmed {len(chosen)} persona{'s' if len(chosen) != 1 else ''} "
        f"(new survey source, last validated {today.isoformat()}): {names}"
    )
    return 0
