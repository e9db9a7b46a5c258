"""How much of a card's body its content fills: the measure behind "cards use their space".

The body is the union of the template's body flows (the flows that may grow,
``CardLayout.body``); the content is the union of the laid-out blocks in it (text
blocks, sliders, photos and the module panels a template puts behind its
sections, ``modules``), each as its box. What is left is empty: the bands and
gaps a reader sees as blank. Kept apart from the layout engine so the measure is
the same for a test, a benchmark and whoever tunes a template.
"""

from __future__ import annotations

from itertools import pairwise

from personadesigner.core.cardlayout import (
    Box,
    CardLayout,
    ImageItem,
    Slider,
    TextBlock,
)
from personadesigner.core.section_kinds import DEMOGRAPHICS

Rect = tuple[float, float, float, float]


def union_area(rects: list[Rect]) -> float:
    """The area covered by axis-aligned rectangles (x, y, w, h), overlaps counted once."""
    rects = [r for r in rects if r[2] > 0 and r[3] > 0]
    if not rects:
        return 0.0
    xs = sorted({x for r in rects for x in (r[0], r[0] + r[2])})
    area = 0.0
    for x0, x1 in pairwise(xs):
        spans = sorted((r[1], r[1] + r[3]) for r in rects if r[0] <= x0 and r[0] + r[2] >= x1)
        covered, top, bottom = 0.0, None, None
        for y0, y1 in spans:
            if bottom is None or y0 > bottom:
                if bottom is not None:
                    covered += bottom - top
                top, bottom = y0, y1
            else:
                bottom = max(bottom, y1)
        if bottom is not None:
            covered += bottom - top
        area += covered * (x1 - x0)
    return area


def _clip(r: Rect, to: Rect) -> Rect:
    x0, y0 = max(r[0], to[0]), max(r[1], to[1])
    x1, y1 = min(r[0] + r[2], to[0] + to[2]), min(r[1] + r[3], to[1] + to[3])
    return x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0)


def empty_share(card: CardLayout) -> float:
    """The share (0..1) of the card's body that no block covers; 0.0 for a card without a body."""
    body = union_area(card.body)
    if body <= 0:
        return 0.0
    boxes = [(it.x, it.y, it.w, it.h) for it in card.items if _content(it)]
    covered = union_area([_clip(b, area) for b in boxes for area in card.body])
    return max(0.0, 1.0 - covered / body)


def text_empty_share(card: CardLayout) -> float:
    """Like empty_share, module panels left out: the share no text, slider or photo covers."""
    body = union_area(card.body)
    if body <= 0:
        return 0.0
    boxes = [(it.x, it.y, it.w, it.h) for it in card.items if _content(it) and not isinstance(it, Box)]
    return max(0.0, 1.0 - union_area([_clip(b, area) for b in boxes for area in card.body]) / body)


def _content(it) -> bool:
    if isinstance(it, TextBlock):
        return bool(it.lines)
    if isinstance(it, Box):
        return it.field is not None and it.fill is not None  # a section's panel (or a bullet inside a text)
    return isinstance(it, (Slider, ImageItem))


def filled_sections(card: CardLayout) -> int:
    """How many sections the card's body shows: one per persona field (a list's items count
    once), the demographic facts together as one."""
    fields = set()
    for it in card.items:
        if (
            isinstance(it, (TextBlock, Slider))
            and it.field
            and any(
                _clip((it.x, it.y, it.w, it.h), area)[2] > 0 and _clip((it.x, it.y, it.w, it.h), area)[3] > 0
                for area in card.body
            )
        ):
            fields.add("demographics" if it.field in DEMOGRAPHICS else it.field)
    return len(fields)
