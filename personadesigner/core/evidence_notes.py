"""Evidence lines a card can print: the share of respondents a data-built persona represents,
and how long ago it was validated.

A persona drafted by ``discover`` carries its share in its survey source's title
("Survey survey.csv, n = 204 of 600"), so the share needs no new field and
survives JSON/CSV round trips; the card prints "represents 34 % of 600
respondents". Staleness: a persona whose ``last_validated`` is older than the
threshold (default ``STALE_MONTHS``) is stale; a persona never validated is not
called stale (there is no date to judge).
"""

from __future__ import annotations

import datetime as _dt
import re

STALE_MONTHS = 12
_SHARE = re.compile(r"\bn\s*=\s*([\d,]+)\s+of\s+([\d,]+)\b")


def share_line(persona) -> str:  # noqa: ANN001 - a core.persona.Persona
    """ "represents 34 % of 600 respondents" from the latest survey source with "n = X of Y", or ""."""
    for source in reversed(persona.sources):
        if source.kind != "survey":
            continue
        m = _SHARE.search(source.title)
        if m:
            part, total = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
            if 0 < part <= total:
                return f"represents {round(100 * part / total)} % of {total:,} respondents"
    return ""


#: "34 % of respondents" / "(34% of 600 respondents)" as ``discover`` writes it in a segment or a source's note.
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%\s*of\s+(?:[\d,]+\s+)?respondents", re.I)


def share_percent(persona) -> tuple[float, str] | None:  # noqa: ANN001 - a core.persona.Persona
    """(the share of respondents in %, the sentence a card prints) or None when no share is known.

    Read from a survey source's "n = X of Y" (share_line), else the segment text
    ("Segment 2 of 4 (34 % of respondents)"), else a source's note ("revalidated:
    represents 34 % of 600 respondents"), the latest first."""
    line = share_line(persona)
    texts = [persona.segment] + [f"{s.title} {s.note}" for s in reversed(persona.sources)]
    m = _PERCENT.search(line) or next((m for t in texts if (m := _PERCENT.search(t or ""))), None)
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    if not 0 < value <= 100:
        return None
    if not line:
        line = f"represents {m.group(0)}"
    return value, line


def months_since(iso_date: str, today: _dt.date) -> int | None:
    """Whole months from ``iso_date`` to ``today`` (None when the date is missing or not ISO)."""
    try:
        then = _dt.date.fromisoformat(iso_date.strip())
    except ValueError:
        return None
    months = (today.year - then.year) * 12 + today.month - then.month
    if today.day < then.day:
        months -= 1
    return max(0, months)


def is_stale(last_validated: str, today: _dt.date, months: int = STALE_MONTHS) -> bool:
    age = months_since(last_validated, today)
    return age is not None and age >= months


def validated_note(last_validated: str, today: _dt.date) -> str:
    """ "validated 14 months ago" (or "validated this month")."""
    age = months_since(last_validated, today)
    if age is None:
        return ""
    if age == 0:
        return "validated this month"
    return f"validated {age} month{'s' if age != 1 else ''} ago"
