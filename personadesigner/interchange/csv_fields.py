"""How spreadsheet columns and cells map to persona fields (data, plus small codecs).

Survey and CRM exports name columns their own way ("Job title", "Frustrations",
"Bio"), so headers are matched loosely: case-insensitive, with spaces, dashes
and underscores alike, and through the synonym table below. Record fields are
written as one readable line per record, in the formats documented in csv_io.
"""

from __future__ import annotations

import re

from personadesigner.core.persona import (
    ALL_FIELDS,
    FIELD_LABELS,
    PERSONA_TYPES,
    RELATION_LABELS,
    RELATIONS,
    TYPE_LABELS,
)

#: Extra header names per field (the field name and its label always match too).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("uuid", "persona id"),
    "name": ("persona", "full name", "persona name"),
    "type": ("persona type", "kind of persona"),
    "role": ("job title", "title", "occupation", "job", "position", "life role"),
    "age": ("age range", "age group"),
    "gender": ("sex",),
    "location": ("city", "place", "region", "where"),
    "income": ("salary", "annual income", "household income"),
    "education": ("degree", "education level"),
    "household": ("family", "family status", "living situation"),
    "company": ("employer", "organisation", "organization", "account", "company name"),
    "company_size": ("employees", "number of employees", "headcount"),
    "industry": ("sector", "vertical"),
    "quote": ("motto", "quotation", "in their words"),
    "story": ("bio", "background", "biography", "about", "narrative"),
    "day_in_the_life": ("a day in the life", "typical day", "day in life"),
    "goals": ("objectives", "needs", "goal", "aims"),
    "pain_points": ("frustrations", "challenges", "pains", "pain point", "problems"),
    "motivations": ("motivation", "drivers"),
    "behaviors": ("behaviours", "behavior", "behaviour", "habits"),
    "values": ("beliefs",),
    "channels": ("preferred channels", "channel", "media", "where to reach"),
    "tools": ("tools and brands", "brands", "software", "products used"),
    "objections": ("objection", "concerns", "barriers"),
    "buying_criteria": ("purchase criteria", "decision criteria", "buying criterion"),
    "budget": ("spend", "budget range"),
    "decision_process": ("buying process", "purchase process"),
    "traits": ("personality", "personality traits", "trait sliders"),
    "segment": ("customer segment", "profile", "customer profile"),
    "tags": ("labels", "keywords", "tag"),
    "sources": ("research sources", "evidence", "research"),
    "confidence": ("evidence level", "confidence level"),
    "last_validated": ("validated", "last validated on", "validated on"),
    "related": ("related personas", "relations"),
    "custom": ("custom sections",),
    "notes": ("comments", "internal notes", "note"),
    "card": ("card design",),
    "created_at": ("created",),
    "updated_at": ("updated", "modified"),
}

#: Columns a CSV never carries (images do not fit in a cell).
NOT_IN_CSV: frozenset[str] = frozenset({"photo"})
CSV_FIELDS: tuple[str, ...] = tuple(f for f in ALL_FIELDS if f not in NOT_IN_CSV)


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


_TYPE_INDEX = _choice_index(PERSONA_TYPES, TYPE_LABELS, {"negative": "negative", "enduser": "end_user", "user": "end_user", "decider": "decision_maker"})
_RELATION_INDEX = _choice_index(RELATIONS, RELATION_LABELS, {"approves": "approves_for", "uses": "uses_what_is_bought_by"})


def persona_type(text: str) -> str:
    """"End user" -> "end_user"; an unknown value is returned as typed (validation names it)."""
    return _TYPE_INDEX.get(header_key(text), text.strip())


def relation_key(text: str) -> str:
    return _RELATION_INDEX.get(header_key(text), text.strip())
