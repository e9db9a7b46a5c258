"""Crop marks: short hairlines on the trim lines, outside the bleed, never over a card.

Pure geometry shared by every page kind and both painters. A mark starts
``MARK_GAP`` beyond the bleed so the cutter's tolerance never shows it on the
card, and each mark is cut where it would cross another card's bleed area
(on imposed sheets the gutters are narrow). A mark is drawn whole or not at
all: one that would leave the printable area or run into another card is
dropped, never shortened to a stub a cutter cannot line up with.
"""

from __future__ import annotations

from personadesigner.core.units import PT_PER_MM
from personadesigner.render.shapes import Rect

Segment = tuple[float, float, float, float]  # x1, y1, x2, y2

MARK_GAP = 2 * PT_PER_MM
MARK_LENGTH = 5 * PT_PER_MM


def crop_marks(
    trim: Rect,
    bleed: float,
    *,
    avoid: list[Rect] = (),
    bounds: Rect | None = None,
    length: float = MARK_LENGTH,
) -> list[Segment]:
    """Up to eight marks, two per trim corner, extending the trim lines outwards.

    ``avoid`` are rectangles (other cards' bleed boxes) no mark may enter;
    ``bounds`` is the printable area of the sheet. A mark that would cross
    either is left out whole.
    """
    x, y, w, h = trim
    start = bleed + MARK_GAP
    end = start + length
    raw: list[Segment] = []
    for cx in (x, x + w):  # vertical marks above and below the card
        raw.append((cx, y - end, cx, y - start))
        raw.append((cx, y + h + start, cx, y + h + end))
    for cy in (y, y + h):  # horizontal marks left and right of the card
        raw.append((x - end, cy, x - start, cy))
        raw.append((x + w + start, cy, x + w + end, cy))
    return [seg for seg in raw if (bounds is None or inside(seg, bounds)) and not any(crosses(seg, r) for r in avoid)]


#: Rounding slack: a mark ending exactly on the printable edge is inside.
EPS = 1e-6


def inside(s: Segment, r: Rect) -> bool:
    """Whether segment ``s`` lies wholly within rectangle ``r`` (edges included)."""
    x1, y1, x2, y2 = s
    rx, ry, rw, rh = r
    return (
        rx - EPS <= min(x1, x2)
        and max(x1, x2) <= rx + rw + EPS
        and ry - EPS <= min(y1, y2)
        and max(y1, y2) <= ry + rh + EPS
    )


def crosses(s: Segment, r: Rect) -> bool:
    """Whether an axis-aligned segment runs over rectangle ``r``: through its inside or
    along one of its edges (meeting it at an end point only is not)."""
    x1, y1, x2, y2 = s
    rx, ry, rw, rh = r
    lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
    if x1 == x2:
        return rx - EPS <= x1 <= rx + rw + EPS and min(hi_y, ry + rh) - max(lo_y, ry) > EPS
    return ry - EPS <= y1 <= ry + rh + EPS and min(hi_x, rx + rw) - max(lo_x, rx) > EPS
