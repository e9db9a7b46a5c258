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
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from personadesigner.core import section_rects
from personadesigner.core import text as T
from personadesigner.core.cardlayout import (
    Box,
    Cut,
    Slider,
    TextBlock,
    TextLine,
    WordBroken,
)
from personadesigner.core.continuation import ON_THE_BACK
from personadesigner.core.layout_icons import (
    icon_room,
    icon_side,
    inline_icons,
    leading_icon,
    placed_icon,
    trailing_icon,
)
from personadesigner.core.layout_modules import (
    MODULE_KINDS,
    emit_module,
    module_cuts,
    module_rows,
    record_left_out_chips,
)


@dataclass
class ResolvedStyle:
    font: str
    size: float
    leading: float
    color: str
    tracking: float = 0.0  # extra space between letters, in em
    upper: bool = False
    fill: str | None = None

    @property
    def line_height(self) -> float:
        return self.size * self.leading


@dataclass
class Block:
    """One unit of a flow; see the module docstring."""

    kind: str  # text | heading | fact | slider | badge | gap | chips | callouts | share_bar
    field: str | None = None
    item: int | None = None
    #: The template flow item that made it (core.section_kinds.section_blocks): the designer's provenance.
    section: object = None
    text: str = ""
    style: str = "body"
    bullet: bool = False
    bar: bool = False
    label: str = ""
    label2: str = ""
    value: int = 0
    keep_with_next: bool = False
    space: float = 0.0  # gap blocks: height in points
    counts: bool = True  # reported in the preflight when cut
    align: str | None = None
    #: A list item: the plural the card names when items are left out ("+3 more goals").
    more: str = ""
    #: A gap between sections, which may grow when the flow spreads.
    stretch: bool = False
    #: A module's pieces (core.layout_modules): chips (item, text), callouts (field, label, value).
    parts: tuple = ()
    #: A heading's icon, or a list item's icon drawn instead of its bullet (core.icons names).
    icon: str | None = None
    #: An inline line's (icon, item) per core.layout_icons.PLACEHOLDER in its text.
    icons: tuple[tuple[str, int], ...] = ()


@dataclass(slots=True)
class Row:
    h: float
    block: int
    kind: str
    text: str = ""
    first: bool = False
    last: bool = False


class Flow:
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
        #: Where each template flow item landed in the last run (core.section_rects).
        self.section_rects: list = []
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

    def _lines(self, b: Block, st: ResolvedStyle) -> list[str]:
        width = self.columns[0][2]
        if b.kind == "fact":
            return T.break_lines(b.text, st.font, st.size, width - width * self.fact_label)
        avail = width - self._indent(b, st)
        txt = b.text.upper() if st.upper else b.text
        return T.break_lines(txt, st.font, st.size, avail, tracking=st.tracking)

    def _block(self, b: Block, s: float) -> tuple[float, list[str] | None]:
        """(row height, lines) of one block at shrink ``s``; lines is None for a one-row
        block (gap, slider, badge). The one place row heights are decided."""
        kind = b.kind
        if kind == "gap":
            return b.space, None
        st = self.style_at(b.style, s)
        if kind == "slider":
            return st.size * st.leading + self.slider_h + 4.0, None
        if kind == "badge":
            return st.size * 2.0, None
        if kind in MODULE_KINDS:
            return module_rows(self, b, st, s)
        if kind == "fact" and s < 0 and b.label and not self._label_fits(b.label, s):
            return _TOO_TALL, None  # grown type must not push a fact's label out of its column
        if s < 0 and kind in ("text", "fact") and self._grown_breaks_a_word(b, st):
            return _TOO_TALL, None  # grown type must not break a word the base size keeps whole
        return st.size * st.leading, self._lines(b, st)

    def _grown_breaks_a_word(self, b: Block, st: ResolvedStyle) -> bool:
        width = self.columns[0][2]
        avail = width - width * self.fact_label if b.kind == "fact" else width - self._indent(b, st)
        text = b.text.upper() if st.upper and b.kind != "fact" else b.text
        return bool(T.breaks_word(text, st.font, st.size, avail, st.tracking))

    def _label_fits(self, label: str, s: float) -> bool:
        lab = self.style_at("fact_label", s)
        text = label.upper() if lab.upper else label
        return T.measure(text, lab.font, lab.size) <= self.columns[0][2] * self.fact_label - 4

    def _rows(self, s: float) -> list[Row]:
        rows: list[Row] = []
        append = rows.append
        for i, b in enumerate(self.blocks):
            kind = b.kind
            h, lines = self._block(b, s)
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
        shape = []
        for b in self.blocks:
            h, lines = self._block(b, s)
            shape.append((b.kind, b.keep_with_next, h, 1 if lines is None else len(lines)))
        return tuple(shape)

    @staticmethod
    def _holds_together(b: Block) -> bool:
        """A name or a heading: shrinks (down to its minimum size) rather than break inside a word."""
        return b.kind == "heading" or b.field == "name"

    def _broken_word(self, s: float) -> tuple[Block, str] | None:
        """The first name or heading that would break inside a word at shrink ``s``, and the word."""
        holders = self.__dict__.get("_holders")
        if holders is None:
            holders = self._holders = [b for b in self.blocks if b.text and self._holds_together(b)]
        for b in holders:
            st = self.style_at(b.style, s)
            txt = b.text.upper() if st.upper else b.text
            word = T.breaks_word(txt, st.font, st.size, self.columns[0][2] - self._indent(b, st), st.tracking)
            if word:
                return b, word
        return None

    def fits(self, s: float) -> bool:
        """Whether every block fits whole at shrink ``s`` (0 = preferred sizes, 1 = minimum),
        with no name or heading broken inside a word while a smaller size is left.

        The shrink search asks this up to seven times per flow; cards of a batch
        share shapes, so the rows are placed once per shape."""
        if s < 1.0 and self._broken_word(s) is not None:
            return False
        key = (self._shape(s), tuple(self.columns))
        fit = _FITS.get(key)
        if fit is None:
            rows = self._rows(s)
            fit = self._place(rows)[1] >= len(rows)
            if len(_FITS) > 20_000:
                _FITS.clear()
            _FITS[key] = fit
        return fit

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
        hint = _LAST_SHRINK.get(tuple(self.columns)) if at_least == 0.0 else None
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
            _LAST_SHRINK[tuple(self.columns)] = s
        return s

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
        if self.grow <= 1.0 or not self.blocks or not self.columns:
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
            cuts = self._cuts(rows, placed, s, ellipses)
        else:
            cuts = module_cuts(self, placed, s)  # a chip wider than its column, shortened
        record_left_out_chips(self, placed, s)  # backs printed: chips the front left out
        panels = self._modules(placed, spread) if self.module_fill and placed else []
        self.section_rects = section_rects.placed_sections(
            self.blocks, self.columns, placed, self._valign_shift(placed) if placed else 0.0
        )
        items = panels + self._emit(placed, s, ellipses, cuts)
        broken = self._broken_word(s)
        if broken is not None:  # even the minimum size cannot keep this word whole
            b, word = broken
            cuts = [*cuts, WordBroken(self.persona_name, b.field or "", b.item, word)]
        return items, cuts

    def _modules(self, placed, spread: bool) -> list[Box]:
        """A panel behind each section (a module of the template's grid): from a little above
        its first row to where the next section's panel starts, less the visible gap; the
        last panel of a column that spread reaches the column's foot, so free room is shared
        by the modules instead of pooling under the last one."""
        pad = self.module_pad
        runs = self._section_runs(placed)
        nominal = next((b.space for b in self.blocks if b.stretch), 2 * pad)
        v = min(pad, nominal * 0.3)  # the panel's margin above and below its rows
        panels = []
        for k, (c, top, bottom, field, gap) in enumerate(runs):
            cx, cy, cw, ch = self.columns[c]
            following = runs[k + 1] if k + 1 < len(runs) and runs[k + 1][0] == c else None
            if following is not None:
                end = following[1] - gap + v
            else:
                end = cy + ch if spread else bottom + v
            panels.append(
                Box(
                    cx - pad,
                    top - v,
                    cw + 2 * pad,
                    max(bottom + v, end) - top + v,
                    fill=self.module_fill,
                    radius=min(6.0, pad),
                    field=field,
                )
            )
        return panels

    def _section_runs(self, placed) -> list[list]:
        """The placed rows grouped into sections: [column, top, bottom, field, nominal gap after]."""
        runs: list[list | None] = []
        for r, c, y in placed:
            if r.kind == "gap":
                if self.blocks[r.block].stretch and runs and runs[-1] is not None and runs[-1][0] == c:
                    runs[-1][4] = r.h
                    runs.append(None)  # a section ends
                continue
            if not runs or runs[-1] is None or runs[-1][0] != c:
                if runs and runs[-1] is None:
                    runs.pop()
                runs.append([c, y, y + r.h, self.blocks[r.block].field, 0.0])
            else:
                runs[-1][2] = y + r.h
                runs[-1][3] = runs[-1][3] or self.blocks[r.block].field  # facts: a heading without a field
        return [run for run in runs if run is not None]

    def _spread(self, placed):
        """The placed rows with each column's free room shared between its section gaps,
        each growing by at most ``spread`` times its own height (a sparse card balances
        its sections over the page instead of leaving one empty band at the bottom)."""
        per_col: dict[int, list[int]] = {}
        ends: dict[int, float] = {}
        for k, (r, c, y) in enumerate(placed):
            ends[c] = max(ends.get(c, 0.0), y + r.h)
            if r.kind == "gap" and self.blocks[r.block].stretch:
                per_col.setdefault(c, []).append(k)
        extra: dict[int, float] = {}
        for c, gaps in per_col.items():
            col = self.columns[c]
            free = col[1] + col[3] - ends[c]
            extra[c] = max(0.0, free / len(gaps))
        if not extra:
            return placed
        out = []
        shift: dict[int, float] = {}
        for r, c, y in placed:
            y += shift.get(c, 0.0)
            if r.kind == "gap" and self.blocks[r.block].stretch and c in extra:
                shift[c] = shift.get(c, 0.0) + min(extra[c], r.h * self.spread)
            out.append((r, c, y))
        return out

    def _more_marker(self, field, noun: str, hidden: list[int], limit: int, shown_block: int) -> Block:
        """The "+N more goals" block. It stands for the first item left out (the canvas
        outlines it with that item's cut), or for the last shown one when only the
        template's own limit left items out."""
        first_out = self.blocks[min(hidden)] if hidden else self.blocks[shown_block]
        style = self.blocks[shown_block].style
        text = f"+{len(hidden) + limit} more {noun}"
        if self.left_out is not None and self.left_out.continues(field):
            self.left_out.add(field, (self.blocks[i].item for i in hidden))
            text = self._on_the_back(text, f"+{len(hidden) + limit} more", style)
        return Block("more", field=field, item=first_out.item, text=text, style=style, counts=False)

    def _continued_marker(self, b: Block) -> Block:
        """A template limit's "+3 more motivations" (section_kinds) when the back continues the list.

        Its text is chosen before the flow is solved, so its width is checked at the
        largest type the flow may grow to: it stays on one row whatever size it is set at."""
        if not self.left_out.continues(b.field):
            return b
        self.left_out.add_after(b.field, b.item)
        short = f"+{b.value} more" if b.value else b.text
        return replace(b, text=self._on_the_back(b.text, short, b.style, s=min(0.0, 1.0 - self.grow)))

    def _on_the_back(self, text: str, short: str, style: str, s: float | None = None) -> str:
        """The marker naming the back, on its one row: "+8 more goals on the back", else
        "+8 more on the back" when the column is too narrow, else the plain marker.
        ``s``: the shrink factor it is set at (None: the flow's last run's)."""
        st = self.style_at(style, self.s if s is None else s)
        avail = self.columns[0][2] - self.indent
        for candidate in (text + ON_THE_BACK, short + ON_THE_BACK):
            if T.measure(candidate, st.font, st.size) <= avail:
                return candidate
        return text

    def _record_cut_items(self, placed, ellipses: set[int]) -> None:
        """List items the front shows cut short ("…"): the back prints them whole (with backs only)."""
        if self.left_out is None:
            return
        for k in ellipses:
            b = self.blocks[placed[k][0].block]
            if b.more and b.kind == "text" and self.left_out.continues(b.field):
                self.left_out.add(b.field, (b.item,))

    def _more(self, placed, ellipses: set[int]):
        """Where a list lost whole items, its last shown row becomes "+N more goals" (in the
        items' style, under their text), so no item vanishes from the card without a trace.

        The replaced row's item is then left out too (counted in N) when it showed only
        that row; otherwise its new last row ends in "…". The preflight still lists every
        item cut, since the marker counts for nothing (``counts=False``)."""
        seen = {r.block for r, _c, _y in placed}
        by_field: dict[tuple, list[int]] = {}
        for i, b in enumerate(self.blocks):
            if b.more and b.kind == "text":
                by_field.setdefault((b.field, b.more), []).append(i)
        placed = list(placed)
        ellipses = set(ellipses)
        for (field, noun), items in by_field.items():
            hidden = [i for i in items if i not in seen]
            # the template's own limit (section_kinds: "+N more" after max_items), when it is left out too
            limit = sum(
                b.value for i, b in enumerate(self.blocks) if b.kind == "more" and b.field == field and i not in seen
            )
            shown = [k for k, (r, _c, _y) in enumerate(placed) if r.block in items]
            if not (hidden or limit) or not shown:
                continue  # every item shows (some maybe shortened), or none: the preflight says it
            k = shown[-1]
            r, c, y = placed[k]
            if r.first:
                hidden.append(r.block)
            elif k - 1 >= 0 and placed[k - 1][0].block == r.block:
                ellipses.add(k - 1)
            ellipses.discard(k)
            mark = self._more_marker(field, noun, hidden, limit, r.block)
            self.blocks.append(mark)
            placed[k] = (Row(r.h, len(self.blocks) - 1, "more", mark.text, True, True), c, y)
        self._record_cut_items(placed, ellipses)
        return placed, ellipses

    #: Rows a section keeps when it gives up room to the sections after it (heading + two lines).
    MIN_SECTION_ROWS = 3

    def _share_room(self, rows: list[Row]):
        """When even the minimum size overflows, shorten the longest sections so every
        section still shows its heading and first lines, instead of the first long
        list pushing the later ones (pain points after 15 goals) off the card.

        Returns (placed rows, indexes of rows that end in "…") or None when
        shortening cannot make everything else fit.
        """
        sections: list[list[int]] = []  # row indexes per section (runs of rows between gaps)
        for i, r in enumerate(rows):
            if r.kind == "gap":
                sections.append([])
            elif not sections:
                sections.append([i])
            else:
                sections[-1].append(i)
        sections = [sec for sec in sections if sec]
        if len(sections) < 2:
            return None
        keep = [list(sec) for sec in sections]
        dropped: set[int] = set()
        while True:
            longest = max(range(len(keep)), key=lambda k: len(keep[k]))
            if len(keep[longest]) <= self.MIN_SECTION_ROWS:
                return None
            dropped.add(keep[longest].pop())
            trial = [r for i, r in enumerate(rows) if i not in dropped]
            placed, left = self._place(trial)
            if left >= len(trial):
                break
        ends = {id(rows[sec[-1]]) for sec, whole in zip(keep, sections) if len(sec) < len(whole)}
        ellipses = set()
        for k, (r, _c, _y) in enumerate(placed):
            if id(r) in ends and r.kind in ("text", "fact"):
                ellipses.add(k)
        return placed, ellipses

    # ------------------------------------------------------------ preflight
    def _cuts(self, rows, placed, s, ellipses: set[int]) -> list[Cut]:
        """Per (field, item): how many characters were really dropped.

        A block whose last line is shown is whole. Otherwise the shown lines are
        matched against the text by their non-space characters, so spaces that
        line breaking swallowed (trailing, doubled, newlines) never count as cut:
        a text whose every word is on the card is not reported, even when the
        flow's "…" ends its last line because a later block did not fit.
        """
        shown: dict[int, list[str]] = {}
        complete: set[int] = set()
        for k, (r, _c, _y) in enumerate(placed):
            if r.kind == "slider":
                complete.add(r.block)
            elif r.kind in ("text", "fact"):
                line = r.text
                if k in ellipses:
                    st = self.style_at(self.blocks[r.block].style, s)
                    line = self._ellipsized(r, st)[:-1]  # the kept part, without the "…"
                elif r.last:
                    complete.add(r.block)
                shown.setdefault(r.block, []).append(line)
        totals: dict[tuple, list[int]] = {}
        order = []
        for i, b in enumerate(self.blocks):
            if b.kind not in ("text", "fact", "slider") or not b.counts:
                continue
            total = len(b.text.replace("\n", ""))
            if i in complete:
                got = total
            elif b.kind == "slider":
                got = 0
            else:
                st = self.style_at(b.style, s)
                text = b.text.upper() if st.upper and b.kind != "fact" else b.text  # what the lines show
                got = max(0, total - dropped_chars(text, shown.get(i, ())))
            key = (b.field, b.item)
            if key not in totals:
                totals[key] = [0, 0]
                order.append(key)
            totals[key][0] += got
            totals[key][1] += total
        cuts = []
        for key in order:
            got, total = totals[key]
            if got < total:
                cuts.append(Cut(self.persona_name, key[0], key[1], got, total))
        return cuts + module_cuts(self, placed, s)

    def _ellipsized(self, r: Row, st: ResolvedStyle) -> str:
        b = self.blocks[r.block]
        width = self.columns[0][2] - (self.columns[0][2] * self.fact_label if b.kind == "fact" else self._indent(b, st))
        return T.ellipsize(r.text, st.font, st.size, width)

    # ------------------------------------------------------------ emission
    def _line(
        self,
        text: str,
        st: ResolvedStyle,
        x: float,
        baseline: float,
        avail: float,
        align: str,
        base_dir: str | None = None,
    ) -> tuple[TextLine, float]:
        # Lines are immutable: the same heading or phrase at the same place on every
        # card of a batch is built once (a tracked heading is a run per letter).
        key = (text, st.font, st.size, st.color, st.tracking, x, baseline, avail, align, base_dir, T.current_forms())
        found = _LINES.get(key)
        if found is None:
            if len(_LINES) > 5_000:
                _LINES.clear()
            found = _LINES[key] = self._new_line(text, st, x, baseline, avail, align, base_dir)
        return found

    def _new_line(
        self, text: str, st: ResolvedStyle, x: float, baseline: float, avail: float, align: str, base_dir: str | None
    ) -> tuple[TextLine, float]:
        pieces = T.shape_line(text, T.TextStyle(st.font, st.size), base_dir, st.tracking)
        total = T.line_width(pieces)
        x0 = x + _offset(align, avail, total)
        runs = []
        for p in pieces:
            runs.append(T.text_run(p, x0, baseline, st.size, st.color))
            x0 += p.width
        return TextLine(tuple(runs), text), total

    def _emit(self, placed, s, ellipses: set[int], cuts) -> list:
        """The primitives of the placed rows: one text block per block and column, plus its marks."""
        items: list = []
        if not placed:
            return items
        self.placed = placed  # a module asks which of its rows are shown
        cut_of = {(c.field, c.item): c for c in cuts}
        for group in self._groups(placed, self._valign_shift(placed)):
            items.extend(self._emit_group(group, s, ellipses, cut_of))
        return items

    def _valign_shift(self, placed) -> float:
        """How far a single column's content moves down (header next to a photo: ``middle``)."""
        if self.valign == "top" or len(self.columns) != 1:
            return 0.0
        used = placed[-1][2] + placed[-1][0].h - self.columns[0][1]
        free = self.columns[0][3] - used
        return free / 2 if self.valign == "middle" else free

    @staticmethod
    def _groups(placed, shift: float) -> list[list[tuple[int, Row, int, float]]]:
        """The placed rows as (index, row, column, y), grouped per block and column; gaps left out."""
        groups: list[list[tuple[int, Row, int, float]]] = []
        for k, (r, c, y) in enumerate(placed):
            if r.kind == "gap":
                continue
            if groups and groups[-1][0][1].block == r.block and groups[-1][0][2] == c:
                groups[-1].append((k, r, c, y + shift))
            else:
                groups.append([(k, r, c, y + shift)])
        return groups

    def _emit_group(self, g, s: float, ellipses: set[int], cut_of: dict) -> list:
        _k0, r0, col, top = g[0]
        b = self.blocks[r0.block]
        cx, _cy, cw, _ch = self.columns[col]
        st = self.style_at(b.style, s)
        bottom = g[-1][3] + g[-1][1].h
        self.bottom = max(self.bottom, bottom)
        if b.kind == "slider":
            return self._slider(b, st, cx, top, cw)
        if b.kind == "badge":
            return self._badge(b, st, cx, top, cw)
        if b.kind in MODULE_KINDS:
            return emit_module(self, g, b, st, s)
        return self._text(g, b, st, s, (cx, top, cw, bottom - top), ellipses, cut_of)

    def _align(self, b: Block, i: int, direction: str) -> str:
        align = b.align or self.align
        if align != "left":
            return align
        if b.kind == "text" and direction == "R":
            return "right"
        if b.kind == "heading" and self._content_direction(i) == "R":
            return "right"  # a heading sits on the same edge as the right-to-left items it heads
        return align

    def _text(self, g, b: Block, st: ResolvedStyle, s: float, frame, ellipses: set[int], cut_of: dict) -> list:
        """A text, heading or fact block: its lines (the last with "…" when cut), label, bullet and bar."""
        cx, top, cw, height = frame
        r0 = g[0][1]
        items: list = []
        direction = T.paragraph_direction(b.text)
        align = self._align(b, r0.block, direction)
        if b.kind == "fact":
            lw = cw * self.fact_label
            if r0.first:
                items.append(self._fact_label(b, s, cx, top, lw, r0.h, st))
            tx, tw = cx + lw, cw - lw
        else:
            indent = self._indent(b, st)
            # a right-to-left item hangs from the right edge, its bullet on the right
            tx, tw = (cx, cw - indent) if _mirrored(b, direction, align) else (cx + indent, cw - indent)
        lines = []
        for k, r, _c, y in g:
            txt = self._ellipsized(r, st) if k in ellipses else r.text
            lines.append(self._line(txt, st, tx, y + _baseline(st, r.h), tw, align, direction)[0])
        cut = cut_of.get((b.field, b.item)) if b.counts or b.kind == "more" else None
        fact = b.kind == "fact"
        items.append(
            TextBlock(
                tx if fact else cx,
                top,
                tw if fact else cw,
                height,
                tuple(lines),
                field=b.field,
                item=b.item,
                cut=cut,
                align=align,
            )
        )
        items.extend(self._marks(b, r0, st, cx, top, cw, height, direction))
        items.extend(self._icons(b, r0, st, lines, (cx, cw), direction))
        return items

    def _icons(self, b: Block, r0: Row, st: ResolvedStyle, lines, span, direction: str) -> list:
        """A heading's icon before its first line, a list item's icon in place of its bullet,
        an inline line's icon before each item (core.layout_icons)."""
        cx, cw = span
        if b.icons:
            color = self.theme.color("bullet", self.persona_type)
            return inline_icons(b.icons, lines, st.font, st.size, st.tracking, color, b.field, direction)
        if not b.icon or not r0.first or not lines:
            return []
        if b.kind == "heading":
            if _mirrored(b, direction, self._align(b, r0.block, direction)):
                return [trailing_icon(b.icon, lines[0], cx + cw, st.size, st.color, b.field, b.item)]
            return [leading_icon(b.icon, lines[0], cx, st.size, st.color, b.field, b.item)]
        baseline = lines[0].runs[0].y if lines[0].runs else 0.0
        x = cx + cw - icon_side(st.size) if direction == "R" else cx
        color = self.theme.color("bullet", self.persona_type)
        return [placed_icon(b.icon, x, baseline, st.size, color, b.field, b.item)]

    def _fact_label(
        self, b: Block, s: float, cx: float, top: float, lw: float, row_h: float, st: ResolvedStyle
    ) -> TextBlock:
        lab = self.style_at("fact_label", s)
        base = top + _baseline(st, row_h)
        line, _w = self._line(b.label.upper() if lab.upper else b.label, lab, cx, base, lw - 4, "left")
        return TextBlock(cx, top, lw, row_h, (line,), field=b.field, item=b.item)

    def _marks(
        self, b: Block, r0: Row, st: ResolvedStyle, cx: float, top: float, cw: float, height: float, direction: str
    ) -> list:
        """A list item's bullet (on its first row) and a quote's bar, on the text's leading edge."""
        marks: list = []
        if b.bullet and r0.first and not b.icon:
            d = max(2.0, st.size * 0.34)
            cy = top + _baseline(st, r0.h) - st.size * 0.36
            bx = cx + cw - 1.0 - d if direction == "R" else cx + 1.0
            marks.append(
                Box(
                    bx,
                    cy - d / 2,
                    d,
                    d,
                    fill=self.theme.color("bullet", self.persona_type),
                    shape="ellipse",
                    field=b.field,
                    item=b.item,
                )
            )
        if b.bar:
            marks.append(
                Box(
                    cx + cw - 2.5 if direction == "R" else cx,
                    top + 1.0,
                    2.5,
                    height - 2.0,
                    fill=self.theme.color("type", self.persona_type),
                    radius=1.0,
                    field=b.field,
                    item=b.item,
                )
            )
        return marks

    def _content_direction(self, i: int) -> str:
        """The paragraph direction of the first text after block ``i`` (what a heading heads)."""
        for b in self.blocks[i + 1 :]:
            if b.kind == "heading":
                return "L"
            if b.kind in ("text", "fact", "chips"):  # right-to-left chips hang from the right edge too
                return T.paragraph_direction(b.text)
        return "L"

    def _badge(self, b: Block, st: ResolvedStyle, x: float, top: float, w: float) -> list:
        pad = st.size * 0.9
        h = st.size * 1.7
        pieces_w = T.measure(b.text, st.font, st.size)
        bw = min(w, pieces_w + 2 * pad)
        align = b.align or self.align
        bx = x + _offset(align, w, bw)
        by = top + (st.size * 2.0 - h) / 2
        box = Box(bx, by, bw, h, fill=st.fill, radius=h / 2, field="type")
        base = by + h / 2 + st.size * 0.35
        line, _w = self._line(b.text, st, bx + pad, base, bw - 2 * pad, "left")
        return [box, TextBlock(bx, by, bw, h, (line,), field="type", align="center")]

    def _slider(self, b: Block, st: ResolvedStyle, x: float, top: float, w: float) -> list:
        base = top + st.size * 0.95
        left, _ = self._line(b.label, st, x, base, w / 2, "left")
        right, _ = self._line(b.label2, st, x + w / 2, base, w / 2, "right")
        line = TextLine(left.runs + right.runs, f"{b.label} \u2013 {b.label2}")
        lh = st.line_height
        tb = TextBlock(x, top, w, lh, (line,), field=b.field, item=b.item)
        th = self.theme
        sl = Slider(
            x,
            top + lh + 1.0,
            w,
            self.slider_h,
            max(0, min(100, int(b.value))),
            track=th.color("track", self.persona_type),
            fill=th.color("type", self.persona_type),
            marker=th.color("type", self.persona_type),
            field=b.field,
            item=b.item,
        )
        return [tb, sl]


#: The height of a row that can never fit (a grown fact whose label no longer fits its column).
_TOO_TALL = 1e9
_LINES: dict[tuple, tuple[TextLine, float]] = {}
#: Whether a flow shape (see Flow._shape) fits its columns at a shrink factor.
_FITS: dict[tuple, bool] = {}
#: The shrink factor the last flow of these columns searched from 0.0 ended on (Flow._shrink).
_LAST_SHRINK: dict[tuple, float] = {}


def dropped_chars(text: str, shown_lines) -> int:
    """Characters of ``text`` after the last one on ``shown_lines`` (newlines and the
    whitespace around the dropped part not counted).

    Lines are matched by their non-space characters: line breaking removes
    spaces and newlines, never anything else.
    """
    need = sum(len(line) - sum(1 for ch in line if ch.isspace()) for line in shown_lines)
    rest = text
    if need:
        seen = 0
        rest = ""
        for idx, ch in enumerate(text):
            if not ch.isspace():
                seen += 1
                if seen == need:
                    rest = text[idx + 1 :]
                    break
    return len(rest.strip().replace("\n", ""))


def _offset(align: str, avail: float, width: float) -> float:
    if align == "center":
        return max(0.0, (avail - width) / 2)
    if align == "right":
        return max(0.0, avail - width)
    return 0.0


def _mirrored(b: Block, direction: str, align: str) -> bool:
    """Whether a block's bullet, bar or icon hangs on the right: a right-to-left item, or a
    heading set on the right edge (over right-to-left items) with its icon beside it there."""
    if direction == "R" and (b.bullet or b.bar or bool(b.icon)):
        return True
    return b.kind == "heading" and bool(b.icon) and align == "right"


def _baseline(st: ResolvedStyle, row_h: float) -> float:
    """Baseline below the row top: half the leading above, cap height centred-ish."""
    return (row_h - st.size) / 2 + st.size * 0.8
