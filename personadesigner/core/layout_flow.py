"""The flow: sections stacked in one or more columns, shrunk to fit, cut when they cannot.

A flow region gets a list of blocks (a heading, a paragraph, one list item, a
fact, a slider...). At a given shrink factor ``s`` (0 = preferred sizes, 1 =
minimum sizes) every block becomes rows of known height; rows are poured into
the columns. The smallest ``s`` at which everything fits wins; if nothing fits
at the minimum, the last shown line ends in "…" and the rest is reported as a
preflight Cut, and a list that lost whole items says so on the card ("+8 more
goals"). A flow that may grow (``grow`` > 1) takes a negative ``s`` when it has
room: its type scales up to ``grow`` times the preferred sizes, and what room is
left spreads between its sections (``spread``), so a sparse persona gets a
composed card rather than a header over an empty page. Keeping this apart from
the section builders keeps both small.

This module sizes and places (rows, the fit search, growth); core.flow_overflow
says what did not fit ("+N more", cuts), core.flow_paint draws what was placed,
and core.flow_blocks holds the units they share.
"""

from __future__ import annotations

from personadesigner.core import line_breaks as LB
from personadesigner.core import section_rects
from personadesigner.core import text as T
from personadesigner.core.cardlayout import (
    Cut,
    WordBroken,
)
from personadesigner.core.flow_blocks import TOO_TALL, Block, ResolvedStyle, Row
from personadesigner.core.flow_overflow import FlowOverflow
from personadesigner.core.flow_paint import FlowPaint
from personadesigner.core.layout_icons import (
    icon_room,
)
from personadesigner.core.layout_modules import (
    MODULE_KINDS,
    module_cuts,
    module_rows,
    record_left_out_chips,
)


class Flow(FlowOverflow, FlowPaint):
    """Lays ``blocks`` into ``columns`` [(x, y, w, h)] with styles from ``style_at(name, s)``."""

    def __init__(
        self,
        blocks,
        columns,
        style_at,
        *,
        align="left",
        valign="top",
        fact_label=0.38,
        indent=10.0,
        bar_indent=10.0,
        slider_h=4.0,
        persona_name="",
        theme=None,
        persona_type="customer",
        grow=1.0,
        spread=0.0,
        module_fill=None,
        module_pad=0.0,
        left_out=None,
    ):
        #: Backs are printed (a core.continuation.LeftOut): what the front leaves out of a list is
        #: recorded there for the back, and its "+N more goals" says "on the back".
        self.left_out = left_out
        self.blocks = blocks
        #: Each section on a panel of this colour (None: no panels), reaching ``module_pad`` past the column.
        self.module_fill = module_fill
        self.module_pad = module_pad
        self.grow = grow
        self.spread = spread
        #: The shrink factor the flow was last run at (negative: grown).
        self.s = 0.0
        self.columns = columns
        self.style_at = style_at
        self.align = align
        self.valign = valign
        self.fact_label = fact_label
        self.indent = indent
        self.bar_indent = bar_indent
        self.slider_h = slider_h
        self.persona_name = persona_name
        self.theme = theme
        self.persona_type = persona_type
        self.bottom = columns[0][1] if columns else 0.0
        #: Where each template flow item landed in the last run (core.section_rects); only
        #: with ``provenance`` (the template designer asks, an export does not).
        self.section_rects: list = []
        self.provenance = True
        #: Sizes, shape and rows per shrink factor tried (``_sized``).
        self._at: dict[float, list] = {}
        #: The widest word of each name or heading per face, and the answer per shrink (``_broken_word``).
        self._widest: dict[tuple, tuple[float, str]] = {}
        self._broken: dict[float, tuple[Block, str] | None] = {}
        self._columns_key = tuple(columns)
        #: Chips, callouts or share bars: only then are module cuts and left-out chips looked for.
        self._has_modules = not MODULE_KINDS.isdisjoint([b.kind for b in blocks])
        if left_out is not None:  # after the columns and styles: the marker's width is checked
            self.blocks = [self._continued_marker(b) if b.kind == "more" else b for b in blocks]

    # ------------------------------------------------------------ rows
    def _indent(self, b: Block, st: ResolvedStyle) -> float:
        if b.icon:  # a heading's icon, or a list item's in place of its bullet
            room = icon_room(st.size)
            return room if b.kind == "heading" else max(self.indent, room)
        if b.bullet or b.kind == "more":
            return self.indent
        if b.bar:
            return self.bar_indent
        return 0.0

    def _lines(self, b: Block, st: ResolvedStyle) -> tuple[str, ...]:
        width = self.columns[0][2]
        if b.kind == "fact":
            return LB.broken_lines(b.text, st.font, st.size, width - width * self.fact_label)
        avail = width - self._indent(b, st)
        txt = b.text.upper() if st.upper else b.text
        return LB.broken_lines(txt, st.font, st.size, avail, st.tracking)

    def _block(self, b: Block, s: float) -> tuple[float, tuple[str, ...] | list[str] | None]:
        """(row height, lines) of one block at shrink ``s``; lines is None for a one-row
        block (gap, slider, badge). The one place row heights are decided."""
        kind = b.kind
        if kind == "gap":
            return b.space, None
        st = self.style_at(b.style, s)
        if s >= 0 and (kind == "text" or kind == "heading") and not b.icon:  # most blocks: _lines inline
            if b.bullet:
                indent = self.indent
            else:
                indent = self.bar_indent if b.bar else 0.0
            txt = b.text.upper() if st.upper else b.text
            size = st.size
            return size * st.leading, LB.broken_lines(txt, st.font, size, self.columns[0][2] - indent, st.tracking)
        if kind == "slider":
            return st.size * st.leading + self.slider_h + 4.0, None
        if kind == "badge":
            return st.size * 2.0, None
        if kind in MODULE_KINDS:
            return module_rows(self, b, st, s)
        if kind == "fact" and s < 0 and b.label and not self._label_fits(b.label, s):
            return TOO_TALL, None  # grown type must not push a fact's label out of its column
        if s < 0 and kind in ("text", "fact") and self._grown_breaks_a_word(b, st):
            return TOO_TALL, None  # grown type must not break a word the base size keeps whole
        return st.size * st.leading, self._lines(b, st)

    def _grown_breaks_a_word(self, b: Block, st: ResolvedStyle) -> bool:
        width = self.columns[0][2]
        avail = width - width * self.fact_label if b.kind == "fact" else width - self._indent(b, st)
        text = b.text.upper() if st.upper and b.kind != "fact" else b.text
        return bool(LB.breaks_word(text, st.font, st.size, avail, st.tracking))

    def _label_fits(self, label: str, s: float) -> bool:
        lab = self.style_at("fact_label", s)
        text = label.upper() if lab.upper else label
        return T.measure(text, lab.font, lab.size) <= self.columns[0][2] * self.fact_label - 4

    def _rows(self, s: float) -> list[Row]:
        """The rows at shrink ``s``: one per line of each block, one for a gap, slider or badge."""
        sized = self._sized(s)
        rows = sized[2]
        if rows is None:
            rows = sized[2] = []
            append = rows.append
            for i, (b, (h, lines)) in enumerate(zip(self.blocks, sized[0])):
                kind = b.kind
                if lines is None:
                    whole = kind != "gap"
                    append(Row(h, i, kind, first=whole, last=whole))
                    continue
                last = len(lines) - 1
                for k, line in enumerate(lines):
                    append(Row(h, i, kind, line, k == 0, k == last))
        return rows

    def _shape(self, s: float) -> tuple:
        """Per block (kind, keeps with next, row height, row count): all that placement
        looks at, so two flows of one shape at ``s`` fit, or not, alike."""
        return self._sized(s)[1]

    def _sized(self, s: float) -> list:
        """[(row height, lines) per block, shape, rows or None until asked] at shrink ``s``,
        made once per flow and factor: the fit search, the growth search and the final run
        ask for the same factors again, and most factors tried need only the shape."""
        found = self._at.get(s)
        if found is None:
            block = self._block
            sizes = []
            shape = []
            for b in self.blocks:
                h, lines = sized = self._heading_block(b, s) if b.kind == "heading" else block(b, s)
                sizes.append(sized)
                shape.append((b.kind, b.keep_with_next, h, 1 if lines is None else len(lines)))
            found = self._at[s] = [sizes, tuple(shape), None]
        return found

    def _heading_block(self, b: Block, s: float) -> tuple[float, tuple[str, ...] | list[str] | None]:
        """``_block`` of a heading: one block per template item, shared by every card of a batch
        (section_kinds._heading), so its rows at a size are made once per style set and column."""
        key = (id(b), id(self.style_at), s, self.columns[0][2], self.indent, self.bar_indent, T.current_forms())
        found = _HEADING_ROWS.get(key)
        if found is None or found[0] is not b or found[1] is not self.style_at:
            if len(_HEADING_ROWS) > 4096:
                _HEADING_ROWS.clear()
            found = _HEADING_ROWS[key] = (b, self.style_at, self._block(b, s))
        return found[2]

    @staticmethod
    def _holds_together(b: Block) -> bool:
        """A name or a heading: shrinks (down to its minimum size) rather than break inside a word."""
        return b.kind == "heading" or b.field == "name"

    def _broken_word(self, s: float) -> tuple[Block, str] | None:
        """The first name or heading that would break inside a word at shrink ``s``, and the word
        (LB.breaks_word: the widest word is measured once per block, and scaled per size)."""
        if s in self._broken:
            return self._broken[s]
        found = self._broken[s] = self._first_broken_word(s)
        return found

    def _first_broken_word(self, s: float) -> tuple[Block, str] | None:
        holders = self.__dict__.get("_holders")
        if holders is None:
            holders = self._holders = [b for b in self.blocks if b.text and self._holds_together(b)]
            if not holders:
                return None
        width = self.columns[0][2]
        for b in holders:
            if b.kind != "heading":
                word = self._breaks(b, s, width)
            else:  # one block per template item, shared by every card of a batch: answered once
                key = (id(b), id(self.style_at), s, width, self.indent, self.bar_indent, T.current_forms())
                found = _HEADINGS_BROKEN.get(key)
                if found is None or found[0] is not b or found[1] is not self.style_at:
                    if len(_HEADINGS_BROKEN) > 4096:
                        _HEADINGS_BROKEN.clear()
                    found = _HEADINGS_BROKEN[key] = (b, self.style_at, self._breaks(b, s, width))
                word = found[2]
            if word is not None:
                return b, word
        return None

    def _breaks(self, b: Block, s: float, width: float) -> str | None:
        """The word of ``b`` that breaks at shrink ``s`` in a column ``width`` wide, or None."""
        st = self.style_at(b.style, s)
        key = (id(b), st.font, st.tracking, st.upper, T.current_forms())
        widest = self._widest.get(key)
        if widest is None:
            txt = b.text.upper() if st.upper else b.text
            widest = self._widest[key] = LB.widest_word(txt, st.font, st.tracking)
        if st.size > 0 and widest[0] * st.size / 1000.0 > width - self._indent(b, st) + 1e-6:
            return widest[1] or None
        return None

    def fits(self, s: float) -> bool:
        """Whether every block fits whole at shrink ``s`` (0 = preferred sizes, 1 = minimum),
        with no name or heading broken inside a word while a smaller size is left.

        The shrink search asks this up to seven times per flow; cards of a batch
        share shapes, so the rows are placed once per shape."""
        if s < 1.0 and self._broken_word(s) is not None:
            return False
        key = (self._shape(s), self._columns_key)
        fit = _FITS.get(key)
        if fit is None:
            rows = self._rows(s)
            fit = self._place(rows)[1] >= len(rows)
            if len(_FITS) > 20_000:
                _FITS.clear()
            _FITS[key] = fit
        return fit

    def _known_not_to_fit(self, s: float) -> bool:
        """Whether a flow of this shape at ``s`` was placed before and did not fit (see ``fits``):
        then its rows need not be made nor placed again."""
        return _FITS.get((self._shape(s), self._columns_key)) is False

    # ------------------------------------------------------------ placement
    def _place(self, rows: list[Row]):
        """Rows with their (column, y); returns (placed, index of the first row left over)."""
        placed: list[tuple[Row, int, float]] = []
        col = 0
        if not self.columns:
            return placed, 0
        x, y0, w, h = self.columns[0]
        y = y0
        i = 0
        n = len(rows)
        while i < n:
            r = rows[i]
            if r.kind == "gap" and (y == self.columns[col][1] or i == n - 1):
                i += 1
                continue
            if y + r.h <= self.columns[col][1] + self.columns[col][3] + 0.01:
                placed.append((r, col, y))
                y += r.h
                i += 1
                continue
            # The row does not fit: next column, taking along a heading that would be orphaned.
            carry = []
            while (
                placed
                and placed[-1][1] == col
                and (self.blocks[placed[-1][0].block].keep_with_next or placed[-1][0].kind == "gap")
            ):
                carry.insert(0, placed.pop()[0])
            col += 1
            if col >= len(self.columns):
                j = i - len(carry)
                return placed, j
            y = self.columns[col][1]
            if carry:
                rows_back = i - len(carry)
                i = rows_back
        return placed, n

    #: Bisection steps of the growth search (after one guess): growing costs at most four fits.
    GROW_STEPS = 3

    def solve(self, at_least: float | None = None):
        """The smallest shrink factor >= ``at_least`` at which everything fits (1.0 if none):
        (s, rows, placed rows, index of the first row left over).

        ``at_least`` None: the flow may also grow (a negative factor) when it fits at its
        preferred sizes with room to spare and the template lets it (``grow``)."""
        if not at_least:  # None or 0.0: the previous flow's answer may settle it without trying 0.0
            s = self._warm_start()
            if s is not None:
                rows = self._rows(s)
                placed, left = self._place(rows)
                return s, rows, placed, left
        if at_least is None:
            grown = self._grown()
            if grown is not None:
                return grown
            at_least = 0.0
        s = at_least
        if s < 1.0 and not self.fits(s):
            s = self._shrink(s)
        rows = self._rows(s)
        placed, left = self._place(rows)
        return s, rows, placed, left

    #: Bisection steps of the shrink search: the factor is found to 1/32 of the range.
    SHRINK_STEPS = 5

    def _shrink(self, at_least: float) -> float:
        """The smallest shrink factor on the search's grid that fits, given that ``at_least``
        does not: bisected between ``at_least`` and 1.0, or 1.0 when nothing fits.

        Warm start: cards of a batch mostly shrink alike, so from 0.0 the previous flow of
        these columns' result is tried first. Bisection ends on a grid point that fits while
        the point below does not; when the previous result is such a point it is the one
        the bisection finds (fitting only gets easier as type shrinks), for two fits
        instead of six. Only from 0.0, where the grid points are exact binary fractions."""
        hint = _LAST_SHRINK.get(self._columns_key) if at_least == 0.0 else None
        if hint is not None and self._ends_search(hint):
            return hint
        if self.fits(1.0):
            lo, hi = at_least, 1.0
            for _ in range(self.SHRINK_STEPS):
                mid = (lo + hi) / 2
                if self.fits(mid):
                    hi = mid
                else:
                    lo = mid
            s = hi  # the smallest shrink tried that fits
        else:
            s = 1.0
        if at_least == 0.0:
            if len(_LAST_SHRINK) > 256:
                _LAST_SHRINK.clear()
            _LAST_SHRINK[self._columns_key] = s
        return s

    def _warm_start(self) -> float | None:
        """The shrink factor the previous flow of these columns ended on, when this flow ends
        there too and the grid point below it does not fit (then neither does 0.0, nor any
        growth: fitting only gets easier as type shrinks): the answer of the search from 0.0
        without laying the flow out at its preferred sizes. None when that is not known."""
        hint = _LAST_SHRINK.get(self._columns_key)
        if hint is None:
            return None
        below = hint - 1.0 / 2**self.SHRINK_STEPS
        if below <= 0.0 or hint > 1.0 or self.fits(below) or not self.fits(hint):
            return None
        return hint

    def _ends_search(self, s: float) -> bool:
        """Whether the shrink search from 0.0 would stop at ``s``: it fits and the grid
        point below it does not (0.0 is known not to fit)."""
        below = s - 1.0 / 2**self.SHRINK_STEPS
        return 0.0 < s <= 1.0 and self.fits(s) and (below <= 0.0 or not self.fits(below))

    def _grown(self):
        """The solve() result at the largest type (up to ``grow``) that still fits, or None
        when the flow does not grow (no room, or the template says never).

        Type scaled by g needs about g**1.5 times the height (taller lines, and more of
        them where text wraps): the first guess comes from the share the preferred sizes
        fill; a guess that does not fit is bisected down at most GROW_STEPS times."""
        if self.grow <= 1.0 or not self.blocks or not self.columns or self._known_not_to_fit(0.0):
            return None
        rows = self._rows(0.0)
        placed, left = self._place(rows)
        if left < len(rows):
            return None  # no room at the preferred sizes: shrink instead
        used = sum(r.h for r, _c, _y in placed if r.kind != "gap") + 1e-9
        room = sum(c[3] for c in self.columns)
        limit = self.grow - 1.0
        guess = min(limit, (room / used) ** (1 / 1.5) - 1.0)
        if guess < 0.05:  # a step nobody would see: keep the preferred sizes
            return 0.0, rows, placed, left
        lo, hi = 0.0, guess  # lo fits, hi is tried
        best = None
        for _ in range(self.GROW_STEPS + 1):
            if hi < 0.05:
                break
            if self._known_not_to_fit(-hi):
                hi = (lo + hi) / 2
                continue
            trial_rows = self._rows(-hi)
            trial, trial_left = self._place(trial_rows)
            if trial_left >= len(trial_rows):
                best, lo = (-hi, trial_rows, trial, trial_left), hi
                if hi >= guess:
                    break
            else:
                hi = (lo + hi) / 2
                continue
            hi = (lo + guess) / 2
        return best or (0.0, rows, placed, left)

    def _overflow(self, rows: list[Row], placed, s: float):
        """What is shown when not everything fits: (placed rows, rows ending in "…", cuts)."""
        ellipses: set[int] = set()
        shared = self._share_room(rows)
        if shared is not None:
            placed, ellipses = shared
        else:
            # Drop a trailing heading or gap, then end the last shown line with "…".
            while placed and (self.blocks[placed[-1][0].block].keep_with_next or placed[-1][0].kind == "gap"):
                placed.pop()
            if placed and placed[-1][0].kind in ("text", "fact"):
                ellipses = {len(placed) - 1}
        placed, ellipses = self._more(placed, ellipses)
        return placed, ellipses, self._cuts(rows, placed, s, ellipses)

    def run(self, at_least: float | None = None) -> tuple[list, list[Cut]]:
        """Fit, place and emit: the primitives and the preflight cuts.

        ``at_least``: a shrink factor shared with neighbouring flows (side-by-side
        columns keep one type size, a ``--uniform-type`` deck one body size); None
        lets the flow grow into free room when the template allows it.
        """
        if not self.blocks or not self.columns:
            return [], []
        s, rows, placed, left = self.solve(at_least)
        self.s = s
        cuts: list[Cut] = []
        ellipses: set[int] = set()
        spread = left >= len(rows) and self.spread > 0 and self.valign == "top"
        if spread:
            placed = self._spread(placed)
        if left < len(rows):
            placed, ellipses, cuts = self._overflow(rows, placed, s)
        elif self._has_modules:
            cuts = module_cuts(self, placed, s)  # a chip wider than its column, shortened
        if self._has_modules:
            record_left_out_chips(self, placed, s)  # backs printed: chips the front left out
        panels = self._modules(placed, spread) if self.module_fill and placed else []
        if self.provenance:
            self.section_rects = section_rects.placed_sections(
                self.blocks, self.columns, placed, self._valign_shift(placed) if placed else 0.0
            )
        items = panels + self._emit(placed, s, ellipses, cuts)
        broken = self._broken_word(s)
        if broken is not None:  # even the minimum size cannot keep this word whole
            b, word = broken
            cuts = [*cuts, WordBroken(self.persona_name, b.field or "", b.item, word)]
        return items, cuts


#: Whether a flow shape (see Flow._shape) fits its columns at a shrink factor.
_FITS: dict[tuple, bool] = {}
#: (heading block, style set, its _block answer) by the block, styles, shrink factor and column
#: (Flow._heading_block); the entry keeps the block and style set (their ids) alive.
_HEADING_ROWS: dict[tuple, tuple] = {}
#: (heading block, style set, the word it breaks or None) by the block, styles, shrink factor and
#: column (Flow._first_broken_word); the entry keeps the block and style set (their ids) alive.
_HEADINGS_BROKEN: dict[tuple, tuple] = {}
#: The shrink factor the last flow of these columns searched from 0.0 ended on (Flow._shrink).
_LAST_SHRINK: dict[tuple, float] = {}
