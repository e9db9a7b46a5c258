"""``personadesigner templates|themes``: the card designs this installation knows."""

from __future__ import annotations

import argparse
import sys

from personadesigner.cli.text import PROG, one_line
from personadesigner.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``templates`` and ``themes``; neither opens a library."""
    subparsers.add_parser("templates", help="list card templates with their trim sizes").set_defaults(
        handler=lambda _args: cmd_templates())
    subparsers.add_parser("themes", help="list colour themes with their fonts").set_defaults(
        handler=lambda _args: cmd_themes())


# ------------------------------------------------------------ templates
def cmd_templates() -> int:
    """One row per template that loads; a broken template file is named on stderr (exit 2), the others listed."""
    from personadesigner.cli.text import columns
    from personadesigner.core.templates import templates_and_problems
    from personadesigner.core.units import Length

    good, broken = templates_and_problems()
    rows = [(t.name, f"{_mm(Length(t.width))} x {_mm(Length(t.height))} mm", t.title) for t in good]
    if rows:
        print("\n".join(columns(rows)))
    return _report_broken(broken)


def cmd_themes() -> int:
    """One row per theme, like ``templates``: name, title and fonts, then what it is for."""
    from personadesigner.cli.text import columns
    from personadesigner.core.themes import themes_and_problems

    good, broken = themes_and_problems()
    rows = [(t.name, t.title, f"{t.heading_family} headings, {t.body_family} text, {t.quote_family} quotes",
             t.description) for t in good]
    if rows:
        print("\n".join(columns(rows)))
    return _report_broken(broken)


def _report_broken(problems: list[UserError]) -> int:
    """One line per design file that does not load; exit code 2 when there is any."""
    for problem in problems:
        print(f"{PROG}: error: {one_line(str(problem))}", file=sys.stderr)
    return 2 if problems else 0


def _mm(length) -> str:
    return f"{round(length.in_mm, 1):g}"
