"""N-up imposition: many cards on one sheet (A4, Letter, A3) with gutters and marks.

Pure geometry: ``plan_grid`` decides the sheet orientation, the grid and the
gutters; ``impose`` turns a list of CardLayouts into planned ``Sheet`` pages.
Cards and marks stay inside a printer margin (``PRINTER_MARGIN``, 5 mm: what
office printers cannot print); each card gets its own crop marks in the gutters
and margins, drawn whole or left out where they would cross a neighbour's card
or the margin; empty slots get nothing at all.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.units import PT_PER_MM, page_size
from personadesigner.errors import UserError
from personadesigner.render.marks import MARK_GAP, MARK_LENGTH, crop_marks
from personadesigner.render.sheet import Placement, Sheet

#: Gutter between cards without bleed: room for a pair of crop marks.
PLAIN_GUTTER = 6 * PT_PER_MM
#: The border an office printer leaves blank: no card or mark is planned there.
PRINTER_MARGIN = 5 * PT_PER_MM


@dataclass(frozen=True)
class Grid:
    """Where the slots of one sheet are: trim top-left of slot ``i`` is ``slot(i)``."""

    sheet_w: float
    sheet_h: float
    cols: int
    rows: int
    per_page: int
    card_w: float
    card_h: float
    gutter: float
    margin: float = PRINTER_MARGIN

    @property
    def printable(self) -> tuple[float, float, float, float]:
        """The sheet less the printer margin (x, y, w, h): where cards and marks go."""
        m = self.margin
        return m, m, self.sheet_w - 2 * m, self.sheet_h - 2 * m

    @property
    def origin(self) -> tuple[float, float]:
        """Top-left trim corner of the first slot: the block is centred on the sheet."""
        block_w = self.cols * self.card_w + (self.cols - 1) * self.gutter
        block_h = self.rows * self.card_h + (self.rows - 1) * self.gutter
        return (self.sheet_w - block_w) / 2, (self.sheet_h - block_h) / 2

    def slot(self, i: int) -> tuple[float, float]:
        row, col = divmod(i, self.cols)
        ox, oy = self.origin
        return ox + col * (self.card_w + self.gutter), oy + row * (self.card_h + self.gutter)


def _fits(length: float, card: float, gutter: float, reach: float) -> int:
    """How many cards fit along ``length`` when the outer ones need ``reach`` beyond
    their trim (their bleed, and their marks when there are marks)."""
    return max(0, int((length - 2 * reach + gutter + 1e-9) // (card + gutter)))


def _arrangements(sheet_w, sheet_h, card_w, card_h, gutter, reach):
    """(cols, rows, width, height) for portrait then landscape sheet orientation."""
    for w, h in ((sheet_w, sheet_h), (sheet_h, sheet_w)):
        yield _fits(w, card_w, gutter, reach), _fits(h, card_h, gutter, reach), w, h


def plan_grid(
    card_w: float,
    card_h: float,
    bleed: float,
    sheet: str,
    per_page: int | Literal["auto"] | None = "auto",
    margin: float = PRINTER_MARGIN,
    marks: bool = False,
) -> Grid:
    """The grid for ``per_page`` cards (or as many as fit) on a ``sheet``, every
    card with its bleed, and with ``marks`` the outer crop marks, inside the printer
    ``margin``. (Marks in the gutters are drawn only where they fit whole; the outer
    ones mark every cut line, as the cards are in line.)

    The gutter is twice the bleed; without bleed it is 6 mm, or none (cards butted,
    one cut between two) when that holds more cards, as on the 10-per-Letter sheet.
    """
    full_w, full_h = (v.pt for v in page_size(sheet))
    sw, sh = full_w - 2 * margin, full_h - 2 * margin
    preferred = 2 * bleed if bleed > 0 else PLAIN_GUTTER
    reach = bleed + (MARK_GAP + MARK_LENGTH if marks else 0.0)
    gutters = tuple(dict.fromkeys((preferred, 2 * bleed)))  # without bleed, cards may also butt
    if per_page in (None, "auto"):
        options = [
            (c * r, -k, c, r, w, h, gutter)
            for k, gutter in enumerate(gutters)
            for c, r, w, h in _arrangements(sw, sh, card_w, card_h, gutter, reach)
        ]
        # the most cards; on a tie the wider gutter, then portrait (max keeps the first)
        n, _, cols, rows, w, h, gutter = max(options, key=lambda o: o[:2])
        if n == 0:
            raise _no_fit(sheet, margin, marks)
        return Grid(w + 2 * margin, h + 2 * margin, cols, rows, n, card_w, card_h, gutter, margin)
    wanted = int(per_page)
    if wanted < 1:
        raise UserError("Cards per page must be at least 1.")
    most = 0
    for gutter in gutters:
        fitting = []
        for cols, rows, w, h in _arrangements(sw, sh, card_w, card_h, gutter, reach):
            most = max(most, cols * rows)
            if cols * rows >= wanted:
                # the smallest grid that holds them, then the squarest block
                cols = min(cols, wanted)
                rows = math.ceil(wanted / cols)
                fitting.append((cols * rows, abs(cols - rows), cols, rows, w, h))
        if fitting:
            _, _, cols, rows, w, h = min(fitting, key=lambda f: (f[0], f[1]))
            return Grid(w + 2 * margin, h + 2 * margin, cols, rows, wanted, card_w, card_h, gutter, margin)
    if most == 0:
        raise _no_fit(sheet, margin, marks)
    raise UserError(
        f"Only {most} cards{' with crop marks' if marks else ''} fit on {_a(sheet)} sheet inside the "
        f"{_mm(margin)} printer margin, not {wanted}; "
        "ask for fewer per page, a smaller --printer-margin or a larger sheet."
    )


def _no_fit(sheet: str, margin: float, marks: bool) -> UserError:
    return UserError(
        f"The card{' with its crop marks' if marks else ''} does not fit on {_a(sheet)} sheet inside the "
        f"{_mm(margin)} printer margin; choose a larger sheet."
    )


def _a(sheet: str) -> str:
    """ "an A4", "a Letter"."""
    return ("an " if sheet[:1].upper() in "AEIOU" else "a ") + sheet


def _mm(length: float) -> str:
    return f"{length / PT_PER_MM:g} mm"


def impose(layouts: Iterable[CardLayout], grid: Grid, *, with_marks: bool = False) -> Iterator[Sheet]:
    """The sheets of ``layouts`` in order, ``grid.per_page`` per sheet.

    ``layouts`` may be a stream: a sheet is made as soon as its cards have come, and
    a card of another size than the first is refused when it comes."""
    cards = iter(layouts)
    first = next(cards, None)
    if first is None:
        return
    # Marks stay off every slot, filled or not: an empty slot stays blank paper.
    # So each slot's marks are the same on every sheet, and are planned once.
    slots = [grid.slot(i) for i in range(grid.per_page)]
    bleed = first.bleed
    boxes = [(x - bleed, y - bleed, grid.card_w + 2 * bleed, grid.card_h + 2 * bleed) for x, y in slots]
    bounds = grid.printable
    slot_marks = [
        crop_marks((x, y, grid.card_w, grid.card_h), bleed, avoid=boxes[:i] + boxes[i + 1 :], bounds=bounds)
        if with_marks
        else []
        for i, (x, y) in enumerate(slots)
    ]
    batch: list[CardLayout] = []
    for lay in itertools.chain((first,), cards):
        if abs(lay.width - grid.card_w) > 0.01 or abs(lay.height - grid.card_h) > 0.01 or lay.bleed != bleed:
            raise UserError("Cards of different sizes cannot share a sheet; export them with one template.")
        batch.append(lay)
        if len(batch) == grid.per_page:
            yield _sheet(batch, grid, slots, boxes, slot_marks)
            batch = []
    if batch:
        yield _sheet(batch, grid, slots, boxes, slot_marks)


def _sheet(batch: list[CardLayout], grid: Grid, slots, boxes, slot_marks) -> Sheet:
    sheet = Sheet(grid.sheet_w, grid.sheet_h)
    for i, lay in enumerate(batch):
        x, y = slots[i]
        sheet.placements.append(Placement(lay, x, y, boxes[i]))
        sheet.marks.extend(slot_marks[i])
    # butted cards share cut lines: a mark two neighbours both want is drawn once
    sheet.marks = list(dict.fromkeys(sheet.marks))
    return sheet
