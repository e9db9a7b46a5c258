"""Backs on printed pages: each back behind its own front, for printing on both sides.

One card per page: the back is the page after its front (front, back, front,
back), on a page of the same size. N-up sheets: every sheet of fronts is
followed by a sheet of their backs, each back in the slot that lands behind its
front when the sheet is turned over. Turned over its long edge a sheet keeps
its long dimension and mirrors the short one (a portrait sheet mirrors columns:
x' = sheet width - x - card width; a landscape one mirrors rows); over its short
edge the other way round (sheets of backs printed without --duplex are laid
out for the long edge). Bleed boxes and crop marks are mirrored with the
cards, so the trim boxes of both sides line up exactly. Also the one check of a
duplex request, shared by the CLI (before any layout) and the export (once the
first card is laid out). Pure geometry, no Qt.
"""

from __future__ import annotations

from typing import Literal

from personadesigner.core.cardlayout import CardLayout
from personadesigner.errors import UsageError
from personadesigner.render.marks import Segment
from personadesigner.render.shapes import Rect
from personadesigner.render.sheet import Placement, Sheet

Flip = Literal["long", "short"]


def check_duplex_request(duplex: Flip | None, *, backs: bool, tile_to: str | None, imposed: bool) -> None:
    """A duplex print needs backs and N-up sheets (``imposed``; never tiles): a UsageError
    (exit 1) says what to add. Nothing to check without ``duplex``."""
    if duplex is None:
        return
    if not backs:
        raise UsageError("--duplex needs --backs: there is nothing to print on the other side.")
    if tile_to or not imposed:
        raise UsageError(
            "--duplex places backs on N-up sheets: add --per-page N or auto, or a --page-size larger than the card."
        )


def mirrors_columns(sheet_w: float, sheet_h: float, flip: Flip) -> bool:
    """True: the back mirrors x; False: it mirrors y."""
    portrait = sheet_h >= sheet_w
    return portrait == (flip == "long")


def back_sheet(front: Sheet, flip: Flip) -> Sheet | None:
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


def _mirror_point(x: float, y: float, w: float, h: float, W: float, H: float, columns: bool):
    return (W - x - w, y) if columns else (x, H - y - h)


def _mirror_rect(r: Rect, W: float, H: float, columns: bool) -> Rect:
    x, y, w, h = r
    return (*_mirror_point(x, y, w, h, W, H, columns), w, h)


def _mirror_segment(s: Segment, W: float, H: float, columns: bool) -> Segment:
    x1, y1, x2, y2 = s
    if columns:
        return W - x1, y1, W - x2, y2
    return x1, H - y1, x2, H - y2


def any_back(layouts: list[CardLayout]) -> bool:
    return any(lay.back is not None for lay in layouts)


__all__ = ["Flip", "any_back", "back_sheet", "blank_back", "check_duplex_request", "mirrors_columns"]
