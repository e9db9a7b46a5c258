"""``personadesigner templates``: list the templates (built-in, then the library's), and move a
template between a JSON file and the library (``--import``, ``--export``, ``--delete``).

Listing never creates a library; importing checks the whole file before anything is
written (one line naming the file and key, the library unchanged).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from personadesigner.cli.text import PROG, one_line
from personadesigner.errors import UserError


def add_arguments(p: argparse.ArgumentParser) -> None:
    """``--import FILE [--name N]``, ``--export NAME --out FILE``, ``--delete NAME`` (one at a time)."""
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--import", dest="import_file", metavar="FILE", help="store a template JSON file in the library"
    )
    action.add_argument("--export", dest="export_name", metavar="NAME", help="write a template as a JSON file (--out)")
    action.add_argument("--delete", dest="delete_name", metavar="NAME", help="remove a template from the library")
    p.add_argument("--name", metavar="N", help="with --import: the name in the library (default: the file's name)")
    p.add_argument("--out", metavar="FILE", help="with --export: the JSON file to write")


def run_templates(args: argparse.Namespace) -> int:
    if args.name is not None and args.import_file is None:
        raise UserError("--name goes with --import FILE.")
    if (args.out is not None) != (args.export_name is not None):
        raise UserError("--export NAME and --out FILE go together.")
    if args.import_file is not None:
        return _with_library(args, _import)
    if args.delete_name is not None:
        return _with_library(args, _delete)
    if args.export_name is not None:
        return _export(args)
    return _list(args)


def _with_library(args: argparse.Namespace, work) -> int:  # noqa: ANN001 - (args, Library) -> int
    from personadesigner.samples import open_library

    with open_library(args.library) as library:
        for warning in library.warnings:
            print(f"{PROG}: warning: {one_line(warning)}", file=sys.stderr)
        return work(args, library)


def _import(args: argparse.Namespace, library) -> int:  # noqa: ANN001 - storage Library
    from personadesigner.core.template_file import template_from_file
    from personadesigner.core.templates import template_data

    path = Path(args.import_file).expanduser()
    if not path.is_file():
        raise UserError(f"--import {args.import_file}: there is no such template file.")
    data = template_data(template_from_file(path))  # refused naming the file and key before anything is written
    template = library.save_template(args.name if args.name is not None else path.stem, data)
    print(f'Imported the template "{template.name}" into the library.')
    return 0


def _delete(args: argparse.Namespace, library) -> int:  # noqa: ANN001 - storage Library
    library.delete_template(args.delete_name)
    print(f'Deleted the template "{args.delete_name}" from the library.')
    return 0


def _export(args: argparse.Namespace) -> int:
    """Write a built-in or library template (read from the library only when it is not built in)."""
    from personadesigner.core.template_file import write_template_file
    from personadesigner.core.templates import is_builtin_template, load_template, template_data

    name = args.export_name
    if is_builtin_template(name):
        data = template_data(load_template(name))
    else:
        data = _library_data(args, name)
    out = Path(args.out).expanduser()
    write_template_file(out, data)
    print(f'Wrote the template "{name}" to {out}.')
    return 0


def _library_data(args: argparse.Namespace, name: str) -> dict:
    from personadesigner.core.templates import template_names
    from personadesigner.samples import open_library

    with open_library(args.library, create=False, for_reading=True) as library:
        data = library.template_data(name)
        if data is None:
            from personadesigner.core.templates import use_templates

            use_templates(library.templates()[0])
            raise UserError(f'"{name}" is not a template (use one of: {", ".join(template_names())}).')
    return data


def _list(args: argparse.Namespace) -> int:
    """One row per template that loads: name, trim size, title, built-in or library; a template
    that cannot be used is named on stderr (exit 2), the others listed."""
    from personadesigner.cli.text import columns
    from personadesigner.core.templates import templates_and_problems
    from personadesigner.core.units import Length

    library_broken = _use_library_templates(args)
    good, broken = templates_and_problems()
    rows = [
        (
            t.name,
            f"{_mm(Length(t.width))} x {_mm(Length(t.height))} mm",
            t.title,
            "built-in" if t.origin == "builtin" else t.origin,
        )
        for t in good
    ]
    if rows:
        print("\n".join(columns(rows)))
    for problem in broken:
        print(f"{PROG}: error: {one_line(str(problem))}", file=sys.stderr)
    return 2 if broken or library_broken else 0


def _use_library_templates(args: argparse.Namespace) -> int:
    """Load the library's templates when the library exists (listing never creates one); how many are broken."""
    from personadesigner.samples import open_library

    try:
        library = open_library(args.library, create=False, for_reading=True)
    except UserError:
        if args.library or _default_library_exists():
            raise  # damaged, busy, unreadable: one sentence, exit 2 (never only the built-ins, as if all was well)
        return 0  # no default library yet: the built-in templates are all there is
    from personadesigner.cli.template_choice import use_library_templates

    with library:
        return use_library_templates(library, problem="error")


def _default_library_exists() -> bool:
    """False only when the default library is a SQLite file that is not there yet (a server always "exists")."""
    from personadesigner.paths import default_library
    from personadesigner.storage.api import library_file

    path = library_file(default_library())
    return path is None or path.exists()


def _mm(length) -> str:  # noqa: ANN001 - core.units.Length
    return f"{round(length.in_mm, 1):g}"
