"""The field registry: every persona field declared once, in the contract's JSON order.

Adding a field used to mean editing parallel tables in the model, storage, CSV
matching, the form, search and the conflict dialog. Each of those now reads
``FIELDS``; a new field is one ``FieldSpec`` here plus its attribute on the
``Persona`` dataclass (a test keeps the two equal). The *kind* decides how a
field is validated, stored, written to a CSV cell, edited and compared:

- ``meta``: bookkeeping text the library sets (id, timestamps); never edited;
- ``name``: the required name;
- ``choice``: one of ``choices`` ("" allowed unless ``required``);
- ``text`` / ``long_text``: one line / several paragraphs;
- ``date``: an ISO date or "";
- ``list``: a list of text ("one item per line" in a CSV cell);
- ``records``: a list of records with ``record_keys``;
- ``photo``: image bytes or None; ``card``: the chosen template and theme.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS: frozenset[str] = frozenset(
    {"meta", "name", "choice", "text", "long_text", "date", "list", "records", "photo", "card"}
)

PERSONA_TYPES: tuple[str, ...] = (
    "customer",
    "buyer",
    "end_user",
    "decision_maker",
    "influencer",
    "negative",
)
CONFIDENCE_LEVELS: tuple[str, ...] = ("low", "medium", "high")


@dataclass(frozen=True)
class FieldSpec:
    """One persona field: what it holds and where it appears."""

    name: str
    kind: str
    label: str
    #: The form section that edits it (a title in ``FORM_SECTIONS``); None: not in the form.
    form_section: str | None = None
    #: Rank inside its form section (lower first); equal ranks keep contract order.
    form_rank: int = 0
    #: Extra CSV header names (the field name and its label always match too).
    csv_synonyms: tuple[str, ...] = ()
    #: Whether the library's full-text search looks in it.
    searchable: bool = False
    #: Whether a CSV carries it (images do not fit in a cell).
    in_csv: bool = True
    #: For ``choice``: the allowed values; ``required``: "" is not one of them.
    choices: tuple[str, ...] = ()
    required: bool = False
    #: For ``records``: the keys of each record, in order.
    record_keys: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name}: unknown kind {self.kind!r}")
        if self.form_section is not None and self.form_section not in FORM_SECTIONS:
            raise ValueError(f"field {self.name}: unknown form section {self.form_section!r}")


#: The form's sections, in reading order: what the card shows first comes first.
FORM_SECTIONS: tuple[str, ...] = (
    "Essentials",
    "Photo & tags",
    "Demographics",
    "Story",
    "Motivations & behaviour",
    "Buying",
    "Personality",
    "Evidence",
    "Relations",
    "Custom",
    "Notes",
)

_F = FieldSpec
#: Every field, in the JSON contract's order (design/persona-model.md).
FIELDS: tuple[FieldSpec, ...] = (
    _F("id", "meta", "Id", csv_synonyms=("uuid", "persona id")),
    _F("name", "name", "Name", "Essentials", csv_synonyms=("persona", "full name", "persona name"), searchable=True),
    _F("type", "choice", "Type", "Essentials", csv_synonyms=("persona type", "kind of persona"),
       choices=PERSONA_TYPES, required=True),
    _F("role", "text", "Role", "Essentials", searchable=True,
       csv_synonyms=("job title", "title", "occupation", "job", "position", "life role")),
    _F("age", "text", "Age", "Demographics", csv_synonyms=("age range", "age group")),
    _F("gender", "text", "Gender", "Demographics", csv_synonyms=("sex",)),
    _F("location", "text", "Location", "Demographics", csv_synonyms=("city", "place", "region", "where"),
       searchable=True),
    _F("income", "text", "Income", "Demographics", csv_synonyms=("salary", "annual income", "household income")),
    _F("education", "text", "Education", "Demographics", csv_synonyms=("degree", "education level")),
    _F("household", "text", "Household", "Demographics", csv_synonyms=("family", "family status", "living situation")),
    _F("company", "text", "Company", "Demographics", searchable=True,
       csv_synonyms=("employer", "organisation", "organization", "account", "company name")),
    _F("company_size", "text", "Company size", "Demographics",
       csv_synonyms=("employees", "number of employees", "headcount")),
    _F("industry", "text", "Industry", "Demographics", csv_synonyms=("sector", "vertical"), searchable=True),
    _F("quote", "text", "Quote", "Essentials", csv_synonyms=("motto", "quotation", "in their words"), searchable=True),
    _F("story", "long_text", "Story", "Story", csv_synonyms=("bio", "background", "biography", "about", "narrative")),
    _F("day_in_the_life", "long_text", "A day in the life", "Story",
       csv_synonyms=("a day in the life", "typical day", "day in life")),
    _F("goals", "list", "Goals", "Essentials", csv_synonyms=("objectives", "needs", "goal", "aims"), searchable=True),
    _F("pain_points", "list", "Pain points", "Essentials", searchable=True,
       csv_synonyms=("frustrations", "challenges", "pains", "pain point", "problems")),
    _F("jobs_to_be_done", "list", "Jobs to be done", "Essentials", searchable=True,
       csv_synonyms=("jobs to be done", "JTBD", "jobs")),
    _F("motivations", "list", "Motivations", "Motivations & behaviour", csv_synonyms=("motivation", "drivers")),
    _F("behaviors", "list", "Behaviors", "Motivations & behaviour",
       csv_synonyms=("behaviours", "behavior", "behaviour", "habits")),
    _F("values", "list", "Values", "Motivations & behaviour", csv_synonyms=("beliefs",)),
    _F("channels", "list", "Preferred channels", "Motivations & behaviour",
       csv_synonyms=("preferred channels", "channel", "media", "where to reach")),
    _F("tools", "list", "Tools and brands", "Motivations & behaviour",
       csv_synonyms=("tools and brands", "brands", "software", "products used")),
    _F("objections", "list", "Objections", "Buying", csv_synonyms=("objection", "concerns", "barriers")),
    _F("buying_criteria", "list", "Buying criteria", "Buying",
       csv_synonyms=("purchase criteria", "decision criteria", "buying criterion")),
    _F("budget", "text", "Budget", "Buying", csv_synonyms=("spend", "budget range")),
    _F("decision_process", "long_text", "Decision process", "Buying", csv_synonyms=("buying process", "purchase process")),
    _F("traits", "records", "Personality", "Personality", record_keys=("left", "right", "value"),
       csv_synonyms=("personality", "personality traits", "trait sliders")),
    _F("segment", "text", "Segment", "Photo & tags", csv_synonyms=("customer segment", "profile", "customer profile"),
       searchable=True),
    _F("tags", "list", "Tags", "Photo & tags", csv_synonyms=("labels", "keywords", "tag"), searchable=True),
    _F("sources", "records", "Research sources", "Evidence", record_keys=("kind", "title", "date", "note"),
       csv_synonyms=("research sources", "evidence", "research")),
    _F("confidence", "choice", "Confidence", "Evidence", csv_synonyms=("evidence level", "confidence level"),
       choices=CONFIDENCE_LEVELS),
    _F("last_validated", "date", "Last validated", "Evidence",
       csv_synonyms=("validated", "last validated on", "validated on")),
    _F("related", "records", "Related personas", "Relations", record_keys=("persona", "relation"),
       csv_synonyms=("related personas", "relations")),
    _F("custom", "records", "Custom sections", "Custom", record_keys=("label", "value"), csv_synonyms=("custom sections",)),
    _F("photo", "photo", "Photo", "Photo & tags", form_rank=-1, in_csv=False),
    _F("notes", "long_text", "Notes", "Notes", csv_synonyms=("comments", "internal notes", "note")),
    _F("card", "card", "Card design", csv_synonyms=("card design",)),
    _F("created_at", "meta", "Created at", csv_synonyms=("created",)),
    _F("updated_at", "meta", "Updated at", csv_synonyms=("updated", "modified")),
)  # fmt: skip
del _F

#: Each field's spec by name.
SPECS: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}


def names_of(*kinds: str) -> tuple[str, ...]:
    """The names of the fields of these kinds, in contract order."""
    return tuple(spec.name for spec in FIELDS if spec.kind in kinds)


def form_sections() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The form's sections with their fields, in reading order."""
    out = []
    for title in FORM_SECTIONS:
        members = [s for s in FIELDS if s.form_section == title]
        members.sort(key=lambda s: s.form_rank)  # stable: equal ranks keep contract order
        out.append((title, tuple(s.name for s in members)))
    return tuple(out)
