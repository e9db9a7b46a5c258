"""One draft persona per segment, built only from what the segment's respondents answered.

Columns map to persona fields by their headers (the CSV import's synonym table:
"Job title" -> role, "Company size" -> company_size...) and by words in the
question for open answers ("goal" -> goals, "frustrat"/"pain"/"challenge" ->
pain points). Values are the segment's typical answers: the most common
category, a number's interquartile range, the multi-select options at least
``CHANNEL_SHARE`` of the segment ticked (with the share). Goals, pain points and
the quote are real answers, verbatim. Every draft is tagged ``draft`` and named
"Draft persona N — <what distinguishes it>" until the user names and accepts it.

Confidence comes from the segment's stability (mean Jaccard over resamples):
>= 0.85 high, >= 0.6 medium, else low; a segment of fewer than 30 respondents
is at most medium.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter

import numpy as np

from personadesigner.core.persona import NAME_MAX, Persona, Source
from personadesigner.discovery.columns import Column
from personadesigner.discovery.encode import Answers
from personadesigner.discovery.profile import Finding, pct, representative
from personadesigner.interchange.csv_fields import field_for_header, header_key

DRAFT_TAG = "draft"
CHANNEL_SHARE = 0.30
HIGH, MEDIUM = 0.85, 0.60
#: Single-value fields a segment's typical answer can fill.
PROFILE_FIELDS = (
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
    "budget",
)
_TEXT_FIELDS = (
    ("pain_points", re.compile(r"pain|frustrat|challeng|problem|difficult|annoy|struggl|hate|worst", re.I)),
    ("goals", re.compile(r"goal|objective|aim|achieve|want to|hope|need", re.I)),
    ("motivations", re.compile(r"motivat|why do you|reason", re.I)),
    ("objections", re.compile(r"objection|concern|barrier|stop(s|ped)? you|hesitat", re.I)),
)
_LIST_FIELDS_FROM_OPTIONS = ("channels", "tools", "behaviors", "values", "buying_criteria", "motivations")


def confidence_for(stability: float, size: int) -> str:
    level = "high" if stability >= HIGH else "medium" if stability >= MEDIUM else "low"
    return "medium" if level == "high" and size < 30 else level


def text_field(col: Column) -> str | None:
    """The persona list a column of open answers feeds, or None (it still gives quotes)."""
    mapped = field_for_header(col.name)
    if mapped in ("goals", "pain_points", "motivations", "objections"):
        return mapped
    for name, pattern in _TEXT_FIELDS:
        if pattern.search(col.name):
            return name
    return None


def option_field(col: Column) -> str | None:
    mapped = field_for_header(col.name)
    if mapped in _LIST_FIELDS_FROM_OPTIONS:
        return mapped
    key = header_key(col.name)
    if "channel" in key or "where do you" in key or "social" in key:
        return "channels"
    if "tool" in key or "software" in key or "app" in key.split():
        return "tools"
    return None


def draft(
    number: int,
    of: int,
    columns: list[Column],
    answers: Answers,
    members: np.ndarray,
    closeness: np.ndarray,
    found: list[Finding],
    *,
    source: str,
    stability: float,
    today: _dt.date,
) -> Persona:
    """The draft persona of one segment (validated)."""
    size, total = int(members.sum()), len(answers)
    label = _name_label(found)
    name = f"Draft persona {number}" + (f" \u2014 {label}" if label else "")
    p = Persona(name=_fit(name, NAME_MAX))
    for col in columns:
        _fill_from(p, col, answers, members, size)
    _add_open_answers(p, columns, answers, members, closeness)
    share = size / total
    p.segment = f"Segment {number} of {of} ({pct(share)} of respondents)"
    p.sources = [
        Source(
            kind="survey",
            title=f"Survey {source}, n = {size} of {total}",
            date=today.isoformat(),
            note=f"represents {pct(share)} of {total} respondents; stability {stability:.2f}",
        )
    ]
    p.confidence = confidence_for(stability, size)
    p.last_validated = today.isoformat()
    p.tags = [DRAFT_TAG]
    p.notes = "Distinguishing answers (from discover):\n" + "\n".join(f.text for f in found[:8])
    p.validate()
    return p


def _fill_from(p: Persona, col: Column, answers: Answers, members: np.ndarray, size: int) -> None:
    """Fill the field ``col`` maps to with the segment's typical answer (a field already filled is kept)."""
    target = field_for_header(col.name)
    if col.kind in ("category", "likert") and target in PROFILE_FIELDS and not getattr(p, target):
        typical = _most_common(answers.cells(col), members)
        if typical:
            setattr(p, target, typical)
    elif col.kind == "number" and target in PROFILE_FIELDS and not getattr(p, target):
        typical = _middle_range(answers.numbers(col)[members])
        if typical:
            setattr(p, target, typical)
    elif col.kind == "multi":
        target = option_field(col)
        if target:
            getattr(p, target).extend(_common_options(answers, col, members, size))


def _most_common(cells: list[str], members: np.ndarray) -> str:
    """The members' most common non-blank answer ("" when none answered)."""
    typical = Counter(cells[i].strip() for i in np.flatnonzero(members) if cells[i].strip())
    return typical.most_common(1)[0][0] if typical else ""


def _middle_range(x: np.ndarray) -> str:
    """The interquartile range of the answered numbers ("30-44", or "37" when both ends round alike; "" if none)."""
    x = x[~np.isnan(x)]
    if not len(x):
        return ""
    lo, hi = np.percentile(x, [25, 75])
    return f"{lo:.0f}" if round(lo) == round(hi) else f"{lo:.0f}-{hi:.0f}"


def _common_options(answers: Answers, col: Column, members: np.ndarray, size: int) -> list[str]:
    """The options at least ``CHANNEL_SHARE`` of the segment ticked, most ticked first, with the share."""
    matrix, options = answers.option_matrix(col)
    shares = matrix[members].sum(axis=0) / size
    return [
        f"{options[k]} ({pct(shares[k])})"
        for k in sorted(np.flatnonzero(shares >= CHANNEL_SHARE), key=lambda k: (-shares[k], options[k]))
    ]


def _add_open_answers(
    p: Persona, columns: list[Column], answers: Answers, members: np.ndarray, closeness: np.ndarray
) -> None:
    """The quote and up to three verbatim goals, pain points... from the segment's most typical open answers."""
    by_column = [
        (text_field(col), representative(answers.cells(col), members, closeness, limit=4))
        for col in columns
        if col.kind == "text"
    ]
    # The quote: a free "anything else?" answer is the most personal, then a frustration, then a goal.
    preference = {None: 0, "pain_points": 1, "goals": 2}
    pool = sorted((preference.get(target, 3), picked[0]) for target, picked in by_column if picked)
    p.quote = pool[0][1] if pool else ""
    for target, picked in by_column:
        if target is not None:
            getattr(p, target).extend(a for a in picked if a != p.quote and a not in getattr(p, target))
            del getattr(p, target)[3:]


def _name_label(found: list[Finding]) -> str:
    """The answer that best names the segment: a distinguishing role first, else the strongest answer."""
    answers = [f for f in found if f.answer != "median"]
    roles = [f for f in answers if field_for_header(f.column) == "role"]
    if roles:
        return roles[0].answer
    if answers:
        return f"{answers[0].column}: {answers[0].answer}"
    return found[0].text if found else ""


def _fit(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
