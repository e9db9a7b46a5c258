"""The library's themes: read, save and delete the rows of the ``themes`` table.

Each row is a whole .pdtheme package (core.theme_package), checked by building
its Theme before it is written, so a broken theme never enters a library and a
failed save changes nothing. Built-in theme names are reserved: those themes
stay read-only, and a copy must be saved under a name of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from personadesigner.core.persona import now_iso
from personadesigner.core.theme_package import check_theme_name, pack, theme_from_package
from personadesigner.core.themes import Theme, is_builtin_theme
from personadesigner.errors import UserError
from personadesigner.storage.design_rows import THEMES_SQL, themes_from_rows
from personadesigner.storage.schema import themes as table
from personadesigner.storage.upsert import upsert

T = TypeVar("T")


def read_themes(conn: Connection) -> tuple[list[Theme], list[str]]:
    """Every library theme that builds, and one sentence per one that does not (newer app, damage)."""
    if not sa.inspect(conn).has_table(table.name):
        return [], []  # a library opened read-only before its upgrade: no themes of its own yet
    return themes_from_rows(conn.execute(sa.text(THEMES_SQL)))  # the SQL storage.file_reader runs too


def read_package(conn: Connection, name: str) -> bytes | None:
    """The stored .pdtheme bytes of the theme ``name`` (None: no such theme)."""
    got = conn.execute(sa.select(table.c.package).where(table.c.name == name)).scalar()
    return bytes(got) if got is not None else None


def save(
    write: Callable[[Callable[[Connection], T]], T], name: str, data: Mapping[str, Any], assets: Mapping[str, bytes]
) -> Theme:
    """Store theme JSON ``data`` with its files as the library theme ``name`` (replacing one of that name);
    UserError in one sentence, and nothing written, for a bad name or a broken theme."""
    name = check_theme_name(name)
    if is_builtin_theme(name):
        raise UserError(f'"{name}" is a built-in theme, which stays read-only; save the copy under another name.')
    package = pack(data, assets)
    theme = theme_from_package(name, package, f'the theme "{name}"')  # refuses before anything is written

    def work(conn: Connection) -> Theme:
        row = {"package": package, "updated_at": now_iso()}
        upsert(conn, table, {"name": name}, row)  # one statement: two users saving one new name at once both succeed
        return theme

    return write(work)


def delete(write: Callable[[Callable[[Connection], T]], T], name: str) -> None:
    def work(conn: Connection) -> None:
        if not conn.execute(table.delete().where(table.c.name == name)).rowcount:
            raise UserError(f'The library has no theme "{name}".')

    write(work)
