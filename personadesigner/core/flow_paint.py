"""Drawing a laid-out flow: the section panels, the spread of free room between sections,
and the text blocks, bullets, bars, icons, badges and sliders of each placed row.

A mixin of core.layout_flow.Flow: it reads the flow's blocks, columns and styles.
"""

from __future__ import annotations

from personadesigner.core import text as T
from personadesigner.core.cardlayout import (
    Box,
    Slider,
    TextBlock,
    TextLine,
)
from personadesigner.core.flow_blocks import Block, ResolvedStyle, Row
from personadesigner.core.layout_icons import (
    icon_side,
    inline_icons,
    leading_icon,
    placed_icon,
    trailing_icon,
)
from personadesigner.core.layout_modules import (
    MODULE_KINDS,
    emit_module,
)


class FlowPaint:
    """Flow's panels and emitted primitives (see the module docstring)."""

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
        blocks = self.blocks
        gaps: dict[int, int] = {}  # column -> how many stretching gaps it has
        ends: dict[int, float] = {}
        for r, c, y in placed:
            ends[c] = max(ends.get(c, 0.0), y + r.h)
            if r.kind == "gap" and blocks[r.block].stretch:
                gaps[c] = gaps.get(c, 0) + 1
        if not gaps:
            return placed
        extra: dict[int, float] = {}
        for c, n in gaps.items():
            col = self.columns[c]
            free = col[1] + col[3] - ends[c]
            extra[c] = max(0.0, free / n)
        out = []
        shift: dict[int, float] = {}
        spread = self.spread
        for row in placed:
            r, c, y = row
            moved = shift.get(c)
            if moved is not None:
                row = (r, c, y + moved)
            if r.kind == "gap" and blocks[r.block].stretch:  # every column with such a gap has an extra
                shift[c] = (0.0 if moved is None else moved) + min(extra[c], r.h * spread)
            out.append(row)
        return out

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
        """A text, heading or fact block: its lines (the last with "…" when cut), label, bullet and bar.

        Kept per everything they are drawn from (``_TEXTS``): a heading, or a text every card of
        a batch shares, lands in the same place on most cards and is drawn alike."""
        direction = T.paragraph_direction(b.text)
        align = self._align(b, g[0][1].block, direction)
        cut = cut_of.get((b.field, b.item)) if b.counts or b.kind == "more" else None
        rows = tuple([(k in ellipses, r.text, y, r.h, r.first) for k, r, _c, y in g])
        # fmt: off
        key = (
            id(self.style_at), id(self.theme), self.persona_type, T.current_forms(),
            b.kind, b.text, b.field, b.item, b.style, b.bullet, b.bar, b.icon, b.icons, b.label,
            s, frame, rows, cut, direction, align, self.columns[0][2], self.fact_label, self.indent, self.bar_indent,
        )
        # fmt: on
        found = _TEXTS.get(key)
        if found is not None and found[0] is self.style_at and found[1] is self.theme:
            return list(found[2])
        items = self._new_text(g, b, st, s, frame, ellipses, cut, (direction, align))
        if len(_TEXTS) > 5_000:
            _TEXTS.clear()
        _TEXTS[key] = (self.style_at, self.theme, tuple(items))
        return items

    def _new_text(self, g, b: Block, st: ResolvedStyle, s: float, frame, ellipses: set[int], cut, sides) -> list:
        cx, top, cw, height = frame
        r0 = g[0][1]
        items: list = []
        direction, align = sides
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
        """The persona type's pill: alike on every card of a type, so kept like text blocks (``_TEXTS``)."""
        key = (id(self.style_at), T.current_forms(), b.style, st.size, b.text, b.align or self.align, x, top, w)
        found = _TEXTS.get(key)
        if found is not None and found[0] is self.style_at:
            return list(found[2])
        items = self._new_badge(b, st, x, top, w)
        if len(_TEXTS) > 5_000:
            _TEXTS.clear()
        _TEXTS[key] = (self.style_at, None, tuple(items))
        return items

    def _new_badge(self, b: Block, st: ResolvedStyle, x: float, top: float, w: float) -> list:
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


#: Laid-out lines by text, style, place and CJK forms: cards of a batch repeat headings and phrases.
_LINES: dict[tuple, tuple[TextLine, float]] = {}
#: (style set, theme, primitives) of text blocks by all they are drawn from (FlowPaint._text).
_TEXTS: dict[tuple, tuple] = {}


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
