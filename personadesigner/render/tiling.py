"""Poster tiling: one large card split across small sheets that overlap for pasting.

Pure geometry: each tile sheet shows its part of the card (bleed included)
inside a border that holds its marks, with alignment marks at the corners of
that part and at the overlap lines, and a label "row r, column c of R x C".
The border is the printer margin (5 mm: what office printers leave blank)
plus room for a whole crop mark, so every mark prints whole.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from personadesigner.core.cardlayout import CardLayout, TextRun
from personadesigner.core.units import PT_PER_MM, page_size
from personadesigner.errors import UserError
from personadesigner.render.imposition import PRINTER_MARGIN
from personadesigner.render.marks import MARK_GAP, MARK_LENGTH, crop_marks
from personadesigner.render.sheet import MARK_COLOR, Placement, Sheet

OVERLAP = 10 * PT_PER_MM
LABEL_SIZE = 7.0
#: The label's baseline above the printer margin: its descenders stay inside.
LABEL_RISE = 1.5 * PT_PER_MM


@dataclass(frozen=True)
class TilePlan:
    sheet_w: float
    sheet_h: float
    rows: int
    cols: int
    overlap: float
    printer_margin: float = PRINTER_MARGIN

    @property
    def margin(self) -> float:
        """The border around the printed part: the printer margin and a whole mark."""
        return tile_margin(self.printer_margin)

    @property
    def area_w(self) -> float:
        return self.sheet_w - 2 * self.margin

    @property
    def area_h(self) -> float:
        return self.sheet_h - 2 * self.margin

    @property
    def count(self) -> int:
        return self.rows * self.cols


def tile_margin(printer_margin: float) -> float:
    return printer_margin + MARK_GAP + MARK_LENGTH


def _count(length: float, area: float, overlap: float) -> int:
    if length <= area:
        return 1
    return math.ceil((length - overlap) / (area - overlap))


def plan_tiles(
    card_w: float,
    card_h: float,
    bleed: float,
    sheet: str,
    overlap: float = OVERLAP,
    printer_margin: float = PRINTER_MARGIN,
) -> TilePlan:
    """The fewest sheets (portrait or landscape) that cover trim + bleed."""
    sw, sh = (v.pt for v in page_size(sheet))
    pw, ph = card_w + 2 * bleed, card_h + 2 * bleed
    border = 2 * tile_margin(printer_margin)
    if min(sw, sh) - border <= overlap:
        raise UserError(
            f"{'An' if sheet[:1].upper() in 'AEIOU' else 'A'} {sheet} sheet leaves no room for a tile inside a "
            f"{printer_margin / PT_PER_MM:g} mm printer margin; "
            "choose a larger sheet or a smaller --printer-margin."
        )
    plans = []
    for w, h in ((sw, sh), (sh, sw)):
        cols = _count(pw, w - border, overlap)
        rows = _count(ph, h - border, overlap)
        plans.append(TilePlan(w, h, rows, cols, overlap, printer_margin))
    return min(plans, key=lambda p: p.count)  # portrait wins a tie


def tile(layout: CardLayout, plan: TilePlan) -> Iterator[Sheet]:
    """One sheet per tile, row by row; poster coordinates start at the bleed's corner."""
    b = layout.bleed
    pw, ph = layout.width + 2 * b, layout.height + 2 * b
    step_x, step_y = plan.area_w - plan.overlap, plan.area_h - plan.overlap
    m = plan.margin
    pm = plan.printer_margin
    bounds = (pm, pm, plan.sheet_w - 2 * pm, plan.sheet_h - 2 * pm)
    for r in range(plan.rows):
        for c in range(plan.cols):
            x0, y0 = c * step_x, r * step_y  # this tile's corner on the poster (incl. bleed)
            w, h = min(plan.area_w, pw - x0), min(plan.area_h, ph - y0)
            area = (m, m, w, h)
            sheet = Sheet(plan.sheet_w, plan.sheet_h)
            sheet.placements.append(Placement(layout, m - x0 + b, m - y0 + b, area))
            sheet.marks = crop_marks(area, 0.0, bounds=bounds)
            if c + 1 < plan.cols:  # where the next column's sheet starts: paste it here
                sheet.marks += _overlap_marks(m + step_x, area, vertical=True)
            if r + 1 < plan.rows:
                sheet.marks += _overlap_marks(m + step_y, area, vertical=False)
            label = f"row {r + 1}, column {c + 1} of {plan.rows} x {plan.cols}"
            baseline = plan.sheet_h - pm - LABEL_RISE
            sheet.labels.append(TextRun(m + MARK_GAP, baseline, label, "sans", LABEL_SIZE, MARK_COLOR, 0.0))
            yield sheet


def _overlap_marks(at: float, area, *, vertical: bool):
    """Short lines outside the printed area on both ends of an overlap line."""
    x, y, w, h = area
    if vertical:
        return [
            (at, y - MARK_GAP - MARK_LENGTH, at, y - MARK_GAP),
            (at, y + h + MARK_GAP, at, y + h + MARK_GAP + MARK_LENGTH),
        ]
    return [
        (x - MARK_GAP - MARK_LENGTH, at, x - MARK_GAP, at),
        (x + w + MARK_GAP, at, x + w + MARK_GAP + MARK_LENGTH, at),
    ]
