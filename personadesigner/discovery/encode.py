"""Respondents' answers as numbers for the Gower distance.

Numbers, dates and Likert ranks become one column each, scaled to 0-1 by the
range between the 1st and 99th percentile (an outlier does not squash
everyone else); categories become one-hot blocks; each multi-select question
becomes a block of 0/1 options compared by Jaccard distance. Blank and stray cells are missing and count
for nothing in the distance (Gower's rule: average over the questions both
respondents answered).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from personadesigner.discovery.columns import Column, likert_rank, parse_date, parse_number, split_options


@dataclass
class Encoded:
    """The answers in the blocks ``gower`` reads; rows are respondents."""

    numeric: np.ndarray  # (n, p) float32 in 0-1, NaN = missing
    onehot: np.ndarray  # (n, levels) float32, all categorical questions side by side
    cat_present: np.ndarray  # (n, q) float32: 1 where the question was answered
    multi: list[np.ndarray] = field(default_factory=list)  # per question (n, options) 0/1
    multi_present: list[np.ndarray] = field(default_factory=list)  # per question (n,) 0/1
    multi_options: list[list[str]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return int(self.numeric.shape[0])

    @property
    def questions(self) -> int:
        return int(self.numeric.shape[1] + self.cat_present.shape[1] + len(self.multi))


def numeric_values(col: Column, cells: list[str]) -> np.ndarray:
    """The column as floats (NaN for blank or stray): numbers, date ordinals or scale ranks."""
    lookup: dict[str, float] = {}
    for cell in set(cells):  # answers repeat: parse each distinct one once
        x: float | None = None
        if cell.strip():
            if col.kind == "number":
                x = parse_number(cell)
            elif col.kind == "likert":
                x = likert_rank(col, cell)
            else:
                d = parse_date(cell)
                x = float(d.toordinal()) if d else None
        lookup[cell] = np.nan if x is None else x
    return np.array([lookup[c] for c in cells], dtype=np.float64)


def category_values(cells: list[str]) -> list[str]:
    """Categories compare case- and space-insensitively; the first spelling met is shown."""
    return [" ".join(c.split()) for c in cells]


def encode(columns: list[Column], rows: list[list[str]], answers: Answers | None = None) -> Encoded:
    """The blocks of every segmentable column (``answers``: reuse numbers already parsed)."""
    n = len(rows)
    nums, onehots, presents = [], [], []
    enc_multi, enc_multi_present, enc_options = [], [], []
    for col in columns:
        if not col.used:
            continue
        cells = [row[col.index] for row in rows]
        if col.kind in ("number", "likert", "date"):
            x = answers.numbers(col) if answers is not None else numeric_values(col, cells)
            scaled = _scaled(x)
            if scaled is not None:
                nums.append(scaled)
        elif col.kind == "category":
            block, present = _onehot(cells)
            onehots.append(block)
            presents.append(present)
        elif col.kind == "multi":
            block, options = _ticked(cells, col.separator)
            enc_multi.append(block)
            enc_multi_present.append((block.sum(axis=1) > 0).astype(np.float32))
            enc_options.append(options)
    numeric = np.stack(nums, axis=1).astype(np.float32) if nums else np.zeros((n, 0), np.float32)
    onehot = np.concatenate(onehots, axis=1) if onehots else np.zeros((n, 0), np.float32)
    cat_present = np.stack(presents, axis=1) if presents else np.zeros((n, 0), np.float32)
    return Encoded(numeric, onehot, cat_present, enc_multi, enc_multi_present, enc_options)


def _scaled(x: np.ndarray) -> np.ndarray | None:
    """``x`` mapped to 0-1 by its 1st-99th percentile range (min-max for 20 answers or fewer); None if all missing."""
    ok = ~np.isnan(x)
    if ok.sum() == 0:
        return None
    lo, hi = np.percentile(x[ok], [1, 99]) if ok.sum() > 20 else (x[ok].min(), x[ok].max())
    span = (hi - lo) or 1.0
    return np.clip((x - lo) / span, 0.0, 1.0)


def _onehot(cells: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """A category question as one-hot columns (one per answer, case-insensitive) and where it was answered."""
    n = len(cells)
    values = [v.lower() for v in category_values(cells)]
    levels = sorted({v for v in values if v})
    index = {v: k for k, v in enumerate(levels)}
    block = np.zeros((n, len(levels)), dtype=np.float32)
    present = np.zeros(n, dtype=np.float32)
    for i, v in enumerate(values):
        if v:
            block[i, index[v]] = 1.0
            present[i] = 1.0
    return block, present


def _ticked(cells: list[str], separator: str) -> tuple[np.ndarray, list[str]]:
    """A multi-select question as 0/1 (respondents x options, lower-cased and sorted) and its options."""
    split = [[o.lower() for o in split_options(c, separator)] for c in cells]
    options = sorted({o for parts in split for o in parts})
    index = {o: k for k, o in enumerate(options)}
    block = np.zeros((len(cells), len(options)), dtype=np.float32)
    for i, parts in enumerate(split):
        for o in parts:
            block[i, index[o]] = 1.0
    return block, options


def gower(enc: Encoded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Gower distances (float32, 0-1) between respondents ``a`` and ``b`` (index arrays).

    Categorical mismatches come from two matrix products (answered-both minus
    same-answer), so the cost is a few BLAS calls, not a loop over pairs.
    """
    total = np.zeros((len(a), len(b)), dtype=np.float32)
    count = np.zeros((len(a), len(b)), dtype=np.float32)
    tmp = np.empty_like(total)
    both = np.empty_like(total)
    complete = 0  # numeric questions every respondent in a and b answered: count them once at the end
    for v in range(enc.numeric.shape[1]):
        xa, xb = enc.numeric[a, v], enc.numeric[b, v]
        ma, mb = ~np.isnan(xa), ~np.isnan(xb)
        np.subtract(np.where(ma, xa, 0)[:, None], np.where(mb, xb, 0)[None, :], out=tmp)
        np.abs(tmp, out=tmp)
        if ma.all() and mb.all():
            total += tmp
            complete += 1
        else:
            np.multiply(ma.astype(np.float32)[:, None], mb.astype(np.float32)[None, :], out=both)
            tmp *= both
            total += tmp
            count += both
    count += complete
    if enc.cat_present.shape[1]:
        both = enc.cat_present[a] @ enc.cat_present[b].T
        same = enc.onehot[a] @ enc.onehot[b].T
        total += both - same
        count += both
    for block, present in zip(enc.multi, enc.multi_present):
        ba, bb = block[a], block[b]
        inter = ba @ bb.T
        union = ba.sum(1)[:, None] + bb.sum(1)[None, :] - inter
        d = 1.0 - inter / np.maximum(union, 1.0)  # Jaccard: options both ticked among those either ticked
        both = present[a][:, None] * present[b][None, :]
        total += d * both
        count += both
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(count > 0, total / np.maximum(count, 1e-9), 1.0)
    return out.astype(np.float32)


class Answers:
    """The table's cells per column, parsed once and shared by every segment's profile and draft."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.rows = rows
        self._cells: dict[int, list[str]] = {}
        self._numbers: dict[int, np.ndarray] = {}
        self._options: dict[int, list[list[str]]] = {}
        self._other: dict[tuple[str, int], tuple[np.ndarray, list[str]]] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def cells(self, col: Column) -> list[str]:
        if col.index not in self._cells:
            self._cells[col.index] = [row[col.index] for row in self.rows]
        return self._cells[col.index]

    def numbers(self, col: Column) -> np.ndarray:
        if col.index not in self._numbers:
            self._numbers[col.index] = numeric_values(col, self.cells(col))
        return self._numbers[col.index]

    def codes(self, col: Column) -> tuple[np.ndarray, list[str]]:
        """A category column as codes (-1 blank) and each code's first spelling."""
        key = ("codes", col.index)
        if key not in self._other:
            spelling: dict[str, str] = {}
            values = category_values(self.cells(col))
            index: dict[str, int] = {}
            codes = np.full(len(values), -1, dtype=np.int64)
            for i, v in enumerate(values):
                if v:
                    k = v.lower()
                    if k not in index:
                        index[k] = len(index)
                        spelling[k] = v
                    codes[i] = index[k]
            self._other[key] = (codes, list(spelling.values()))
        return self._other[key]

    def option_matrix(self, col: Column) -> tuple[np.ndarray, list[str]]:
        """A multi-select column as 0/1 (respondents x options) and each option's first spelling."""
        key = ("options", col.index)
        if key not in self._other:
            index: dict[str, int] = {}
            spelling: list[str] = []
            for parts in self.options(col):
                for o in parts:
                    if o.lower() not in index:
                        index[o.lower()] = len(spelling)
                        spelling.append(o)
            m = np.zeros((len(self.rows), len(spelling)), dtype=bool)
            for i, parts in enumerate(self.options(col)):
                for o in parts:
                    m[i, index[o.lower()]] = True
            self._other[key] = (m, spelling)
        return self._other[key]

    def options(self, col: Column) -> list[list[str]]:
        if col.index not in self._options:
            self._options[col.index] = [split_options(c, col.separator) for c in self.cells(col)]
        return self._options[col.index]
