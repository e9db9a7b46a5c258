"""The library's templates: read, save and delete the rows of the ``templates`` table.

Each row is a template's JSON (core.template_file), checked by building its
Template before it is written, so a broken template never enters a library and
a failed save changes nothing. Built-in template names are reserved: those
templates stay read-only, and a copy must be saved under a name of its own.
Mirrors storage.themes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from personadesigner.core.persona import now_iso
from personadesigner.core.template_file import check_template_name, library_label, template_from_data
from personadesigner.core.template_schema import TEMPLATE_VERSION
from personadesigner.core.templates import Template, is_builtin_template
from personadesigner.errors import UserError
from personadesigner.storage.design_rows import TEMPLATES_SQL, parsed_template, templates_from_rows
from personadesigner.storage.schema import templates as table
from personadesigner.storage.upsert import upsert

T = TypeVar("T")


def read_templates(conn: Connection) -> tuple[list[Template], list[str]]:
    """Every library template that builds, and one sentence per one that does not (newer app, damage)."""
    if not sa.inspect(conn).has_table(table.name):
        return [], []  # a library opened read-only before its upgrade: no templates of its own yet
    return templates_from_rows(conn.execute(sa.text(TEMPLATES_SQL)))  # the SQL storage.file_reader runs too


def read_data(conn: Connection, name: str) -> dict[str, Any] | None:
    """The stored JSON of the template ``name`` (None: no such template, or damaged beyond reading)."""
    if not sa.inspect(conn).has_table(table.name):
        return None
    text = conn.execute(sa.select(table.c.data).where(table.c.name == name)).scalar()
    if text is None:
        return None
    try:
        return parsed_template(text, name)
    except UserError:
        return None


def save(write: Callable[[Callable[[Connection], T]], T], name: str, data: Mapping[str, Any]) -> Template:
    """Store template JSON ``data`` as the library template ``name`` (replacing one of that name);
    UserError in one sentence, and nothing written, for a bad name or a broken template."""
    name = check_template_name(name)
    if is_builtin_template(name):
        raise UserError(f'"{name}" is a built-in template, which stays read-only; save the copy under another name.')
    if not isinstance(data, Mapping):
        raise UserError(f'The template "{name}" is not a template: its JSON is not an object.')
    body = {k: v for k, v in data.items() if k != "version"}
    stored = {"version": data.get("version", TEMPLATE_VERSION), **body}
    template = template_from_data(name, stored, library_label(name), "library")  # refuses before any write
    stored["version"] = TEMPLATE_VERSION
    text = json.dumps(stored, ensure_ascii=False)

    def work(conn: Connection) -> Template:
        row = {"data": text, "updated_at": now_iso()}
        upsert(conn, table, {"name": name}, row)  # one statement: two users saving one new name at once both succeed
        return template

    return write(work)


def delete(write: Callable[[Callable[[Connection], T]], T], name: str) -> None:
    """Remove the library template ``name``; a built-in or unknown name is one sentence."""
    if is_builtin_template(name):
        raise UserError(f'"{name}" is a built-in template, which stays read-only and cannot be deleted.')

    def work(conn: Connection) -> None:
        if not conn.execute(table.delete().where(table.c.name == name)).rowcount:
            raise UserError(f'The library has no template "{name}".')

    write(work)
