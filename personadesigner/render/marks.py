"""Crop marks: short hairlines on the trim lines, outside the bleed, never over a card.

Pure geometry shared by every page kind and both painters. A mark starts
``MARK_GAP`` beyond the bleed so the cutter's tolerance never shows it on the
card, and each mark is cut where it would cross another card's bleed area
(on imposed sheets the gutters are narrow).
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
    """Eight marks, two per trim corner, extending the trim lines outwards.

    ``avoid`` are rectangles (other cards' bleed boxes) no mark may enter;
    ``bounds`` is the printable sheet, marks are cut to it.
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
    out: list[Segment] = []
    for seg in raw:
        pieces = [seg]
        if bounds is not None:
            pieces = [p for p in (_clip_to(p, bounds) for p in pieces) if p]
        for r in avoid:
            pieces = [q for p in pieces for q in _subtract(p, r)]
        out.extend(p for p in pieces if _length(p) > 0.5)
    return out


def _length(s: Segment) -> float:
    return abs(s[2] - s[0]) + abs(s[3] - s[1])


def _clip_to(s: Segment, r: Rect) -> Segment | None:
    x1, y1, x2, y2 = s
    rx, ry, rw, rh = r
    if x1 == x2:
        if not rx <= x1 <= rx + rw:
            return None
        a, b = max(min(y1, y2), ry), min(max(y1, y2), ry + rh)
        return (x1, a, x2, b) if a < b else None
    if not ry <= y1 <= ry + rh:
        return None
    a, b = max(min(x1, x2), rx), min(max(x1, x2), rx + rw)
    return (a, y1, b, y2) if a < b else None


def _subtract(s: Segment, r: Rect) -> list[Segment]:
    """The parts of an axis-aligned segment outside rectangle ``r`` (edges included)."""
    x1, y1, x2, y2 = s
    rx, ry, rw, rh = r
    if x1 == x2:
        if not rx <= x1 <= rx + rw:
            return [s]
        lo, hi = min(y1, y2), max(y1, y2)
        parts = [(lo, min(hi, ry)), (max(lo, ry + rh), hi)]
        return [(x1, a, x2, b) for a, b in parts if a < b]
    if not ry <= y1 <= ry + rh:
        return [s]
    lo, hi = min(x1, x2), max(x1, x2)
    parts = [(lo, min(hi, rx)), (max(lo, rx + rw), hi)]
    return [(a, y1, b, y2) for a, b in parts if a < b]
