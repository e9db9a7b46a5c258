"""``personadesigner templates|themes``: the card designs this installation knows."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``templates`` and ``themes``; neither opens a library."""
    subparsers.add_parser("templates", help="list card templates with their trim sizes").set_defaults(
        handler=lambda _args: cmd_templates())
    subparsers.add_parser("themes", help="list colour themes with their fonts").set_defaults(
        handler=lambda _args: cmd_themes())


# ------------------------------------------------------------ templates
def cmd_templates() -> int:
    from personadesigner.cli.text import columns
    from personadesigner.core.templates import load_template, template_names
    from personadesigner.core.units import Length

    rows = []
    for name in template_names():
        t = load_template(name)
        size = f"{_mm(Length(t.width))} x {_mm(Length(t.height))} mm"
        rows.append((t.name, size, t.title))
    if rows:
        print("\n".join(columns(rows)))
    return 0


def cmd_themes() -> int:
    """One row per theme, like ``templates``: name, title and fonts, then what it is for."""
    from personadesigner.cli.text import columns
    from personadesigner.core.themes import load_theme, theme_names

    rows = []
    for name in theme_names():
        t = load_theme(name)
        fonts = f"{t.heading_family} headings, {t.body_family} text, {t.quote_family} quotes"
        rows.append((t.name, t.title, fonts, t.description))
    if rows:
        print("\n".join(columns(rows)))
    return 0


def _mm(length) -> str:
    return f"{round(length.in_mm, 1):g}"
