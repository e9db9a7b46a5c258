"""What a deck holds: its pages in order, its title and its slide shape (no Qt)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

#: Every page kind, in deck order. "personas" is one page per persona (its card).
PAGE_KINDS: tuple[str, ...] = ("cover", "overview", "grid", "committee", "personas", "sources")
PAGE_LABELS: dict[str, str] = {
    "cover": "Cover",
    "overview": "Overview (mini cards)",
    "grid": "Comparison grid",
    "committee": "Buying-committee map",
    "personas": "One page per persona",
    "sources": "Appendix: research sources",
}
#: The comparison grid's rows: persona field -> row label.
GRID_FIELDS: dict[str, str] = {
    "goals": "Goals",
    "pain_points": "Pain points",
    "channels": "Channels",
    "budget": "Budget",
    "decision_process": "Decision process",
}


def grid_fields(text: str) -> tuple[str, ...]:
    """``--deck-grid goals,tools,budget``: persona text or list fields, checked; a UserError names them."""
    from personadesigner.core.persona import LIST_FIELDS, TEXT_FIELDS
    from personadesigner.errors import UserError

    allowed = (*TEXT_FIELDS, *LIST_FIELDS)
    fields = tuple(f.strip().lower().replace("-", "_") for f in text.split(",") if f.strip())
    bad = [f for f in fields if f not in allowed]
    if bad or not fields:
        raise UserError(
            f'--deck-grid "{text}": use persona fields such as {",".join(GRID_FIELDS)},'
            f"tools,objections (not {','.join(bad) or 'nothing'})."
        )
    return fields


def field_label(name: str) -> str:
    from personadesigner.core.persona import FIELD_LABELS

    return GRID_FIELDS.get(name) or FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


#: Slide sizes in points (PowerPoint's own: 13.333 x 7.5 in and 10 x 7.5 in).
ASPECTS: dict[str, tuple[float, float]] = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}


@dataclass(frozen=True)
class DeckSpec:
    title: str = "Our personas"
    subtitle: str = ""
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    pages: tuple[str, ...] = PAGE_KINDS
    aspect: str = "16:9"
    grid_fields: tuple[str, ...] = tuple(GRID_FIELDS)
    theme: str = "classic"

    @property
    def size(self) -> tuple[float, float]:
        return ASPECTS[self.aspect]
