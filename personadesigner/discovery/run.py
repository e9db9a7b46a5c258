"""The whole discovery: read, check, infer kinds, segment, profile, draft.

Known problems with the input (too few respondents, nothing to segment on, an
identifier column with duplicates) are raised as one-sentence UserErrors before
any work is done; what was ignored (empty/constant columns, stray cells) is
reported with the result instead of failing.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from personadesigner.core.persona import Persona
from personadesigner.discovery.columns import Column, infer_columns
from personadesigner.discovery.drafts import draft
from personadesigner.discovery.encode import Answers, encode
from personadesigner.discovery.profile import Finding, findings, representative
from personadesigner.discovery.segment import MAX_SEGMENTS, Segmentation, segment
from personadesigner.discovery.table import Table, read_table
from personadesigner.errors import UserError


@dataclass
class SegmentReport:
    number: int
    size: int
    share: float
    stability: float
    findings: list[Finding]
    open_answers: dict[str, list[str]]
    persona: Persona


@dataclass
class Discovery:
    table: Table
    columns: list[Column]
    segmentation: Segmentation
    segments: list[SegmentReport]
    asked: int | None
    warnings: list[str] = field(default_factory=list)

    @property
    def drafts(self) -> list[Persona]:
        return [s.persona for s in self.segments]

    @property
    def id_column(self) -> Column | None:
        return next((c for c in self.columns if c.kind == "identifier"), None)

    def respondent_ids(self) -> list[str]:
        col = self.id_column
        if col is None:
            return [f"row {i + 2}" for i in range(len(self.table.rows))]  # the spreadsheet's row number
        return [row[col.index] for row in self.table.rows]


def load(path: str | os.PathLike[str], encoding: str | None = None) -> Table:
    return read_table(path, encoding=encoding)


def plan_columns(table: Table, overrides: dict[str, str] | None = None, id_column: str | None = None) -> list[Column]:
    """The columns' kinds (guessed, then the user's corrections)."""
    if len(table.header) < 2:
        raise UserError(
            f"{table.source}: has a single column; discovery needs at least two questions answered per respondent."
        )
    return infer_columns(table.header, table.rows, overrides, id_column)


def discover(
    table: Table, columns: list[Column], segments: int | None = None, *, seed: int = 1, today: _dt.date | None = None
) -> Discovery:
    """Segment ``table`` into ``segments`` (None: choose 2-8) and draft one persona per segment."""
    today = today or _dt.date.today()
    n = len(table.rows)
    used = [c for c in columns if c.used]
    if len(used) < 2:
        named = ", ".join(f'"{c.name}"' for c in used) or "none"
        raise UserError(
            f"{table.source}: only {len(used)} column(s) can be segmented on ({named}); "
            "discovery needs at least two (numbers, categories, scales, multi-selects or dates)."
        )
    if segments is not None and not 2 <= segments <= MAX_SEGMENTS:
        raise UserError(f"--segments must be between 2 and {MAX_SEGMENTS} (or auto).")
    if segments is not None and n < segments:
        raise UserError(f"{table.source}: has {n} respondent(s), fewer than the {segments} segments asked.")
    if n < 2 * (segments or 2):
        raise UserError(
            f"{table.source}: has only {n} respondent(s); {2 * (segments or 2)} or more are needed "
            f"for {segments or 2} segments."
        )
    _check_ids(table, columns)
    answers = Answers(table.rows)
    enc = encode(columns, table.rows, answers)
    seg = segment(enc, segments, seed=seed)
    closeness = seg.distance_to_medoid
    result = Discovery(table, columns, seg, [], segments, list(table.warnings))
    for k in range(seg.k):
        members = seg.labels == k
        found = findings(columns, answers, members)
        open_answers = {
            c.name: representative(answers.cells(c), members, closeness) for c in columns if c.kind == "text"
        }
        persona = draft(
            k + 1,
            seg.k,
            columns,
            answers,
            members,
            closeness,
            found,
            source=Path(table.source).name,
            stability=float(seg.stability[k]),
            today=today,
        )
        result.segments.append(
            SegmentReport(
                k + 1, int(members.sum()), float(members.mean()), float(seg.stability[k]), found, open_answers, persona
            )
        )
    return result


def _check_ids(table: Table, columns: list[Column]) -> None:
    col = next((c for c in columns if c.kind == "identifier"), None)
    if col is None:
        return
    counts = Counter(v for v in table.column(col.index) if v.strip())
    repeated = [(v, c) for v, c in counts.items() if c > 1]
    if repeated:
        first = repeated[0][0]
        raise UserError(
            f'The identifier column "{col.name}" repeats {len(repeated)} id(s) (e.g. "{first[:40]}" '
            f"{repeated[0][1]} times); remove the duplicate respondents, or use "
            f'--column "{col.name}=ignore" to segment without ids.'
        )


def segments_arg(text: str) -> int | None:
    value = text.strip().lower()
    if value == "auto":
        return None
    if value.isascii() and value.isdecimal():
        return int(value)
    raise UserError(f'"{text}" is not a number of segments or "auto".')


def assignments_rows(result: Discovery) -> list[list[str]]:
    ids = result.respondent_ids()
    names = [s.persona.name for s in result.segments]
    return [[rid, str(int(k) + 1), names[int(k)]] for rid, k in zip(ids, np.asarray(result.segmentation.labels))]
