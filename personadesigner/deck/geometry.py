"""Arrows for the buying-committee map, made of the primitives every painter already draws.

An arrow is a Rule (its shaft) and a filled Polygon (its head), so no painter
needs a new method; the shaft is clipped to the edges of the two boxes it joins.
"""

from __future__ import annotations

import math

from personadesigner.core.cardlayout import Polygon, Rule

Rect = tuple[float, float, float, float]


def edge_point(rect: Rect, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from ``rect``'s centre to ``towards`` leaves the rectangle."""
    x, y, w, h = rect
    cx, cy = x + w / 2, y + h / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    tx = (w / 2) / abs(dx) if dx else math.inf
    ty = (h / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty)
    return cx + dx * t, cy + dy * t


def arrow(
    start: tuple[float, float], end: tuple[float, float], color: str, width: float = 1.4, head: float = 9.0
) -> list:
    """A shaft from ``start`` to just before ``end`` and a head whose tip is at ``end``."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = end[0] - ux * head, end[1] - uy * head
    px, py = -uy * head * 0.45, ux * head * 0.45
    return [
        Rule(start[0], start[1], bx, by, color, width),
        Polygon(((end[0], end[1]), (bx + px, by + py), (bx - px, by - py)), color),
    ]
