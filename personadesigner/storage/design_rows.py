"""The library's themes and templates from their rows: one SQL text and one conversion for both routes.

Why: ``Library.themes``/``templates`` run this SQL through SQLAlchemy (files and
servers) and storage.file_reader runs the very same text through Python's sqlite3
module, so ``personadesigner export`` of a library file need not import
SQLAlchemy; a theme or template that cannot be used is the same sentence on both
routes. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from personadesigner.errors import UserError

if TYPE_CHECKING:
    from personadesigner.core.templates import Template
    from personadesigner.core.themes import Theme

#: Every library theme, its name and .pdtheme package, by name.
THEMES_SQL = "SELECT name, package FROM themes ORDER BY name"
#: Every library template, its name and JSON text, by name.
TEMPLATES_SQL = "SELECT name, data FROM templates ORDER BY name"


def themes_from_rows(rows: Iterable[tuple[str, Any]]) -> tuple[list[Theme], list[str]]:
    """Every theme of (name, package) rows that builds, and one sentence per one that does not."""
    good: list[Theme] = []
    bad: list[str] = []
    for name, package in rows:
        from personadesigner.core.theme_package import theme_from_package  # zipfile: only for a library's themes

        try:
            good.append(theme_from_package(name, bytes(package), f'the library theme "{name}"'))
        except UserError as exc:
            bad.append(str(exc))
    return good, bad


def templates_from_rows(rows: Iterable[tuple[str, str]]) -> tuple[list[Template], list[str]]:
    """Every template of (name, JSON text) rows that builds, and one sentence per one that does not."""
    from personadesigner.core.template_file import library_label, template_from_data

    good: list[Template] = []
    bad: list[str] = []
    for name, text in rows:
        try:
            good.append(template_from_data(name, parsed_template(text, name), library_label(name), "library"))
        except UserError as exc:
            bad.append(str(exc))
    return good, bad


def parsed_template(text: str, name: str) -> Any:
    """A stored template's JSON; a UserError naming it when the text cannot be read."""
    try:
        return json.loads(text)
    except ValueError:
        raise UserError(f'The library template "{name}" is damaged: its JSON cannot be read.') from None
