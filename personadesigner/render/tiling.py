"""Poster tiling: one large card split across small sheets that overlap for pasting.

Pure geometry: each tile sheet shows its part of the card (bleed included)
inside a margin printers can print, with alignment marks at the corners of
that part and at the overlap lines, and a label "row r, column c of R x C".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

from personadesigner.core.cardlayout import CardLayout, TextRun
from personadesigner.core.units import PT_PER_MM, page_size
from personadesigner.render.marks import MARK_GAP, MARK_LENGTH, crop_marks
from personadesigner.render.sheet import MARK_COLOR, Placement, Sheet

OVERLAP = 10 * PT_PER_MM
#: Unprinted border of each tile: room for marks and the label.
MARGIN = 10 * PT_PER_MM
LABEL_SIZE = 7.0


@dataclass(frozen=True)
class TilePlan:
    sheet_w: float
    sheet_h: float
    rows: int
    cols: int
    overlap: float

    @property
    def area_w(self) -> float:
        return self.sheet_w - 2 * MARGIN

    @property
    def area_h(self) -> float:
        return self.sheet_h - 2 * MARGIN

    @property
    def count(self) -> int:
        return self.rows * self.cols


def _count(length: float, area: float, overlap: float) -> int:
    if length <= area:
        return 1
    return math.ceil((length - overlap) / (area - overlap))


def plan_tiles(card_w: float, card_h: float, bleed: float, sheet: str, overlap: float = OVERLAP) -> TilePlan:
    """The fewest sheets (portrait or landscape) that cover trim + bleed."""
    sw, sh = (v.pt for v in page_size(sheet))
    pw, ph = card_w + 2 * bleed, card_h + 2 * bleed
    plans = []
    for w, h in ((sw, sh), (sh, sw)):
        cols = _count(pw, w - 2 * MARGIN, overlap)
        rows = _count(ph, h - 2 * MARGIN, overlap)
        plans.append(TilePlan(w, h, rows, cols, overlap))
    return min(plans, key=lambda p: p.count)  # portrait wins a tie


def tile(layout: CardLayout, plan: TilePlan) -> Iterator[Sheet]:
    """One sheet per tile, row by row; poster coordinates start at the bleed's corner."""
    b = layout.bleed
    pw, ph = layout.width + 2 * b, layout.height + 2 * b
    step_x, step_y = plan.area_w - plan.overlap, plan.area_h - plan.overlap
    bounds = (0.0, 0.0, plan.sheet_w, plan.sheet_h)
    for r in range(plan.rows):
        for c in range(plan.cols):
            x0, y0 = c * step_x, r * step_y  # this tile's corner on the poster (incl. bleed)
            w, h = min(plan.area_w, pw - x0), min(plan.area_h, ph - y0)
            area = (MARGIN, MARGIN, w, h)
            sheet = Sheet(plan.sheet_w, plan.sheet_h)
            sheet.placements.append(Placement(layout, MARGIN - x0 + b, MARGIN - y0 + b, area))
            sheet.marks = crop_marks(area, 0.0, bounds=bounds)
            if c + 1 < plan.cols:  # where the next column's sheet starts: paste it here
                sheet.marks += _overlap_marks(MARGIN + step_x, area, vertical=True)
            if r + 1 < plan.rows:
                sheet.marks += _overlap_marks(MARGIN + step_y, area, vertical=False)
            label = f"row {r + 1}, column {c + 1} of {plan.rows} x {plan.cols}"
            baseline = plan.sheet_h - MARGIN / 2 + LABEL_SIZE / 3
            sheet.labels.append(TextRun(MARGIN + MARK_GAP + MARK_LENGTH, baseline, label, "sans", LABEL_SIZE, MARK_COLOR, 0.0))
            yield sheet


def _overlap_marks(at: float, area, *, vertical: bool):
    """Short lines outside the printed area on both ends of an overlap line."""
    x, y, w, h = area
    if vertical:
        return [(at, y - MARK_GAP - MARK_LENGTH, at, y - MARK_GAP), (at, y + h + MARK_GAP, at, y + h + MARK_GAP + MARK_LENGTH)]
    return [(x - MARK_GAP - MARK_LENGTH, at, x - MARK_GAP, at), (x + w + MARK_GAP, at, x + w + MARK_GAP + MARK_LENGTH, at)]
