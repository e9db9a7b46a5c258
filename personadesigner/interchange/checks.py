"""What an import checks beyond the persona model: things another program may have written.

The model validates every persona wherever it comes from; an import file can
also carry timestamps another tool wrote its own way, and card designs this
installation does not have. Shared by the JSON and CSV readers.
"""

from __future__ import annotations

import datetime as _dt

from personadesigner.core.design_fallback import missing_design
from personadesigner.core.persona import Persona
from personadesigner.errors import ValidationError, quoted

TIMESTAMP_FIELDS = ("created_at", "updated_at")


def is_iso_timestamp(text: str) -> bool:
    """An ISO 8601 date or date and time ("2026-11-23", "2026-11-23T10:15:00Z", with an offset)."""
    if len(text) < 10 or not text[:4].isdigit() or text[4:5] != "-":
        return False
    try:
        _dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_imported(persona: Persona) -> str | None:
    """Refuse a timestamp that is not ISO 8601 (ValidationError); return a note (not a refusal)
    when the card design is not installed here, for the reader to add to its warnings."""
    for name in TIMESTAMP_FIELDS:
        value = getattr(persona, name)
        if value and not is_iso_timestamp(value.strip()):
            who = persona.name.strip() or "(unnamed)"
            raise ValidationError(
                f"Persona {quoted(who)}: {name}: {quoted(value)} is not an ISO date and time "
                "(for example 2026-11-23T10:15:00Z)",
                persona=who,
                field=name,
            )
    note = missing_design(persona)
    return None if note is None else f"card: {note} (the persona keeps the names it came with)."


class Warnings:
    """What an import tells the user; past ``limit`` lines they are only counted.

    A million-row file with one unknown column per row must not fill memory (or
    the terminal) with the same sentence.
    """

    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self._lines: list[str] = []
        self.more = 0

    def append(self, text: str) -> None:
        if len(self._lines) < self.limit:
            self._lines.append(text)
        else:
            self.more += 1

    def clear(self) -> None:
        self._lines.clear()
        self.more = 0

    def lines(self) -> list[str]:
        tail = [f"... and {self.more} more warning{'' if self.more == 1 else 's'} like these."] if self.more else []
        return [*self._lines, *tail]
