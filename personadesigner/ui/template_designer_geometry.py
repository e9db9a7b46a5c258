"""The template designer's geometry: where a dragged section would land, which edge is grabbed, snapping.

Plain arithmetic on the layout's provenance (CardLayout.sections and .flows),
no Qt, so the designer's gestures stay small and this is easy to test. Every
value is in card points.
"""

from __future__ import annotations

from dataclasses import dataclass

from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.section_rects import FlowArea, SectionRect

Rect = tuple[float, float, float, float]
#: Narrowest and lowest a region may be resized to, in points.
MIN_SIZE = 18.0


def section_rect(card: CardLayout, region: int, item: int) -> Rect | None:
    """The union of the rectangles the item was drawn in (it may span columns), or None when not laid out."""
    parts = [s for s in card.sections if (s.region, s.item) == (region, item)]
    if not parts:
        return None
    x0, y0 = min(s.x for s in parts), min(s.y for s in parts)
    x1, y1 = max(s.x + s.w for s in parts), max(s.y + s.h for s in parts)
    return x0, y0, x1 - x0, y1 - y0


def flow_area(card: CardLayout, region: int) -> FlowArea | None:
    return next((f for f in card.flows if f.region == region), None)


def area_rect(area: FlowArea) -> Rect:
    return area.x, area.y, area.w, area.h


def flow_at(card: CardLayout, x: float, y: float, reach: float = 0.0) -> FlowArea | None:
    """The flow region under (x, y) (the last drawn wins), or the nearest one within ``reach`` points."""
    best, best_d = None, reach
    for area in reversed(card.flows):
        dx = max(area.x - x, 0.0, x - area.x - area.w)
        dy = max(area.y - y, 0.0, y - area.y - area.h)
        d = max(dx, dy)
        if d == 0.0:
            return area
        if d <= best_d:
            best, best_d = area, d
    return best


@dataclass(frozen=True)
class Drop:
    """Where a dragged section lands: ``regions[region].items`` at ``index`` (once moved),
    and the indicator line (x1, x2, y)."""

    region: int
    index: int
    line: tuple[float, float, float]


def _column(area: FlowArea, x: float) -> tuple[float, float]:
    """The (left, right) of the column of ``area`` under ``x``."""
    if area.columns <= 1:
        return area.x, area.x + area.w
    # columns are equal; the gutter is what is left between them
    width = area.w / area.columns
    k = min(area.columns - 1, max(0, int((x - area.x) // width)))
    return area.x + k * width, area.x + (k + 1) * width


def drop_at(card: CardLayout, x: float, y: float, source: tuple[int, int], items: int | None = None) -> Drop | None:
    """Where the section ``source`` dragged to (x, y) would land; None outside every flow or where it is.

    ``items``: how many items the flow under the pointer has (None: as many as it shows).
    """
    area = flow_at(card, x, y, reach=12.0)
    if area is None:
        return None
    left, right = _column(area, x)
    shown = sorted(
        (s for s in card.sections if s.region == area.region and s.x < right and s.x + s.w > left),
        key=lambda s: (s.y, s.item),
    )
    if shown:  # the column's own edges (the gutter is not part of it)
        left, right = shown[0].x, shown[0].x + shown[0].w
    before = next((s for s in shown if s.y + s.h / 2 > y), None)
    if before is not None:
        index = before.item
        above = [s for s in shown if s.y + s.h <= before.y + 0.01]
        line_y = (above[-1].y + above[-1].h + before.y) / 2 if above else before.y - 3.0
    elif shown:
        index = max(s.item for s in shown) + 1
        line_y = shown[-1].y + shown[-1].h + 3.0
    else:
        index = items if items is not None else 0
        line_y = area.y + 2.0
    if area.region == source[0]:
        if index > source[1]:
            index -= 1
        if index == source[1]:
            return None  # dropped where it is
    return Drop(area.region, index, (left, right, line_y))


def edge_at(rect: Rect, x: float, y: float, grab: float) -> str:
    """The edges of ``rect`` within ``grab`` points of (x, y): "" or some of "l", "r", "t", "b"."""
    rx, ry, rw, rh = rect
    inside_x = rx - grab <= x <= rx + rw + grab
    inside_y = ry - grab <= y <= ry + rh + grab
    edges = ""
    if inside_y and abs(x - rx) <= grab:
        edges += "l"
    elif inside_y and abs(x - rx - rw) <= grab:
        edges += "r"
    if inside_x and abs(y - ry) <= grab:
        edges += "t"
    elif inside_x and abs(y - ry - rh) <= grab:
        edges += "b"
    return edges


def snap_lines(card: CardLayout, moving: int, margin: float | None = None) -> tuple[list[float], list[float]]:
    """Where a resized region's edges snap: (x lines, y lines) of the trim, its centre, the safe
    area, the margin and the edges and centres of the other flow regions."""
    W, H = card.width, card.height
    xs, ys = [0.0, W / 2, W], [0.0, H / 2, H]
    for inset in {card.safe_margin, margin} - {None, 0.0}:
        xs += [inset, W - inset]
        ys += [inset, H - inset]
    for area in card.flows:
        if area.region == moving:
            continue
        xs += [area.x, area.x + area.w / 2, area.x + area.w]
        ys += [area.y, area.y + area.h / 2, area.y + area.h]
    return xs, ys


def _snap(value: float, lines: list[float], tolerance: float) -> tuple[float, float | None]:
    best = min(lines, key=lambda v: abs(v - value), default=None)
    if best is not None and abs(best - value) <= tolerance:
        return best, best
    return value, None


def resized(
    rect: Rect, edges: str, dx: float, dy: float, lines: tuple[list[float], list[float]], tolerance: float
) -> tuple[Rect, list[tuple[str, float]]]:
    """``rect`` with the grabbed ``edges`` moved by (dx, dy) and snapped to ``lines`` within
    ``tolerance``; the guides that snapped, as ("v", x) or ("h", y)."""
    x0, y0, w, h = rect
    x1, y1 = x0 + w, y0 + h
    guides: list[tuple[str, float]] = []
    xs, ys = lines
    if "l" in edges:
        x0, hit = _snap(min(x0 + dx, x1 - MIN_SIZE), xs, tolerance)
        guides += [("v", hit)] if hit is not None else []
    if "r" in edges:
        x1, hit = _snap(max(x1 + dx, x0 + MIN_SIZE), xs, tolerance)
        guides += [("v", hit)] if hit is not None else []
    if "t" in edges:
        y0, hit = _snap(min(y0 + dy, y1 - MIN_SIZE), ys, tolerance)
        guides += [("h", hit)] if hit is not None else []
    if "b" in edges:
        y1, hit = _snap(max(y1 + dy, y0 + MIN_SIZE), ys, tolerance)
        guides += [("h", hit)] if hit is not None else []
    return (x0, y0, x1 - x0, y1 - y0), guides


def sections_of(card: CardLayout, region: int) -> list[SectionRect]:
    return [s for s in card.sections if s.region == region]
