"""The persona: every field of the contract in design/persona-model.md, and its rules.

The model is plain data (dataclasses) so storage, interchange, the layout engine,
the command line and the app share one definition. ``validate`` is the single
place that knows what a valid persona is; every entry point calls it.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import operator
from dataclasses import dataclass, field
from typing import Any, NoReturn

# CONFIDENCE_LEVELS and PERSONA_TYPES are re-exported: callers know them from here.
from personadesigner.core.fields import (  # noqa: F401
    CONFIDENCE_LEVELS,
    FIELDS,
    PERSONA_TYPES,
    SPECS,
    FieldSpec,
    names_of,
)
from personadesigner.errors import ValidationError, quoted

TYPE_LABELS: dict[str, str] = {
    "customer": "Customer",
    "buyer": "Buyer",
    "end_user": "End user",
    "decision_maker": "Decision-maker",
    "influencer": "Influencer",
    "negative": "Negative persona",
}
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

# Views of the field registry (core/fields.py), kept under the names every caller knows.
#: Single-line and long text fields, in the order of the contract.
TEXT_FIELDS: tuple[str, ...] = names_of("text", "long_text")
#: The long text fields (multi-line editors in the app).
LONG_TEXT_FIELDS: tuple[str, ...] = names_of("long_text")
#: Lists of plain text.
LIST_FIELDS: tuple[str, ...] = names_of("list")
#: Lists of records, with their keys.
RECORD_LIST_FIELDS: dict[str, tuple[str, ...]] = {s.name: s.record_keys for s in FIELDS if s.kind == "records"}
#: Every field name of the JSON contract, in contract order.
ALL_FIELDS: tuple[str, ...] = tuple(s.name for s in FIELDS)
#: The label a user sees for each field.
FIELD_LABELS: dict[str, str] = {s.name: s.label for s in FIELDS}


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
    jobs_to_be_done: list[str] = field(default_factory=list)
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
    import uuid  # here: uuid loads `platform` (~4 ms), and reading or exporting personas never needs it

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
    """Check every field with its kind's validator, in contract order.

    A persona that passes the quick whole-persona check (nearly all of them) has only its
    records checked one by one; any doubt falls through to the field-by-field walk, so
    the refusal names the first bad field as it always did.
    """
    if _plain_fields_valid(p):
        for spec in _RECORD_SPECS:  # every other field is valid: the first bad record is the first error
            _check_records(p, spec)
        return
    for spec in FIELDS:
        _VALIDATORS[spec.kind](p, spec)


def _plain_fields_valid(p: Persona) -> bool:
    """True when every field but the record lists surely passes its validator (False: look closer)."""
    name = p.name
    if not isinstance(name, str) or len(name) > NAME_MAX or not name.strip():
        return False
    for field_name, choices, optional in _CHOICE_SPECS:
        value = getattr(p, field_name)
        if not (value in choices or (optional and value == "")):
            return False
    for field_name in _DATE_NAMES:
        value = getattr(p, field_name)
        if value != "" and not (isinstance(value, str) and _is_iso_date(value)):
            return False
    lists = _list_values(p)
    try:
        "".join(_text_values(p))  # TypeError unless every one is a str, as isinstance(v, str) checks
        for value in lists:
            if not isinstance(value, list):
                return False
            "".join(value)
    except TypeError:
        return False
    card = p.card
    if not isinstance(card.template, str) or not isinstance(card.theme, str):
        return False
    return p.photo is None or isinstance(p.photo, (bytes, bytearray))


def _no_check(p: Persona, spec: FieldSpec) -> None:
    """Bookkeeping the library sets itself (id, timestamps)."""


def _check_name(p: Persona, spec: FieldSpec) -> None:
    if not isinstance(p.name, str) or not p.name.strip():
        _fail(p, spec.name, "a name is required")
    if len(p.name) > NAME_MAX:
        _fail(p, spec.name, f"is {len(p.name)} characters long; at most {NAME_MAX} are allowed")


def _check_choice(p: Persona, spec: FieldSpec) -> None:
    value = getattr(p, spec.name)
    if value in spec.choices or (value == "" and not spec.required):
        return
    if spec.name == "type":
        _fail(p, "type", f"{quoted(value)} is not a persona type (use one of: {', '.join(spec.choices)})")
    _fail(p, spec.name, f"{quoted(value)} is not one of: {', '.join(spec.choices)}")


def _check_text(p: Persona, spec: FieldSpec) -> None:
    if not isinstance(getattr(p, spec.name), str):
        _fail(p, spec.name, "must be text")


def _check_date(p: Persona, spec: FieldSpec) -> None:
    value = getattr(p, spec.name)
    if value and not _is_iso_date(value):
        _fail(p, spec.name, f"{quoted(value)} is not an ISO date (YYYY-MM-DD)")


def _check_list(p: Persona, spec: FieldSpec) -> None:
    value = getattr(p, spec.name)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _fail(p, spec.name, "must be a list of text")


def _check_records(p: Persona, spec: FieldSpec) -> None:
    check = _RECORD_CHECKS[spec.name]
    for i, record in enumerate(getattr(p, spec.name)):
        check(p, spec.name, i, record)


def _at(key: str, i: int) -> str:
    """A record's place in a refusal ("traits[2]"), spelt only when something is refused."""
    return f"{key}[{i}]"


def _check_trait(p: Persona, key: str, i: int, t: Trait) -> None:
    if not isinstance(t.left, str) or not isinstance(t.right, str):
        _fail(p, _at(key, i), "left and right must be text")
    value = t.value
    if value.__class__ is int and 0 <= value <= 100:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        _fail(p, f"{_at(key, i)}.value", f"{value!r} is outside 0-100")


def _check_source(p: Persona, key: str, i: int, s: Source) -> None:
    if s.kind not in SOURCE_KINDS:
        _fail(
            p, f"{_at(key, i)}.kind", f"{quoted(s.kind)} is not a source kind (use one of: {', '.join(SOURCE_KINDS)})"
        )
    if s.date and not _is_iso_date(s.date):
        _fail(p, f"{_at(key, i)}.date", f"{quoted(s.date)} is not an ISO date (YYYY-MM-DD)")
    if s.title.__class__ is str and s.note.__class__ is str and s.date.__class__ is str:
        return
    for name in ("title", "note", "date"):
        if not isinstance(getattr(s, name), str):
            _fail(p, f"{_at(key, i)}.{name}", "must be text")


def _check_relation(p: Persona, key: str, i: int, r: Relation) -> None:
    if r.relation not in RELATIONS:
        _fail(
            p, f"{_at(key, i)}.relation", f"{quoted(r.relation)} is not a relation (use one of: {', '.join(RELATIONS)})"
        )
    if not isinstance(r.persona, str) or not r.persona.strip():
        _fail(p, f"{_at(key, i)}.persona", "names no persona")


def _check_custom(p: Persona, key: str, i: int, c: CustomSection) -> None:
    if not isinstance(c.label, str) or not isinstance(c.value, str):
        _fail(p, _at(key, i), "label and value must be text")


def _check_card(p: Persona, spec: FieldSpec) -> None:
    if not isinstance(p.card.template, str) or not isinstance(p.card.theme, str):
        _fail(p, spec.name, "template and theme must be names")


def _check_photo(p: Persona, spec: FieldSpec) -> None:
    if p.photo is not None and not isinstance(p.photo, (bytes, bytearray)):
        _fail(p, spec.name, "must be image data")


#: One validator per field kind (core/fields.py lists the kinds).
_VALIDATORS = {
    "meta": _no_check,
    "name": _check_name,
    "choice": _check_choice,
    "text": _check_text,
    "long_text": _check_text,
    "date": _check_date,
    "list": _check_list,
    "records": _check_records,
    "photo": _check_photo,
    "card": _check_card,
}
#: One validator per record type, called with the field's name and the record's index.
_RECORD_CHECKS = {
    "traits": _check_trait,
    "sources": _check_source,
    "related": _check_relation,
    "custom": _check_custom,
}
#: What the quick whole-persona check looks at, read from the registry once.
_RECORD_SPECS: tuple[FieldSpec, ...] = tuple(s for s in FIELDS if s.kind == "records")
_CHOICE_SPECS: tuple[tuple[str, tuple[str, ...], bool], ...] = tuple(
    (s.name, s.choices, not s.required) for s in FIELDS if s.kind == "choice"
)
_DATE_NAMES: tuple[str, ...] = names_of("date")
_text_values = operator.attrgetter(*names_of("text", "long_text"))
_list_values = operator.attrgetter(*names_of("list"))


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
    unknown = [k for k in data if k not in _KIND_OF]
    name = data.get("name", "")
    p = Persona(name="")
    p.name = _text(p, "name", name) if name is not None else ""
    for key, value in data.items():
        kind = _KIND_OF.get(key)
        if kind is None or value is None or key in ("name", "photo"):
            continue
        if kind in _TEXT_KINDS:
            setattr(p, key, value if value.__class__ is str else _text(p, key, value))
        elif kind == "list":
            setattr(p, key, _text_list(p, key, value))
        elif kind == "records":
            setattr(p, key, _records(p, key, value))
        elif kind == "card":
            if not isinstance(value, dict):
                _fail(p, "card", "must be an object with template and theme")
            p.card = CardDesign(
                template=_text(p, "card.template", value.get("template") or "card"),
                theme=_text(p, "card.theme", value.get("theme") or "classic"),
            )
    return p, unknown


#: Kinds whose value is one text (a number in a spreadsheet cell becomes text).
_TEXT_KINDS = frozenset({"meta", "choice", "text", "long_text", "date"})
#: The kind of each field of the contract, by name.
_KIND_OF: dict[str, str] = {s.name: s.kind for s in FIELDS}


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
    if all(item.__class__ is str for item in value):
        return list(value)  # the common case: text as given
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
    number_key = "value" if key == "traits" else None  # the one record key that holds a number
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            _fail(p, f"{key}[{i}]", "must be an object")
        extra = [k for k in item if k not in keys]
        if extra:
            _fail(p, f"{key}[{i}]", f"unknown key {extra[0]!r} (expected: {', '.join(keys)})")
        kwargs = {}
        for k in keys:
            v = item.get(k)
            if v is None:
                continue
            if v.__class__ is str and k != number_key:
                kwargs[k] = v
            elif k == number_key:
                if (
                    isinstance(v, bool)
                    or not isinstance(v, (int, float))
                    or (isinstance(v, float) and not v.is_integer())
                ):
                    _fail(p, f"traits[{i}].value", f"{v!r} is not a whole number 0-100")
                kwargs[k] = int(v)
            else:
                kwargs[k] = _text(p, f"{key}[{i}].{k}", v)
        try:
            out.append(cls(**kwargs))
        except TypeError:
            _fail(p, f"{key}[{i}]", f"needs {', '.join(keys)}")
    return out
