"""The persona: every field of the contract in design/persona-model.md, and its rules.

The model is plain data (dataclasses) so storage, interchange, the layout engine,
the command line and the app share one definition. ``validate`` is the single
place that knows what a valid persona is; every entry point calls it.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import uuid
from dataclasses import dataclass, field
from typing import Any, NoReturn

from personadesigner.errors import ValidationError, quoted

PERSONA_TYPES: tuple[str, ...] = (
    "customer",
    "buyer",
    "end_user",
    "decision_maker",
    "influencer",
    "negative",
)
TYPE_LABELS: dict[str, str] = {
    "customer": "Customer",
    "buyer": "Buyer",
    "end_user": "End user",
    "decision_maker": "Decision-maker",
    "influencer": "Influencer",
    "negative": "Negative persona",
}
CONFIDENCE_LEVELS: tuple[str, ...] = ("low", "medium", "high")
SOURCE_KINDS: tuple[str, ...] = (
    "interview",
    "survey",
    "analytics",
    "crm",
    "support",
    "social",
    "other",
)
SOURCE_KIND_LABELS: dict[str, str] = {
    "interview": "Interview",
    "survey": "Survey",
    "analytics": "Analytics",
    "crm": "CRM",
    "support": "Support tickets",
    "social": "Social media",
    "other": "Other",
}
RELATIONS: tuple[str, ...] = (
    "buys_for",
    "uses_what_is_bought_by",
    "approves_for",
    "influences",
)
RELATION_LABELS: dict[str, str] = {
    "buys_for": "Buys for",
    "uses_what_is_bought_by": "Uses what is bought by",
    "approves_for": "Approves for",
    "influences": "Influences",
}

NAME_MAX = 120

#: Single-line and long text fields, in the order of the contract.
TEXT_FIELDS: tuple[str, ...] = (
    "role",
    "age",
    "gender",
    "location",
    "income",
    "education",
    "household",
    "company",
    "company_size",
    "industry",
    "quote",
    "story",
    "day_in_the_life",
    "budget",
    "decision_process",
    "segment",
    "notes",
)
#: The long text fields (multi-line editors in the app).
LONG_TEXT_FIELDS: tuple[str, ...] = ("story", "day_in_the_life", "decision_process", "notes")
#: Lists of plain text.
LIST_FIELDS: tuple[str, ...] = (
    "goals",
    "pain_points",
    "motivations",
    "behaviors",
    "values",
    "channels",
    "tools",
    "objections",
    "buying_criteria",
    "tags",
)
#: Lists of records, with their keys.
RECORD_LIST_FIELDS: dict[str, tuple[str, ...]] = {
    "traits": ("left", "right", "value"),
    "sources": ("kind", "title", "date", "note"),
    "related": ("persona", "relation"),
    "custom": ("label", "value"),
}
#: Every field name of the JSON contract, in contract order.
ALL_FIELDS: tuple[str, ...] = (
    "id", "name", "type",
    "role", "age", "gender", "location", "income", "education", "household",
    "company", "company_size", "industry",
    "quote", "story", "day_in_the_life",
    "goals", "pain_points", "motivations", "behaviors", "values", "channels", "tools",
    "objections", "buying_criteria",
    "budget", "decision_process", "traits", "segment", "tags", "sources",
    "confidence", "last_validated", "related", "custom", "photo", "notes", "card",
    "created_at", "updated_at",
)  # fmt: skip

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "type": "Type",
    "role": "Role",
    "age": "Age",
    "gender": "Gender",
    "location": "Location",
    "income": "Income",
    "education": "Education",
    "household": "Household",
    "company": "Company",
    "company_size": "Company size",
    "industry": "Industry",
    "quote": "Quote",
    "story": "Story",
    "day_in_the_life": "A day in the life",
    "goals": "Goals",
    "pain_points": "Pain points",
    "motivations": "Motivations",
    "behaviors": "Behaviors",
    "values": "Values",
    "channels": "Preferred channels",
    "tools": "Tools and brands",
    "objections": "Objections",
    "buying_criteria": "Buying criteria",
    "budget": "Budget",
    "decision_process": "Decision process",
    "traits": "Personality",
    "segment": "Segment",
    "tags": "Tags",
    "sources": "Research sources",
    "confidence": "Confidence",
    "last_validated": "Last validated",
    "related": "Related personas",
    "custom": "Custom sections",
    "photo": "Photo",
    "notes": "Notes",
    "card": "Card design",
}


@dataclass
class Trait:
    """A personality slider: ``value`` 0 is fully ``left``, 100 fully ``right``."""

    left: str
    right: str
    value: int = 50


@dataclass
class Source:
    """A piece of research evidence behind the persona."""

    kind: str = "other"
    title: str = ""
    date: str = ""
    note: str = ""


@dataclass
class Relation:
    """A link to another persona (by id, or by exact name before it is resolved)."""

    persona: str
    relation: str


@dataclass
class CustomSection:
    """A user-defined section printed like the built-in ones."""

    label: str
    value: str


@dataclass
class CardDesign:
    """The template and theme a persona's card is designed with."""

    template: str = "card"
    theme: str = "classic"


#: The dataclass of each record-list field.
RECORD_TYPES: dict[str, type] = {
    "traits": Trait,
    "sources": Source,
    "related": Relation,
    "custom": CustomSection,
}


@dataclass
class Persona:
    """One persona. Text fields are ``""`` when empty, lists ``[]``, never ``None``.

    ``photo`` holds the encoded image bytes (PNG or JPEG, already validated and
    re-encoded by personadesigner.images); ``None`` means no photo (an avatar is drawn).
    """

    name: str
    type: str = "customer"
    id: str = ""
    role: str = ""
    age: str = ""
    gender: str = ""
    location: str = ""
    income: str = ""
    education: str = ""
    household: str = ""
    company: str = ""
    company_size: str = ""
    industry: str = ""
    quote: str = ""
    story: str = ""
    day_in_the_life: str = ""
    goals: list[str] = field(default_factory=list)
    pain_points: list[str] = field(default_factory=list)
    motivations: list[str] = field(default_factory=list)
    behaviors: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    objections: list[str] = field(default_factory=list)
    buying_criteria: list[str] = field(default_factory=list)
    budget: str = ""
    decision_process: str = ""
    traits: list[Trait] = field(default_factory=list)
    segment: str = ""
    tags: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    confidence: str = ""
    last_validated: str = ""
    related: list[Relation] = field(default_factory=list)
    custom: list[CustomSection] = field(default_factory=list)
    photo: bytes | None = None
    notes: str = ""
    card: CardDesign = field(default_factory=CardDesign)
    created_at: str = ""
    updated_at: str = ""
    #: Optimistic-locking counter kept by storage; not part of the JSON contract.
    version: int = 0

    # ------------------------------------------------------------------ helpers
    def copy(self) -> Persona:
        """A deep copy (lists and records are not shared).

        Built by copying instance dicts rather than ``dataclasses.replace``, which
        runs __init__ per object and made importing 10,000 personas crawl.
        """
        q = object.__new__(Persona)
        q.__dict__.update(self.__dict__)
        for name in LIST_FIELDS:
            setattr(q, name, list(getattr(self, name)))
        for name in RECORD_LIST_FIELDS:
            setattr(q, name, [_copy_record(r) for r in getattr(self, name)])
        q.card = _copy_record(self.card)
        return q

    def ensure_id(self) -> str:
        if not self.id:
            self.id = new_id()
        return self.id

    @property
    def initials(self) -> str:
        """Up to two initials for the generated avatar ("Anna Berg" -> "AB")."""
        return initials(self.name)

    def validate(self) -> None:
        """Raise ValidationError naming the persona and the first bad field."""
        validate_persona(self)

    def to_dict(self, *, include_empty: bool = False) -> dict[str, Any]:
        """The JSON-contract dict, without ``photo`` (interchange adds it) and ``version``."""
        return persona_to_dict(self, include_empty=include_empty)


def _copy_record(record: Any) -> Any:
    clone = object.__new__(type(record))
    clone.__dict__.update(record.__dict__)
    return clone


def initials(name: str) -> str:
    """Up to two initials for a generated avatar ("Anna Berg" -> "AB", "" -> "?")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return name.strip()[:1].upper() or "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def field_label(name: str) -> str:
    """The label a user sees for a field; unknown names read as words ("foo_bar" -> "Foo bar")."""
    label = FIELD_LABELS.get(name)
    if label:
        return label
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else name


def fold(text: str) -> str:
    """Case-insensitive form used on both sides of a search (Unicode-aware, unlike SQL lower())."""
    return text.casefold()


def new_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    """A UTC timestamp in ISO 8601, seconds precision ("2026-11-23T10:15:00Z")."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# ---------------------------------------------------------------- validation
def _is_iso_date(text: str) -> bool:
    if len(text) != 10:
        return False
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _fail(persona: Persona, field_name: str, message: str) -> NoReturn:
    who = persona.name.strip() if isinstance(persona.name, str) and persona.name.strip() else "(unnamed)"
    raise ValidationError(f"Persona {quoted(who)}: {field_name}: {message}", persona=who, field=field_name)


def validate_persona(p: Persona) -> None:
    if not isinstance(p.name, str) or not p.name.strip():
        _fail(p, "name", "a name is required")
    if len(p.name) > NAME_MAX:
        _fail(p, "name", f"is {len(p.name)} characters long; at most {NAME_MAX} are allowed")
    if p.type not in PERSONA_TYPES:
        _fail(p, "type", f'{quoted(p.type)} is not a persona type (use one of: {", ".join(PERSONA_TYPES)})')
    for name in TEXT_FIELDS:
        if not isinstance(getattr(p, name), str):
            _fail(p, name, "must be text")
    for name in LIST_FIELDS:
        value = getattr(p, name)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            _fail(p, name, "must be a list of text")
    for i, t in enumerate(p.traits):
        if not isinstance(t.left, str) or not isinstance(t.right, str):
            _fail(p, f"traits[{i}]", "left and right must be text")
        if isinstance(t.value, bool) or not isinstance(t.value, int) or not 0 <= t.value <= 100:
            _fail(p, f"traits[{i}].value", f"{t.value!r} is outside 0-100")
    for i, s in enumerate(p.sources):
        if s.kind not in SOURCE_KINDS:
            _fail(p, f"sources[{i}].kind", f'{quoted(s.kind)} is not a source kind (use one of: {", ".join(SOURCE_KINDS)})')
        if s.date and not _is_iso_date(s.date):
            _fail(p, f"sources[{i}].date", f'{quoted(s.date)} is not an ISO date (YYYY-MM-DD)')
        for key in ("title", "note", "date"):
            if not isinstance(getattr(s, key), str):
                _fail(p, f"sources[{i}].{key}", "must be text")
    if p.confidence and p.confidence not in CONFIDENCE_LEVELS:
        _fail(p, "confidence", f'{quoted(p.confidence)} is not one of: {", ".join(CONFIDENCE_LEVELS)}')
    if p.last_validated and not _is_iso_date(p.last_validated):
        _fail(p, "last_validated", f'{quoted(p.last_validated)} is not an ISO date (YYYY-MM-DD)')
    for i, r in enumerate(p.related):
        if r.relation not in RELATIONS:
            _fail(p, f"related[{i}].relation", f'{quoted(r.relation)} is not a relation (use one of: {", ".join(RELATIONS)})')
        if not isinstance(r.persona, str) or not r.persona.strip():
            _fail(p, f"related[{i}].persona", "names no persona")
    for i, c in enumerate(p.custom):
        if not isinstance(c.label, str) or not isinstance(c.value, str):
            _fail(p, f"custom[{i}]", "label and value must be text")
    if not isinstance(p.card.template, str) or not isinstance(p.card.theme, str):
        _fail(p, "card", "template and theme must be names")
    if p.photo is not None and not isinstance(p.photo, (bytes, bytearray)):
        _fail(p, "photo", "must be image data")


# ------------------------------------------------------------- dict mapping
def persona_to_dict(p: Persona, *, include_empty: bool = False) -> dict[str, Any]:
    """Contract-ordered dict of the persona's data (no photo, no version).

    Empty fields are left out unless ``include_empty``: exported files stay
    readable and an import of them gives the same persona back.
    """
    out: dict[str, Any] = {}
    for name in ALL_FIELDS:
        if name == "photo":
            continue
        value = getattr(p, name)
        if name in RECORD_LIST_FIELDS:
            value = [dataclasses.asdict(r) for r in value]
        elif name == "card":
            value = dataclasses.asdict(value)
            if not include_empty and value == dataclasses.asdict(CardDesign()):
                continue
        elif name in LIST_FIELDS:
            value = list(value)
        if not include_empty and value in ("", [], None) and name not in ("name",):
            continue
        out[name] = value
    return out


def persona_from_dict(data: dict[str, Any]) -> tuple[Persona, list[str]]:
    """Build a persona from a contract dict; returns it with the unknown keys.

    Types are checked loosely here (a number where text is expected becomes
    text, as spreadsheets and hand-written JSON do); ``validate`` judges the rest.
    ``photo`` is left to the caller (interchange decodes it).
    """
    if not isinstance(data, dict):
        raise ValidationError("a persona must be a JSON object", persona="(unnamed)", field="")
    known = set(ALL_FIELDS)
    unknown = [k for k in data if k not in known]
    name = data.get("name", "")
    p = Persona(name="")
    p.name = _text(p, "name", name) if name is not None else ""
    for key, value in data.items():
        if key in ("name", "photo") or key not in known or value is None:
            continue
        if key in TEXT_FIELDS or key in ("id", "type", "confidence", "last_validated", "created_at", "updated_at"):
            setattr(p, key, _text(p, key, value))
        elif key in LIST_FIELDS:
            setattr(p, key, _text_list(p, key, value))
        elif key in RECORD_LIST_FIELDS:
            setattr(p, key, _records(p, key, value))
        elif key == "card":
            if not isinstance(value, dict):
                _fail(p, "card", "must be an object with template and theme")
            p.card = CardDesign(
                template=_text(p, "card.template", value.get("template") or "card"),
                theme=_text(p, "card.theme", value.get("theme") or "classic"),
            )
    return p, unknown


def _text(p: Persona, field_name: str, value: Any) -> str:
    """Text as given; numbers and yes/no become text (spreadsheets write them). Anything else
    is refused naming the persona and the field, like every other validation error."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return str(value)
    kind = "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else type(value).__name__
    _fail(p, field_name, f"must be text, not {kind}")


def _text_list(p: Persona, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, list):
        _fail(p, key, "must be a list of text")
    out = []
    for item in value:
        if isinstance(item, (dict, list)) or item is None:
            _fail(p, key, "must be a list of text")
        out.append(_text(p, key, item))
    return out


def _records(p: Persona, key: str, value: Any) -> list:
    if not isinstance(value, list):
        _fail(p, key, "must be a list of objects")
    cls = RECORD_TYPES[key]
    keys = RECORD_LIST_FIELDS[key]
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            _fail(p, f"{key}[{i}]", "must be an object")
        extra = [k for k in item if k not in keys]
        if extra:
            _fail(p, f"{key}[{i}]", f"unknown key {extra[0]!r} (expected: {', '.join(keys)})")
        kwargs = {}
        for k in keys:
            if k not in item or item[k] is None:
                continue
            v = item[k]
            if key == "traits" and k == "value":
                if isinstance(v, bool) or not isinstance(v, (int, float)) or (isinstance(v, float) and not v.is_integer()):
                    _fail(p, f"traits[{i}].value", f"{v!r} is not a whole number 0-100")
                kwargs[k] = int(v)
            else:
                kwargs[k] = _text(p, f"{key}[{i}].{k}", v)
        try:
            out.append(cls(**kwargs))
        except TypeError:
            _fail(p, f"{key}[{i}]", f"needs {', '.join(keys)}")
    return out
