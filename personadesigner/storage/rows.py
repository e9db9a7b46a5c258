"""Persona <-> table row, the only place that knows how the model is laid out in SQL."""

from __future__ import annotations

import dataclasses
import json
import operator
from collections.abc import Callable, Mapping
from typing import Any

from personadesigner.core.fields import FIELDS
from personadesigner.core.persona import (
    LIST_FIELDS,
    RECORD_LIST_FIELDS,
    RECORD_TYPES,
    CardDesign,
    Persona,
    fold,
)
from personadesigner.errors import ValidationError
from personadesigner.storage.columns import SCALAR_COLUMNS

#: List fields kept in the ``lists`` JSON column (tags have a column of their own).
JSON_LIST_FIELDS: tuple[str, ...] = tuple(f for f in LIST_FIELDS if f != "tags")
#: What ``Library.list(search=...)`` looks in: the fields the registry marks searchable.
SEARCH_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.searchable)


_search_values = operator.attrgetter(*SEARCH_FIELDS)


def search_text(p: Persona) -> str:
    """The searchable fields' non-empty texts, one a line, casefolded."""
    parts: list[str] = []
    for value in _search_values(p):
        if isinstance(value, list):
            parts += value
        else:
            parts.append(value)
    return fold("\n".join(filter(None, parts)))


_encode: Callable[[Any], bytes] | None = None


def _dumps(value: Any) -> str:
    """Compact JSON, UTF-8 unescaped: msgspec writes the same text as ``json.dumps`` several times faster.

    Text msgspec cannot encode (a lone UTF-16 surrogate) goes through ``json.dumps``, so
    ``_check_storable`` sees the character and refuses it naming the field.
    """
    global _encode
    if _encode is None:  # loaded on the first write: readers (storage.direct_read) start without msgspec
        from msgspec.json import encode as _encode
    try:
        return _encode(value).decode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError, OverflowError):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


#: The row's columns that hold text (search_text aside) once a persona is validated.
_TEXT_COLUMNS: tuple[str, ...] = (
    *SCALAR_COLUMNS,
    "id",
    "template",
    "theme",
    "created_at",
    "updated_at",
    "tags",
    "lists",
)


def _check_storable(p: Persona, row: dict[str, Any]) -> None:
    """Refuse text no database can hold: lone UTF-16 surrogates (from broken JSON) and NUL."""
    try:  # search_text is left out: casefolding makes neither a surrogate nor a NUL
        joined = "".join(map(row.__getitem__, _TEXT_COLUMNS))
    except (TypeError, KeyError):  # a field that is not text (not validated), a row of another shape
        joined = "".join([v for v in row.values() if isinstance(v, str)])
    try:
        joined.encode("utf-8")
        if "\x00" not in joined:
            return
    except UnicodeEncodeError:
        pass
    for key, value in row.items():
        if not isinstance(value, str) or key == "search_text":
            continue
        field_name = {"template": "card", "theme": "card"}.get(key, key)
        if key == "lists":
            field_name = next(
                (f for f in (*JSON_LIST_FIELDS, *RECORD_LIST_FIELDS) if not _encodable(_dumps(_plain(getattr(p, f))))),
                key,
            )
        if "\x00" in value:
            _refuse(p, field_name, "contains a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            _refuse(p, field_name, "contains a broken character (a lone UTF-16 surrogate)")


def _plain(items: list) -> list:
    return [dataclasses.asdict(item) if dataclasses.is_dataclass(item) else item for item in items]


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse(p: Persona, field_name: str, why: str) -> None:
    who = p.name.strip() or "(unnamed)"
    safe_who = who.encode("utf-8", "replace").decode("utf-8").replace("\x00", "?")
    raise ValidationError(f'Persona "{safe_who}": {field_name}: {why}.', persona=safe_who, field=field_name)


_scalar_values = operator.attrgetter(*SCALAR_COLUMNS)
_json_list_values = operator.attrgetter(*JSON_LIST_FIELDS)


def to_row(p: Persona, photo_hash: str | None) -> dict[str, Any]:
    """The ``personas`` row for ``p`` (id, timestamps and version already set)."""
    row: dict[str, Any] = dict(zip(SCALAR_COLUMNS, _scalar_values(p)))
    lists: dict[str, Any] = {}
    for name, value in zip(JSON_LIST_FIELDS, _json_list_values(p)):
        if value:
            lists[name] = value
    for name, keys in RECORD_LIST_FIELDS.items():
        records = getattr(p, name)
        if records:
            lists[name] = [{key: getattr(r, key) for key in keys} for r in records]
    row.update(
        id=p.id,
        template=p.card.template,
        theme=p.card.theme,
        created_at=p.created_at,
        updated_at=p.updated_at,
        version=p.version,
        photo_hash=photo_hash,
        tags=_dumps(p.tags),
        search_text=search_text(p),
        lists=_dumps(lists),
    )
    _check_storable(p, row)
    return row


#: Columns whose value is the persona's own, as stored (the scalar fields, id, timestamps, version).
_PLAIN_COLUMNS: tuple[str, ...] = (*SCALAR_COLUMNS, "id", "created_at", "updated_at", "version")
#: Every field of Persona, in order, each set by from_row: a persona read from a row has the
#: instance dict ``Persona(...)`` gives (all fields, this order).
_EMPTY_PERSONA: dict[str, None] = dict.fromkeys(f.name for f in dataclasses.fields(Persona))
if _EMPTY_PERSONA.keys() != {*_PLAIN_COLUMNS, "card", "tags", *JSON_LIST_FIELDS, *RECORD_TYPES, "photo"}:
    raise ImportError("storage.rows.from_row does not set every field of Persona; update it with the model")
_plain_values = operator.itemgetter(*_PLAIN_COLUMNS)
#: The columns from_row reads (a reader selecting only these skips the search text).
ROW_COLUMNS: tuple[str, ...] = (*_PLAIN_COLUMNS, "template", "theme", "tags", "lists")
#: The list fields kept in the ``lists`` column (a row holds only those a persona has).
_LISTS: tuple[str, ...] = (*JSON_LIST_FIELDS, *RECORD_TYPES)
_JSON_LISTS: frozenset[str] = frozenset(JSON_LIST_FIELDS)


def from_row(row: Mapping[str, Any], photo: bytes | None) -> Persona:
    """The persona a ``personas`` row holds (any mapping of column name to value), with its photo's bytes.

    Built without ``Persona.__init__``, which would make fourteen lists and a CardDesign only to
    have them replaced: reading 1000 personas for an export cost twice as much.
    """
    values = _EMPTY_PERSONA.copy()
    values.update(zip(_PLAIN_COLUMNS, _plain_values(row)))
    values["card"] = CardDesign(template=row["template"], theme=row["theme"])
    values["tags"] = _json_value(row["tags"], "[]", list)
    for name in _LISTS:
        values[name] = []
    for name, items in _json_value(row["lists"], "{}", dict).items():  # only the lists a persona has
        cls = RECORD_TYPES.get(name)
        if cls is not None:
            values[name] = [cls(**item) for item in items]
        elif name in _JSON_LISTS:
            values[name] = list(items)
    values["photo"] = photo
    p = object.__new__(Persona)
    p.__dict__.update(values)
    return p


def _json_value(text: str, empty_text: str, empty: type) -> Any:
    """The JSON column's value; the empty list or object most rows hold is not parsed."""
    return empty() if text == empty_text else json.loads(text)
