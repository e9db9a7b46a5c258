"""Revalidate the library's personas against a new survey: match, measure drift, confirm.

``discover NEW.csv --against-library`` segments the new data as usual, then
matches each new segment's draft to an existing persona by profile similarity:
the Jaccard index of the word sets of their role, demographics, channels,
tools, goals, pain points and quote (lower-cased words of three letters or
more, numbers and percentages left out). Pairs are taken greedily, best score
first, each persona and segment at most once, and only above ``THRESHOLD``.
Candidates are the personas that came from a survey (a research source of
kind "survey"), or every persona when asked.

Drift per matched persona: its share then (the latest survey source's
"n = X of Y") and now (the segment's size of the new total), and the
distinguishing answers that rose or fell, comparing the "... : 61 % vs 22 %
overall" lines ``discover`` wrote in the persona's notes with the new
segment's. Confirming appends the new survey as a research source and sets
"last validated" to today, for the confirmed personas in one transaction.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from personadesigner.core.persona import Persona, Source, fold
from personadesigner.discovery.drafts import PROFILE_FIELDS as DRAFT_PROFILE_FIELDS
from personadesigner.discovery.profile import pct
from personadesigner.discovery.run import Discovery, SegmentReport
from personadesigner.errors import UserError

THRESHOLD = 0.20
#: Points (of 100) a distinguishing answer must move to count as risen or fallen.
MOVE = 5
#: How many distinguishing answers discover writes into a draft's notes (drafts.py), compared alike.
LISTED = 8
#: What a persona and a new segment's draft are compared on: the draft's profile fields
#: (discovery.drafts) and the lists and quote a segment's answers fill.
PROFILE_FIELDS = (*DRAFT_PROFILE_FIELDS, "channels", "tools", "goals", "pain_points", "quote")
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "our",
        "that",
        "this",
        "you",
        "your",
        "are",
        "not",
        "but",
        "can",
        "from",
        "have",
        "all",
        "any",
        "out",
        "get",
    ]
)
_SHARE = re.compile(r"\bn\s*=\s*([\d,]+)\s+of\s+([\d,]+)\b")
_FINDING = re.compile(r"^\s*(?P<key>.+?): (?P<share>\d+) % vs \d+ % overall\s*$")


@dataclass
class Change:
    answer: str  # "Job title = IT director"
    then: int | None  # percent of the segment, None: not distinguishing then
    now: int | None


@dataclass
class Match:
    persona: Persona
    segment: SegmentReport
    score: float
    share_then: tuple[int, int] | None  # (n, of) from the persona's survey source
    share_now: tuple[int, int]
    changes: list[Change] = field(default_factory=list)

    @property
    def rose(self) -> list[Change]:
        return [c for c in self.changes if (c.now or 0) - (c.then or 0) >= MOVE]

    @property
    def fell(self) -> list[Change]:
        return [c for c in self.changes if (c.then or 0) - (c.now or 0) >= MOVE]


@dataclass
class Revalidation:
    source: str
    total: int
    matches: list[Match]
    new_segments: list[SegmentReport]  # no persona matched
    unmatched: list[Persona]  # candidates no segment matched


def tokens(p: Persona) -> set[str]:
    """The words of the persona's profile (what two personas of the same people share)."""
    parts: list[str] = []
    for name in PROFILE_FIELDS:
        value = getattr(p, name)
        parts.extend(value if isinstance(value, list) else [value])
    return {w for w in _WORD.findall(fold(" ".join(parts))) if w not in _STOP}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if (a or b) else 0.0


def survey_share(p: Persona) -> tuple[int, int] | None:
    """(n, of) from the latest survey source whose title says "n = X of Y"."""
    for source in reversed(p.sources):
        m = _SHARE.search(source.title) if source.kind == "survey" else None
        if m:
            return int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
    return None


def came_from_survey(p: Persona) -> bool:
    return any(s.kind == "survey" for s in p.sources)


def _finding_shares(lines: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in lines:
        m = _FINDING.match(line)
        if m:
            out.setdefault(m.group("key"), int(m.group("share")))
    return out


def answer_changes(p: Persona, segment: SegmentReport) -> list[Change]:
    """Distinguishing answers then (the persona's notes) and now (the new segment), largest move first."""
    then = _finding_shares(p.notes.splitlines())  # discover notes the strongest LISTED answers
    now = _finding_shares([f.text for f in segment.findings])
    listed = _finding_shares([f.text for f in segment.findings[:LISTED]])
    changes = [Change(key, then.get(key), now.get(key)) for key in {**then, **listed}]
    changes.sort(key=lambda c: (-abs((c.now or 0) - (c.then or 0)), c.answer))
    return changes


def match(result: Discovery, personas: list[Persona], *, all_personas: bool = False) -> Revalidation:
    """Pair the new segments with the library's personas and measure their drift."""
    candidates = personas if all_personas else [p for p in personas if came_from_survey(p)]
    total = len(result.table.rows)
    drafts = [(s, tokens(s.persona)) for s in result.segments]
    people = [(p, tokens(p)) for p in candidates]
    pairs = sorted(
        ((jaccard(dt, pt), si, pi) for si, (_s, dt) in enumerate(drafts) for pi, (_p, pt) in enumerate(people)),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_s: set[int] = set()
    used_p: set[int] = set()
    matches: list[Match] = []
    for score, si, pi in pairs:
        if score < THRESHOLD:
            break
        if si in used_s or pi in used_p:
            continue
        used_s.add(si)
        used_p.add(pi)
        segment, persona = drafts[si][0], people[pi][0]
        matches.append(
            Match(
                persona, segment, score, survey_share(persona), (segment.size, total), answer_changes(persona, segment)
            )
        )
    matches.sort(key=lambda m: fold(m.persona.name))
    return Revalidation(
        result.table.source,
        total,
        matches,
        [s for i, (s, _t) in enumerate(drafts) if i not in used_s],
        [p for i, (p, _t) in enumerate(people) if i not in used_p],
    )


def _share_text(share: tuple[int, int] | None) -> str:
    if share is None:
        return "unknown"
    n, of = share
    return f"{pct(n / of)} ({n} of {of})" if of else "unknown"


def _move_text(c: Change) -> str:
    then = f"{c.then} %" if c.then is not None else "not listed"
    now = f"{c.now} %" if c.now is not None else "no longer distinguishing"
    return f"{c.answer}: {then} -> {now}"


def report_text(rv: Revalidation) -> str:
    """The drift report a marketer reads."""
    lines = [f"Revalidation against the library: {rv.source}, {rv.total} respondents", ""]
    if not rv.matches:
        lines.append("No persona of the library matches a segment of the new data.")
    for m in rv.matches:
        lines.append(f"{m.persona.name}  <-  segment {m.segment.number} (similarity {m.score:.2f})")
        lines.append(f"  Share: then {_share_text(m.share_then)}, now {_share_text(m.share_now)}")
        for title, moved in (("Rose", m.rose), ("Fell", m.fell)):
            if moved:
                lines.append(f"  {title}:")
                lines += [f"    {_move_text(c)}" for c in moved[:6]]
        if not (m.rose or m.fell):
            lines.append("  Distinguishing answers: no change of 5 points or more.")
        lines.append(f"  Last validated: {m.persona.last_validated or 'never'}")
    for s in rv.new_segments:
        lines.append(f"New segment {s.number} matches no persona: {s.persona.name} ({pct(s.share)} of respondents)")
    for p in rv.unmatched:
        lines.append(f"Not found in the new data: {p.name}")
    return "\n".join(lines) + "\n"


def confirmed(rv: Revalidation, names: list[str]) -> list[Match]:
    """The matches the user confirmed by persona name or id ("all": every match)."""
    if any(n.strip().lower() == "all" for n in names):
        return list(rv.matches)
    chosen: list[Match] = []
    for name in names:
        hit = [m for m in rv.matches if m.persona.id == name or fold(m.persona.name.strip()) == fold(name.strip())]
        if not hit:
            matched = ", ".join(f'"{m.persona.name}"' for m in rv.matches) or "none"
            raise UserError(f'"{name}" is not a persona matched to the new data (matched: {matched}).')
        chosen.extend(m for m in hit if m not in chosen)
    return chosen


def validated(m: Match, source: str, today: _dt.date) -> Persona:
    """The persona with the new survey as a source and "last validated" today."""
    p = m.persona.copy()
    n, of = m.share_now
    p.sources.append(
        Source(
            kind="survey",
            title=f"Survey {source}, n = {n} of {of}",
            date=today.isoformat(),
            note=f"revalidated: represents {pct(n / of)} of {of} respondents (similarity {m.score:.2f})",
        )
    )
    p.last_validated = today.isoformat()
    return p
