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

    numeric: np.ndarray                  # (n, p) float32 in 0-1, NaN = missing
    onehot: np.ndarray                   # (n, levels) float32, all categorical questions side by side
    cat_present: np.ndarray              # (n, q) float32: 1 where the question was answered
    multi: list[np.ndarray] = field(default_factory=list)          # per question (n, options) 0/1
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
    out = np.full(len(cells), np.nan, dtype=np.float64)
    for i, cell in enumerate(cells):
        if not cell.strip():
            continue
        if col.kind == "number":
            x = parse_number(cell)
        elif col.kind == "likert":
            x = likert_rank(col, cell)
        else:
            d = parse_date(cell)
            x = float(d.toordinal()) if d else None
        if x is not None:
            out[i] = x
    return out


def category_values(cells: list[str]) -> list[str]:
    """Categories compare case- and space-insensitively; the first spelling met is shown."""
    return [" ".join(c.split()) for c in cells]


def encode(columns: list[Column], rows: list[list[str]]) -> Encoded:
    n = len(rows)
    nums, onehots, presents = [], [], []
    enc_multi, enc_multi_present, enc_options = [], [], []
    for col in columns:
        if not col.used:
            continue
        cells = [row[col.index] for row in rows]
        if col.kind in ("number", "likert", "date"):
            x = numeric_values(col, cells)
            ok = ~np.isnan(x)
            if ok.sum() == 0:
                continue
            lo, hi = np.percentile(x[ok], [1, 99]) if ok.sum() > 20 else (x[ok].min(), x[ok].max())
            span = (hi - lo) or 1.0
            nums.append(np.clip((x - lo) / span, 0.0, 1.0))
        elif col.kind == "category":
            values = [v.lower() for v in category_values(cells)]
            levels = sorted({v for v in values if v})
            index = {v: k for k, v in enumerate(levels)}
            block = np.zeros((n, len(levels)), dtype=np.float32)
            present = np.zeros(n, dtype=np.float32)
            for i, v in enumerate(values):
                if v:
                    block[i, index[v]] = 1.0
                    present[i] = 1.0
            onehots.append(block)
            presents.append(present)
        elif col.kind == "multi":
            split = [[o.lower() for o in split_options(c, col.separator)] for c in cells]
            options = sorted({o for parts in split for o in parts})
            index = {o: k for k, o in enumerate(options)}
            block = np.zeros((n, len(options)), dtype=np.float32)
            for i, parts in enumerate(split):
                for o in parts:
                    block[i, index[o]] = 1.0
            enc_multi.append(block)
            enc_multi_present.append((block.sum(axis=1) > 0).astype(np.float32))
            enc_options.append(options)
    numeric = np.stack(nums, axis=1).astype(np.float32) if nums else np.zeros((n, 0), np.float32)
    onehot = np.concatenate(onehots, axis=1) if onehots else np.zeros((n, 0), np.float32)
    cat_present = np.stack(presents, axis=1) if presents else np.zeros((n, 0), np.float32)
    return Encoded(numeric, onehot, cat_present, enc_multi, enc_multi_present, enc_options)


def gower(enc: Encoded, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Gower distances (float32, 0-1) between respondents ``a`` and ``b`` (index arrays).

    Categorical mismatches come from two matrix products (answered-both minus
    same-answer), so the cost is a few BLAS calls, not a loop over pairs.
    """
    total = np.zeros((len(a), len(b)), dtype=np.float32)
    count = np.zeros((len(a), len(b)), dtype=np.float32)
    for v in range(enc.numeric.shape[1]):
        xa = enc.numeric[a, v][:, None]
        xb = enc.numeric[b, v][None, :]
        d = np.abs(xa - xb)
        ok = ~np.isnan(d)
        total += np.where(ok, d, 0.0)
        count += ok
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
