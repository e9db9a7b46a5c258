"""What distinguishes a segment from the whole sample, with the numbers.

Categories and multi-select options: the answers whose share in the segment is
well above their share overall ("Job title = IT director: 61 % vs 22 %
overall"). Numbers, dates and scales: the segment's median against the overall
median, when they differ by at least a third of the overall interquartile range
(for a scale: at least one step). Each finding carries a score (how far the
segment stands out) so the strongest come first.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass

import numpy as np

from personadesigner.discovery.columns import Column
from personadesigner.discovery.encode import Answers

#: A share must be at least this many points above overall, and this high in the segment.
MIN_LIFT, MIN_SHARE = 0.10, 0.25


@dataclass(frozen=True)
class Finding:
    column: str
    answer: str  # the answer (category/option) or "median"
    text: str  # "Job title = IT director: 61 % vs 22 % overall"
    score: float
    share: float | None = None  # in the segment (categories/options)


def pct(x: float) -> str:
    return f"{round(100 * x)} %"


def findings(columns: list[Column], answers: Answers, members: np.ndarray) -> list[Finding]:
    """The segment's distinguishing answers, strongest first (``members``: boolean mask)."""
    out: list[Finding] = []
    for col in columns:
        if not col.used:
            continue
        if col.kind == "category":
            codes, names = answers.codes(col)
            matrix = np.zeros((len(codes), len(names)), dtype=bool)
            matrix[np.flatnonzero(codes >= 0), codes[codes >= 0]] = True
            out.extend(_shares(col.name, matrix, names, members, " = "))
        elif col.kind == "multi":
            matrix, names = answers.option_matrix(col)
            out.extend(_shares(col.name, matrix, names, members, ": "))
        else:
            out.extend(_medians(col, answers.numbers(col), members))
    out.sort(key=lambda f: -f.score)
    return out


def _shares(name: str, matrix: np.ndarray, names: list[str], members: np.ndarray, joiner: str) -> list[Finding]:
    """Answers (columns of ``matrix``) ticked by a clearly bigger share of the segment than of everyone."""
    answered = matrix.any(axis=1)
    n_all, n_in = int(answered.sum()), int((answered & members).sum())
    if not n_all or not n_in:
        return []
    overall = matrix.sum(axis=0) / n_all
    inside = matrix[members].sum(axis=0) / n_in
    out = []
    for k in np.flatnonzero((inside - overall >= MIN_LIFT) & (inside >= MIN_SHARE)):
        text = f"{name}{joiner}{names[k]}: {pct(inside[k])} vs {pct(overall[k])} overall"
        out.append(Finding(name, names[k], text, score=float(inside[k] - overall[k]), share=float(inside[k])))
    return out


def _medians(col: Column, x: np.ndarray, members: np.ndarray) -> list[Finding]:
    ok = ~np.isnan(x)
    if ok.sum() < 4 or (ok & members).sum() < 2:
        return []
    overall, inside = float(np.median(x[ok])), float(np.median(x[ok & members]))
    q1, q3 = np.percentile(x[ok], [25, 75])
    spread = max(float(q3 - q1), 1.0 if col.kind == "likert" else 1e-9)
    diff = inside - overall
    if col.kind == "likert":
        if abs(diff) < 1:
            return []
    elif abs(diff) < spread / 3:
        return []
    text = f"{col.name}: median {show_value(col, inside)} vs {show_value(col, overall)} overall"
    return [Finding(col.name, "median", text, score=min(1.0, abs(diff) / spread) * 0.5)]


def show_value(col: Column, x: float) -> str:
    """A median as the user's own words: a scale label, a date, or a number."""
    if col.kind == "likert" and col.levels:
        return f'"{col.levels[int(round(x))]}"' if not col.levels[0].isdigit() else col.levels[int(round(x))]
    if col.kind == "date":
        return _dt.date.fromordinal(int(round(x))).isoformat()
    return f"{x:g}" if abs(x) >= 1 or x == 0 else f"{x:.2f}"


def representative(cells: list[str], members: np.ndarray, closeness: np.ndarray, limit: int = 3) -> list[str]:
    """Open answers from the segment, verbatim: the most frequent first, ties to the most typical respondent.

    When answers repeat, one given by fewer than 5 % of the segment is left out (noise); when every
    answer is unique, the answers of the respondents nearest the medoid are the representative ones.
    """
    counts: Counter = Counter()
    best: dict[str, float] = {}
    for i in np.flatnonzero(members):
        text = cells[i].strip()
        if len(text) < 3:
            continue
        counts[text] += 1
        best[text] = min(best.get(text, np.inf), float(closeness[i]))
    ranked = sorted(counts, key=lambda t: (-counts[t], best[t], t))
    if ranked and counts[ranked[0]] > 1:
        # Answers that repeat (a coded or common answer): a rare one is noise, not the segment's voice.
        floor = max(2, 0.05 * sum(counts.values()))
        ranked = [t for t in ranked if counts[t] >= floor] or ranked[:1]
    return ranked[:limit]
