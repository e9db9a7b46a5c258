"""The persona list as one SQL text and one ordering, shared by every way a library is read.

``Library.list`` runs this SQL through SQLAlchemy (SQLite files and database
servers alike) and ``storage.direct_read`` runs the very same text through
Python's own sqlite3 module, so ``personadesigner list`` can skip importing
SQLAlchemy; the filters the database cannot do (whole tags, Unicode-aware
order) are applied to the rows here, once for both. Nothing here imports
SQLAlchemy: this module is on the start-up path of ``list``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from personadesigner.core.persona import PERSONA_TYPES, fold
from personadesigner.errors import UserError

SORTS = ("name", "updated", "type")
#: The columns a summary is made of: a narrow SELECT, never the stories or the lists.
SUMMARY_COLUMNS = ("id", "name", "type", "role", "tags", "photo_hash", "updated_at", "version")


@dataclass(frozen=True)
class PersonaSummary:
    """What a list of personas shows, without loading whole personas."""

    id: str
    name: str
    type: str
    role: str
    tags: tuple[str, ...]
    photo_hash: str | None
    updated_at: str
    version: int


def check_sort(sort: str) -> None:
    if sort not in SORTS:
        raise UserError(f'Unknown sort "{sort}" (use one of: {", ".join(SORTS)}).')


def summary_query(
    *,
    search: str | None = None,
    type: str | None = None,  # noqa: A002 - the contract's field name
    deleted: bool = False,
) -> tuple[str, dict[str, str]]:
    """The SELECT of the summaries (or of the trash) and its named parameters (``:name`` style,
    which both SQLAlchemy's ``text`` and sqlite3 take). Search is one LIKE over the
    precomputed, casefolded ``search_text``; the user's ``%``, ``_`` and ``\\`` are plain
    characters."""
    where = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
    params: dict[str, str] = {}
    if type:
        where.append("type = :type")
        params["type"] = type
    if search and search.strip():
        needle = fold(search.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("search_text LIKE :needle ESCAPE '\\'")
        params["needle"] = f"%{needle}%"
    sql = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM personas WHERE {' AND '.join(where)}"
    return sql, params


@functools.lru_cache(maxsize=4096)
def _tag_tuple(text: str) -> tuple[str, ...]:
    """Most personas share a few tag lists: each distinct one is parsed once per list."""
    return tuple(json.loads(text))


def to_summary(row: Mapping[str, Any]) -> PersonaSummary:
    return PersonaSummary(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        role=row["role"],
        tags=_tag_tuple(row["tags"]),
        photo_hash=row["photo_hash"],
        updated_at=row["updated_at"],
        version=row["version"],
    )


def arrange(rows: Iterable[Mapping[str, Any]], *, tag: str | None = None, sort: str = "name") -> list[PersonaSummary]:
    """The summaries of ``rows`` with a whole tag (ignoring case), in the list's order:
    name ignoring case, then id (so equal names keep one order on every database)."""
    result = [to_summary(row) for row in rows]
    if tag:
        wanted = fold(tag)
        result = [s for s in result if any(fold(t) == wanted for t in s.tags)]
    if sort == "name":
        result.sort(key=lambda s: (fold(s.name), s.id))
    elif sort == "updated":
        result.sort(key=lambda s: (fold(s.name), s.id))
        result.sort(key=lambda s: s.updated_at, reverse=True)
    else:
        order = {t: i for i, t in enumerate(PERSONA_TYPES)}
        result.sort(key=lambda s: (order.get(s.type, len(order)), fold(s.name), s.id))
    return result
