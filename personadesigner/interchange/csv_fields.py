"""How spreadsheet columns and cells map to persona fields (data, plus small codecs).

Survey and CRM exports name columns their own way ("Job title", "Frustrations",
"Bio"), so headers are matched loosely: case-insensitive, with spaces, dashes
and underscores alike, and through the synonyms the field registry (core/fields.py) declares. Record fields are
written as one readable line per record, in the formats documented in csv_io.
"""

from __future__ import annotations

import re

from personadesigner.core.fields import FIELDS
from personadesigner.core.persona import (
    FIELD_LABELS,
    PERSONA_TYPES,
    RELATION_LABELS,
    RELATIONS,
    TYPE_LABELS,
)

#: Extra header names per field (the field name and its label always match too).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {spec.name: spec.csv_synonyms for spec in FIELDS if spec.csv_synonyms}
#: The columns a CSV carries, in contract order (images do not fit in a cell).
CSV_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.in_csv)


def header_key(text: str) -> str:
    """The comparison form of a header: "Pain-points " -> "pain points"."""
    return " ".join(re.sub(r"[\s\-_]+", " ", text.strip().lower()).split())


def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name in CSV_FIELDS:
        for alias in (name, FIELD_LABELS.get(name, name), *HEADER_SYNONYMS.get(name, ())):
            index.setdefault(header_key(alias), name)
    return index


HEADER_INDEX: dict[str, str] = _header_index()


def field_for_header(header: str) -> str | None:
    """The persona field a column header names, or None."""
    return HEADER_INDEX.get(header_key(header))


def _choice_index(keys: tuple[str, ...], labels: dict[str, str], extra: dict[str, str]) -> dict[str, str]:
    index = {header_key(k): k for k in keys}
    index.update({header_key(v): k for k, v in labels.items()})
    index.update({header_key(k): v for k, v in extra.items()})
    return index


_TYPE_INDEX = _choice_index(
    PERSONA_TYPES,
    TYPE_LABELS,
    {"negative": "negative", "enduser": "end_user", "user": "end_user", "decider": "decision_maker"},
)
_RELATION_INDEX = _choice_index(
    RELATIONS, RELATION_LABELS, {"approves": "approves_for", "uses": "uses_what_is_bought_by"}
)


def persona_type(text: str) -> str:
    """ "End user" -> "end_user"; an unknown value is returned as typed (validation names it)."""
    return _TYPE_INDEX.get(header_key(text), text.strip())


def relation_key(text: str) -> str:
    return _RELATION_INDEX.get(header_key(text), text.strip())
