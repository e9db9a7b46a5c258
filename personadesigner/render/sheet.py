"""A printed page as data: which cards sit where, their clip, marks and small labels.

Single-card pages, imposed sheets and poster tiles are all planned as ``Sheet``
objects by pure-Python modules (this one, imposition, tiling); the PDF and the
Qt painters then only draw sheets. So the page geometry exists once, is tested
without any painter, and a PNG page matches its PDF page.

Coordinates are points with the origin at the sheet's top-left corner, y down
(like ``CardLayout``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from personadesigner.core.cardlayout import CardLayout, TextRun
from personadesigner.render.marks import MARK_GAP, MARK_LENGTH, Segment, crop_marks
from personadesigner.render.shapes import Rect

#: Crop marks and tile labels (the PDF prints marks in registration colour).
MARK_COLOR = "#000000"
MARK_WIDTH = 0.25


@dataclass(frozen=True)
class Placement:
    """One card on a sheet: its trim's top-left corner and the area it may paint."""

    layout: CardLayout
    x: float
    y: float
    clip: Rect


@dataclass
class Sheet:
    width: float
    height: float
    placements: list[Placement] = field(default_factory=list)
    marks: list[Segment] = field(default_factory=list)
    labels: list[TextRun] = field(default_factory=list)
    #: PDF page boxes (x, y, w, h, y down) of a one-card page; None on shared sheets.
    trim_box: Rect | None = None
    bleed_box: Rect | None = None


def card_margin(bleed: float, with_marks: bool) -> float:
    """Room around the trim of a one-card page: the bleed, plus the marks beyond it."""
    return bleed + (MARK_GAP + MARK_LENGTH if with_marks else 0.0)


def card_sheet(layout: CardLayout, *, with_marks: bool = False) -> Sheet:
    """One card per page: page = trim + bleed + room for crop marks on every side."""
    b = layout.bleed
    m = card_margin(b, with_marks)
    trim = (m, m, layout.width, layout.height)
    bleed_box = (m - b, m - b, layout.width + 2 * b, layout.height + 2 * b)
    sheet = Sheet(
        width=layout.width + 2 * m,
        height=layout.height + 2 * m,
        placements=[Placement(layout, m, m, bleed_box)],
        trim_box=trim,
        bleed_box=bleed_box,
    )
    if with_marks:
        sheet.marks = crop_marks(trim, b)
    return sheet


def trim_sheet(layout: CardLayout, *, with_bleed: bool = False) -> Sheet:
    """The card alone on a page of its trim size (plus its bleed when asked), no marks:
    what a PNG of one card shows."""
    b = layout.bleed if with_bleed else 0.0
    clip = (0.0, 0.0, layout.width + 2 * b, layout.height + 2 * b)
    return Sheet(clip[2], clip[3], [Placement(layout, b, b, clip)])
