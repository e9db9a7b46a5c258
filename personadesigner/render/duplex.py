"""Backs on printed pages: each back behind its own front, for printing on both sides.

One card per page: the back is the page after its front (front, back, front,
back), on a page of the same size. N-up sheets: every sheet of fronts is
followed by a sheet of their backs, each back in the slot that lands behind its
front when the sheet is turned over. Turned over its long edge a sheet keeps
its long dimension and mirrors the short one (a portrait sheet mirrors columns:
x' = sheet width - x - card width; a landscape one mirrors rows); over its short
edge the other way round. Bleed boxes and crop marks are mirrored with the
cards, so the trim boxes of both sides line up exactly. Pure geometry, no Qt.
"""

from __future__ import annotations

from typing import Literal

from personadesigner.core.cardlayout import CardLayout
from personadesigner.render.marks import Segment
from personadesigner.render.shapes import Rect
from personadesigner.render.sheet import Placement, Sheet

Flip = Literal["long", "short"]


def mirrors_columns(sheet_w: float, sheet_h: float, flip: Flip | None) -> bool | None:
    """True: the back mirrors x; False: it mirrors y; None: the back keeps the front's places
    (no flip: backs printed on sheets of their own, to pair by hand)."""
    if flip is None:
        return None
    portrait = sheet_h >= sheet_w
    return portrait == (flip == "long")


def back_sheet(front: Sheet, flip: Flip | None) -> Sheet | None:
    """The sheet printed on the other side of ``front``: each placed card's back at the mirrored
    place, its bleed clip and the front's crop marks mirrored too; None when no card has a back."""
    if not any(p.layout.back is not None for p in front.placements):
        return None
    W, H = front.width, front.height
    columns = mirrors_columns(W, H, flip)
    sheet = Sheet(W, H)
    for p in front.placements:
        back = p.layout.back
        if back is None:
            continue  # that slot stays blank paper on the back too
        x, y = _mirror_point(p.x, p.y, p.layout.width, p.layout.height, W, H, columns)
        sheet.placements.append(Placement(back, x, y, _mirror_rect(p.clip, W, H, columns)))
    sheet.marks = [_mirror_segment(s, W, H, columns) for s in front.marks]
    if front.trim_box is not None:
        sheet.trim_box = _mirror_rect(front.trim_box, W, H, columns)
    if front.bleed_box is not None:
        sheet.bleed_box = _mirror_rect(front.bleed_box, W, H, columns)
    return sheet


def blank_back(front: Sheet) -> Sheet:
    """An empty page the size of ``front``: the back of a card without one keeps a duplex
    print's pages paired (front, back, front, back)."""
    return Sheet(front.width, front.height, trim_box=front.trim_box, bleed_box=front.bleed_box)


def _mirror_point(x: float, y: float, w: float, h: float, W: float, H: float, columns: bool | None):
    if columns is None:
        return x, y
    return (W - x - w, y) if columns else (x, H - y - h)


def _mirror_rect(r: Rect, W: float, H: float, columns: bool | None) -> Rect:
    x, y, w, h = r
    return (*_mirror_point(x, y, w, h, W, H, columns), w, h)


def _mirror_segment(s: Segment, W: float, H: float, columns: bool | None) -> Segment:
    x1, y1, x2, y2 = s
    if columns is None:
        return s
    if columns:
        return W - x1, y1, W - x2, y2
    return x1, H - y1, x2, H - y2


def any_back(layouts: list[CardLayout]) -> bool:
    return any(lay.back is not None for lay in layouts)


__all__ = ["Flip", "any_back", "back_sheet", "blank_back", "mirrors_columns"]
