"""Revision history: every saved change of a persona, who made it, when, and the fields' old and new values.

The library calls in here from inside its own write transactions, so a revision
is stored together with the change it describes or not at all. Typing saves on
every keystroke; to keep that one cheap UPDATE (and the history readable), a
change to the same fields of the same persona by the same author within
``MERGE_SECONDS`` of the last revision's start updates that revision's new
values instead of adding one ("one revision per field per minute").

Field diffs come from the field registry (core/fields.py: FIELDS), in the JSON
contract's form (records as objects, the card as {template, theme}); the photo
is compared by its stored hash.
"""

from __future__ import annotations

import builtins
import datetime as _dt
import getpass
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from personadesigner.core.fields import FIELDS
from personadesigner.core.persona import Persona, persona_to_dict
from personadesigner.storage.schema import revisions

MERGE_SECONDS = 60
CREATED, CHANGED, TRASHED, RESTORED = "created", "changed", "trashed", "restored"
#: The fields a revision compares: everything a user edits (not id or timestamps).
DIFF_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.kind != "meta")


@dataclass(frozen=True)
class Revision:
    """One stored revision; ``changes`` maps a field to its (old, new) value, empty for created/trashed/restored."""

    id: int
    persona_id: str
    at: str
    author: str
    action: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "persona_id": self.persona_id,
            "at": self.at,
            "author": self.author,
            "action": self.action,
            "changes": {f: {"old": o, "new": n} for f, (o, n) in self.changes.items()},
        }


def default_author() -> str:
    """The OS user name (the app replaces it with the name set in its preferences)."""
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):  # no user name in this environment (some containers)
        return "unknown"


def utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def stamp(moment: _dt.datetime) -> str:
    """ISO 8601 UTC with seconds, as the library's other timestamps ("2026-11-23T10:15:00Z")."""
    return moment.astimezone(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_stamp(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def field_values(p: Persona, photo_hash: str | None) -> dict[str, Any]:
    """The persona's diffable fields in their JSON form (the photo as its hash)."""
    values = persona_to_dict(p, include_empty=True)
    out = {name: values.get(name) for name in DIFF_FIELDS if name != "photo"}
    out["photo"] = photo_hash
    return out


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Field -> [old, new] for every field whose value differs, in contract order."""
    return {name: [old.get(name), new.get(name)] for name in DIFF_FIELDS if old.get(name) != new.get(name)}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def record_change(
    conn: Connection, persona_id: str, old: dict[str, Any], new: dict[str, Any], *, author: str, now: _dt.datetime
) -> None:
    """Store the change of a saved persona, merged into its last revision when the minute rule allows."""
    changes = diff(old, new)
    if not changes:
        return
    last = conn.execute(
        sa.select(revisions.c.id, revisions.c.at, revisions.c.author, revisions.c.action, revisions.c.changes)
        .where(revisions.c.persona_id == persona_id)
        .order_by(revisions.c.id.desc())
        .limit(1)
    ).first()
    if last is not None and last.action == CHANGED and last.author == author:
        before = json.loads(last.changes)
        age = (now - parse_stamp(last.at)).total_seconds()
        if set(before) == set(changes) and 0 <= age < MERGE_SECONDS:
            merged = {name: [before[name][0], changes[name][1]] for name in changes}
            if all(old_new[0] == old_new[1] for old_new in merged.values()):  # typed, then took it all back
                conn.execute(revisions.delete().where(revisions.c.id == last.id))
            else:
                conn.execute(revisions.update().where(revisions.c.id == last.id).values(changes=_dumps(merged)))
            return
    conn.execute(
        revisions.insert().values(
            persona_id=persona_id, at=stamp(now), author=author, action=CHANGED, changes=_dumps(changes)
        )
    )


def record_events(conn: Connection, persona_ids: Iterable[str], action: str, *, author: str, now: _dt.datetime) -> None:
    """One revision without a field diff per persona (created, trashed, restored)."""
    rows = [
        {"persona_id": pid, "at": stamp(now), "author": author, "action": action, "changes": "{}"}
        for pid in persona_ids
    ]
    if rows:
        conn.execute(revisions.insert(), rows)


def forget(conn: Connection, persona_id: str) -> None:
    """A persona deleted for good takes its history with it."""
    conn.execute(revisions.delete().where(revisions.c.persona_id == persona_id))


def read(conn: Connection, persona_id: str) -> builtins.list[Revision]:
    """The persona's revisions, newest first."""
    rows = conn.execute(
        sa.select(revisions).where(revisions.c.persona_id == persona_id).order_by(revisions.c.id.desc())
    ).mappings()
    return [
        Revision(
            row["id"],
            row["persona_id"],
            row["at"],
            row["author"],
            row["action"],
            {name: (pair[0], pair[1]) for name, pair in json.loads(row["changes"]).items()},
        )
        for row in rows
    ]


def prune(conn: Connection, *, keep_days: int, now: _dt.datetime) -> int:
    """Delete the revisions older than ``keep_days`` days; how many went."""
    cutoff = stamp(now - _dt.timedelta(days=keep_days))
    return conn.execute(revisions.delete().where(revisions.c.at < cutoff)).rowcount or 0


def copy_revisions(src: Connection, dst: Connection, copy_table: Callable[[], int]) -> int:
    """storage/copy.py: replace the target's revisions with the source's (a source older than
    schema 0003 has none), then move a server's id sequence past the copied ids."""
    dst.execute(revisions.delete())
    if not sa.inspect(src).has_table("revisions"):
        return 0
    count = copy_table()
    if dst.dialect.name == "postgresql":
        dst.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence('revisions', 'id'), "
                "COALESCE((SELECT MAX(id) FROM revisions), 0) + 1, false)"
            )
        )
    return count


def values_after(current: dict[str, Any], history: builtins.list[Revision], revision_id: int) -> dict[str, Any]:
    """The persona's field values right after revision ``revision_id``, worked back from ``current``
    through the newer revisions (``history`` newest first, as ``read`` returns it)."""
    values = dict(current)
    for revision in history:
        if revision.id == revision_id:
            return values
        for name, (old, _new) in revision.changes.items():
            values[name] = old
    raise KeyError(revision_id)
