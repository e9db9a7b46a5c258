"""``personadesigner templates|themes``: the card designs this installation knows."""

from __future__ import annotations

import argparse
import sys

from personadesigner.cli.text import PROG, one_line
from personadesigner.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``templates`` and ``themes``; both also list the library's own designs (cli.library_templates:
    importing, exporting and deleting templates)."""
    from personadesigner.cli.library_templates import add_arguments, run_templates
    from personadesigner.cli.options import library_option

    p = subparsers.add_parser(
        "templates",
        parents=[library_option()],
        help="list card templates with their trim sizes (built-in, then the library's); import, export, delete",
    )
    add_arguments(p)
    p.set_defaults(handler=run_templates)

    subparsers.add_parser(
        "themes", parents=[library_option()], help="list colour themes with their fonts (built-in, then the library's)"
    ).set_defaults(handler=cmd_themes)


def cmd_themes(args: argparse.Namespace | None = None) -> int:
    """One row per theme, like ``templates``: name, title and fonts, then what it is for; the
    library's themes follow the built-in ones (marked "library", with "logo" when they have one)."""
    from personadesigner.cli.text import columns
    from personadesigner.core.themes import themes_and_problems

    library_broken = _use_library_themes(args)
    good, broken = themes_and_problems()
    rows = [
        (
            t.name,
            t.title,
            f"{t.heading_family} headings, {t.body_family} text, {t.quote_family} quotes",
            _origin(t),
            t.description,
        )
        for t in good
    ]
    if rows:
        print("\n".join(columns(rows)))
    return max(_report_broken(broken), library_broken)


def _origin(theme) -> str:
    if theme.source == "builtin":
        return "built-in"
    return theme.source + (", logo" if theme.logo else "")


def _use_library_themes(args: argparse.Namespace | None) -> int:
    """Load the library's themes when the library exists (listing never creates one); 2 when one is broken."""
    from personadesigner.errors import UserError

    if args is None:
        return 0
    from personadesigner.samples import open_library

    try:
        library = open_library(args.library, create=False, for_reading=True)
    except UserError:
        if args.library:
            raise
        return 0  # no default library yet: the built-in themes are all there is
    with library:
        good, bad = library.themes()
    from personadesigner.core.themes import use_themes

    use_themes(good)
    for problem in bad:
        print(f"{PROG}: error: {one_line(problem)}", file=sys.stderr)
    return 2 if bad else 0


def _report_broken(problems: list[UserError]) -> int:
    """One line per design file that does not load; exit code 2 when there is any."""
    for problem in problems:
        print(f"{PROG}: error: {one_line(str(problem))}", file=sys.stderr)
    return 2 if problems else 0
