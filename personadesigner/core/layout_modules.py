"""Visual modules of a flow: chips, big-number callouts and the share bar.

These blocks are not lines of text, so core.layout_flow asks this module how tall
they are (``module_rows``) and what they draw (``emit_module``); placement, the
shrink search and growth stay the flow's. Chips wrap into rows of pills, each row
a flow row, so a long list of chips may continue in the next column or be cut
honestly: the last row shown ends in a "+N more" chip and the preflight lists
the items left out. When backs are printed and the back continues the list
(core.continuation), the chip says "+N more on the back" (when that fits the
column) and the items left out are recorded for the back, as a list's are.
Callouts and the share bar are one row each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from personadesigner.core import line_breaks as LB
from personadesigner.core import text as T
from personadesigner.core.cardlayout import Box, Cut, Rule, TextBlock
from personadesigner.core.continuation import ON_THE_BACK
from personadesigner.core.flow_blocks import TOO_TALL
from personadesigner.core.layout_icons import icon_room, icon_side, placed_icon

if TYPE_CHECKING:
    from personadesigner.core.flow_blocks import Block, ResolvedStyle
    from personadesigner.core.layout_flow import Flow

MODULE_KINDS = frozenset({"chips", "callouts", "share_bar"})


# ------------------------------------------------------------------ chips
@dataclass(frozen=True)
class Chip:
    item: int | None  # None: the "+N more" chip
    text: str
    w: float
    total: int = 0  # characters of the item
    short: bool = False  # shortened with "…" (wider than the column)


def _chip_metrics(st: ResolvedStyle) -> tuple[float, float, float, float]:
    """(horizontal padding, pill height, gap between pills, row height) at ``st``."""
    pad = st.size * 0.8
    ph = st.size * 1.85
    gap = st.size * 0.5
    return pad, ph, gap, ph + gap


def _more_chip(n: int, st: ResolvedStyle, pad: float, back: bool, width: float) -> Chip:
    """The "+N more" chip; "+N more on the back" when the back continues the list and that
    chip fits the column on its own (a narrow column keeps the plain words)."""
    text = f"+{n} more"
    if back:
        w = T.measure(text + ON_THE_BACK, st.font, st.size) + 2 * pad
        if w <= width + 0.01:
            return Chip(None, text + ON_THE_BACK, w)
    return Chip(None, text, T.measure(text, st.font, st.size) + 2 * pad)


def backs_chips(flow: Flow, b: Block) -> bool:
    """Whether the card's back continues the list of chips ``b`` (backs printed, core.continuation)."""
    return flow.left_out is not None and flow.left_out.continues(b.field)


#: Wraps by (chips, style size, width, row limit): the shrink search asks for each several times.
_WRAPS: dict[tuple, _Wrapped] = {}


def chip_rows(b: Block, st: ResolvedStyle, width: float, max_rows: int | None = None, back: bool = False):
    """The chips of ``b`` wrapped into rows at ``width``, at most ``max_rows`` rows (the
    block's own limit, ``b.space``, applies too), and the items left off the card.

    When items are left out (by ``max_items``, a row limit or a flow that ran out
    of room) the last row ends in a "+N more" chip ("+N more on the back" with
    ``back``): trailing chips give way until it fits.
    """
    limit = int(b.space) or None
    if max_rows is not None:
        limit = max_rows if limit is None else min(limit, max_rows)
    key = (b.parts, b.icons, b.value, b.label, st.font, st.size, round(width, 3), limit, back)
    found = _WRAPS.get(key)
    if found is None:
        if len(_WRAPS) > 20_000:
            _WRAPS.clear()
        found = _WRAPS[key] = _wrap(b, st, width, limit, back)
    return found


def _wrap(b: Block, st: ResolvedStyle, width: float, limit: int | None, back: bool):
    pad, _ph, gap, _rh = _chip_metrics(st)
    rows: list[list[Chip]] = []
    x = 0.0
    with_icon = {item for _name, item in b.icons}
    for item, text in b.parts:
        extra = 2 * pad + (icon_room(st.size) if item in with_icon else 0.0)
        w = T.measure(text, st.font, st.size) + extra
        shown = text
        if w > width:  # one chip wider than the column: shortened with "…"
            shown = LB.ellipsize(text, st.font, st.size, width - extra)
            w = T.measure(shown, st.font, st.size) + extra
        chip = Chip(item, shown, w, len(text), shown != text)
        if rows and x + gap + w <= width + 0.01:
            rows[-1].append(chip)
            x += gap + w
        else:
            rows.append([chip])
            x = w
    hidden = [c.item for row in rows[limit:] for c in row] if limit else []
    rows = rows[:limit] if limit else rows
    rest = int(b.value)
    if (hidden or rest) and rows:
        last = rows[-1]
        while True:
            more = _more_chip(len(hidden) + rest, st, pad, back, width)
            used = sum(c.w for c in last) + gap * len(last)
            if not last or used + more.w <= width + 0.01:
                break
            hidden.insert(0, last.pop().item)
        last.append(more)
    return _Wrapped(tuple(tuple(r) for r in rows), tuple(hidden))


class _Wrapped(tuple):
    """(rows, hidden) of a wrap, with what the flow's row search asks of it worked out once."""

    def __new__(cls, rows, hidden):
        out = super().__new__(cls, (rows, hidden))
        out.short = any(c.short for row in rows for c in row)
        out.texts = ["\x1f".join(c.text for c in row) for row in rows]
        return out


def _chips_height(b: Block, st: ResolvedStyle, width: float, s: float, back: bool) -> tuple[float, list[str]]:
    wrapped = chip_rows(b, st, width, back=back)
    if s < 1.0 and wrapped.short:
        return TOO_TALL, None  # smaller type before a shortened chip (grown type never shortens one)
    return _chip_metrics(st)[3], wrapped.texts


def _emit_chips(flow: Flow, g, b: Block, st: ResolvedStyle, cx: float, cw: float) -> list:
    """The pills of the placed rows ``g``; right-to-left chips (Arabic, Hebrew) start at the right edge."""
    rows, _hidden = chip_rows(b, st, cw, _shown_rows(flow, g[0][1].block), backs_chips(flow, b))
    gap = _chip_metrics(st)[2]
    rtl = T.paragraph_direction(b.text) == "R"
    items: list = []
    for _k, r, _c, y in g:
        index = _row_index(flow, r)
        if index >= len(rows):
            continue
        x = cx + cw if rtl else cx
        for chip in rows[index]:
            if rtl:
                x -= chip.w
            items.extend(_pill(flow, b, st, chip, x, y, rtl))
            x += -gap if rtl else chip.w + gap
    return items


def _pill(flow: Flow, b: Block, st: ResolvedStyle, chip: Chip, x: float, y: float, rtl: bool) -> list:
    """One chip: its pill (an outline for "+N more"), its icon on the leading side, its words."""
    pad, ph, _gap, _rh = _chip_metrics(st)
    fill = st.fill or flow.theme.color("surface", flow.persona_type)
    more = chip.item is None
    out: list = [
        Box(
            x,
            y,
            chip.w,
            ph,
            fill=None if more else fill,
            stroke=fill if more else None,
            stroke_width=0.8 if more else 0.0,
            radius=ph / 2,
            field=b.field,
            item=chip.item,
        )
    ]
    base = y + ph / 2 + st.size * 0.35
    left, right = x + pad, x + chip.w - pad
    icon = {item: name for name, item in b.icons}.get(chip.item)
    if icon:  # the channel's icon inside the pill, before its words
        ink = flow.theme.color("bullet", flow.persona_type)
        room = icon_room(st.size)
        at = right - icon_side(st.size) if rtl else left
        out.append(placed_icon(icon, at, base, st.size, ink, b.field, chip.item))
        left, right = (left, right - room) if rtl else (left + room, right)
    line, _w = flow._line(chip.text, st, left, base, right - left, "right" if rtl else "left")
    out.append(TextBlock(x, y, chip.w, ph, (line,), field=b.field, item=chip.item))
    return out


def _shown_rows(flow: Flow, block: int) -> int | None:
    """How many of a block's rows the flow placed (None: all of them)."""
    placed = [r for r, _c, _y in getattr(flow, "placed", ())]
    mine = [r for r in placed if r.block == block]
    if any(r.last for r in mine):
        return None
    return len(mine)


def _row_index(flow: Flow, row) -> int:
    """The position of ``row`` among the placed rows of its block."""
    k = 0
    for r, _c, _y in flow.placed:
        if r is row:
            return k
        if r.block == row.block:
            k += 1
    return k


# ------------------------------------------------------------------ callouts
#: A number at the start of a value: "$2M", "34-40", "250", "1,200+", "12 %", "€40k".
#: The pattern's text: re compiles (and caches) it on the first callout, not at import.
_NUMBER = r"^\s*([$€£¥]?\s?\d[\d.,]*\s?(?:[kKmMbB]n?|%)?(?:\s?[-\u2013]\s?[$€£¥]?\d[\d.,]*\s?(?:[kKmMbB]n?|%)?)?\+?)(?=\s|$|[^\w])(.*)$"


def split_number(value: str) -> tuple[str, str]:
    """``value`` as (the big figure, the words after it): "250 employees" -> ("250", "employees");
    a value that does not start with a number is all figure ("Gothenburg", "")."""
    m = re.match(_NUMBER, value, re.S)
    if not m:
        return value.strip(), ""
    figure = re.sub(r"(?<=\d)\s?-\s?(?=[$€£¥]?\d)", "\u2013", m.group(1).strip())
    rest = m.group(2).strip(" ,;:·")
    return figure, rest


@dataclass(frozen=True)
class _Callout:
    field: str
    lines: tuple[str, ...]
    size: float
    labels: tuple[str, ...]
    label_size: float

    def height(self, leading: float) -> float:
        return len(self.lines) * self.size * 1.1 + len(self.labels) * self.label_size * leading


_GRIDS: dict[tuple, tuple[list[list[_Callout]], float]] = {}


def _callout_grid(flow: Flow, b: Block, st: ResolvedStyle, width: float, s: float):
    """``_grid``, remembered: the shrink search asks for one block's grid several times."""
    lab = flow.style_at(b.label2 or "callout_label", s)
    key = (b.parts, b.space, st.font, st.size, lab.font, lab.size, lab.upper, lab.tracking, round(width, 3))
    found = _GRIDS.get(key)
    if found is None:
        if len(_GRIDS) > 20_000:
            _GRIDS.clear()
        found = _GRIDS[key] = _grid(b, st, lab, width)
    return found


def _grid(b: Block, st: ResolvedStyle, lab: ResolvedStyle, width: float) -> tuple[list[list[_Callout]], float]:
    """The callouts in rows of ``columns`` (``b.space``; 0: one row), and the column width.

    The figures that are numbers share one size (the largest at which each fits its
    column), so the row reads as one; a figure that is words shrinks on its own (never
    above the numbers) until its longest word fits, then wraps between words. The words
    after a number ("employees") go under the label; a label shrinks (to 3/4 of its
    size) before a word of it would break."""
    n = min(int(b.space) or len(b.parts), len(b.parts))
    gap = st.size * 0.6
    cw = (width - gap * (n - 1)) / n
    floor = st.size * 0.55
    split = [(field, label, *split_number(value), value) for field, label, value in b.parts]
    numeric = [_fitting(fig, st.font, st.size, cw, floor) for _f, _l, fig, _r, value in split if fig != value.strip()]
    top = min(numeric, default=st.size)
    out = []
    for field, label, figure, rest, value in split:
        size = top
        if figure == value.strip():  # words: the longest word fits, then the words wrap between them
            size = min(top, _fitting(_widest(figure, st.font), st.font, st.size, cw, floor))
            if T.measure(figure, st.font, size) > cw:
                size = min(size, max(floor, st.size * 0.7))
        label = label.upper() if lab.upper else label
        lsize = _label_size(f"{label} {rest}", lab, cw)
        labels = LB.break_lines(label, lab.font, lsize, cw, tracking=lab.tracking)
        if rest:
            labels += LB.break_lines(rest, lab.font, lsize, cw, tracking=lab.tracking)
        out.append(_Callout(field, tuple(LB.break_lines(figure, st.font, size, cw)), size, tuple(labels), lsize))
    return [out[k : k + n] for k in range(0, len(out), n)], cw


def _label_size(words: str, lab: ResolvedStyle, width: float) -> float:
    """The label's size: its own, or smaller (to 3/4) so that its longest word fits whole."""
    word = _widest(words, lab.font)
    size, floor = lab.size, lab.size * 0.75
    while size > floor and T.measure(word, lab.font, size) + lab.tracking * size * len(word) > width:
        size = max(floor, size * 0.9)
    return size


def _widest(text: str, font: str) -> str:
    return max(text.split() or [""], key=lambda w: T.measure(w, font, 1.0))


def _fitting(text: str, font: str, size: float, width: float, floor: float) -> float:
    """The largest size (from ``size``, in 10 % steps, not below ``floor``) at which ``text`` fits ``width``."""
    while size > floor and T.measure(text, font, size) > width:
        size = max(floor, size * 0.9)
    return size


def _row_heights(flow: Flow, b: Block, st: ResolvedStyle, width: float, s: float) -> list[float]:
    rows, _cw = _callout_grid(flow, b, st, width, s)
    lab = flow.style_at(b.label2 or "callout_label", s)
    return [max(c.height(lab.leading) for c in row) + lab.size * 0.4 for row in rows]


def _callouts_height(flow: Flow, b: Block, st: ResolvedStyle, width: float, s: float) -> float:
    heights = _row_heights(flow, b, st, width, s)
    return sum(heights) + st.size * 0.5 * (len(heights) - 1)


def _emit_callouts(flow: Flow, b: Block, st: ResolvedStyle, s: float, cx: float, top: float, cw_all: float) -> list:
    rows, cw = _callout_grid(flow, b, st, cw_all, s)
    lab = flow.style_at(b.label2 or "callout_label", s)
    gap = st.size * 0.6
    align = b.align or "center"
    items: list = []
    rule = lab.color  # a divider as quiet as the labels, on a panel or on the type's colour
    for row, height in zip(rows, _row_heights(flow, b, st, cw_all, s), strict=True):
        for k, c in enumerate(row):
            x = cx + k * (cw + gap)
            if k:
                items.append(Rule(x - gap / 2, top + 2.0, x - gap / 2, top + height - 2.0, rule, 0.6))
            items.append(_callout_block(flow, c, st, lab, (x, top, cw, height), align))
        top += height + st.size * 0.5
    return items


def _callout_block(flow: Flow, c: _Callout, st: ResolvedStyle, lab: ResolvedStyle, frame, align: str) -> TextBlock:
    """One callout: its figure lines, then its label lines."""
    x, top, cw, height = frame
    figure, label = replace(st, size=c.size), replace(lab, size=c.label_size)
    lines = []
    y = top
    for text in c.lines:
        y += c.size * 1.1
        lines.append(flow._line(text, figure, x, y - c.size * 0.22, cw, align)[0])
    for text in c.labels:
        y += label.line_height
        lines.append(flow._line(text, label, x, y - label.line_height * 0.3, cw, align)[0])
    return TextBlock(x, top, cw, height, tuple(lines), field=c.field, align=align)


# ------------------------------------------------------------------ share bar
def _share_metrics(st: ResolvedStyle) -> tuple[float, float]:
    """(bar height, gap between the sentence and the bar)."""
    return max(4.0, st.size * 0.7), st.size * 0.45


def _share_inline(b: Block, st: ResolvedStyle, width: float) -> float | None:
    """The sentence's width when the bar goes beside it (``inline``) and both fit on one line, else None."""
    if not b.bar:
        return None
    tw = T.measure(b.text, st.font, st.size) + st.size
    return tw if tw <= width * 0.7 else None


def _share_height(flow: Flow, b: Block, st: ResolvedStyle, width: float) -> tuple[float, list[str]]:
    if _share_inline(b, st, width) is not None:
        return st.line_height, [b.text]
    lines = LB.break_lines(b.text, st.font, st.size, width, tracking=st.tracking)
    bar, gap = _share_metrics(st)
    return len(lines) * st.line_height + gap + bar, lines


def _emit_share(flow: Flow, b: Block, st: ResolvedStyle, cx: float, top: float, cw: float) -> list:
    _h, texts = _share_height(flow, b, st, cw)
    bar, gap = _share_metrics(st)
    inline = _share_inline(b, st, cw)
    align = "left" if inline is not None else (b.align or flow.align)
    lines = []
    y = top
    for text in texts:
        lines.append(flow._line(text, st, cx, y + st.size * 0.8 + (st.line_height - st.size) / 2, cw, align)[0])
        y += st.line_height
    theme, ptype = flow.theme, flow.persona_type
    if inline is not None:  # the bar beside the sentence, centred on its line
        bx, bw, by = cx + inline, cw - inline, top + (st.line_height - bar) / 2
    else:
        bx, bw, by = cx, cw, y + gap
    share = max(0.0, min(100.0, float(b.value))) / 100.0
    track, fill = theme.color(b.label or "track", ptype), theme.color(b.label2 or "type", ptype)
    items: list = [TextBlock(cx, top, cw, y - top, tuple(lines), field=b.field, align=align)]
    items.append(Box(bx, by, bw, bar, fill=track, radius=bar / 2, field=b.field))
    if share > 0:
        items.append(Box(bx, by, max(bar, bw * share), bar, fill=fill, radius=bar / 2, field=b.field))
    return items


# ------------------------------------------------------------------ the flow's hooks
def module_rows(flow: Flow, b: Block, st: ResolvedStyle, s: float) -> tuple[float, list[str] | None]:
    """(row height, row texts or None for one row) of a module block at shrink ``s``."""
    width = flow.columns[0][2]
    if b.kind == "chips":
        return _chips_height(b, st, width, s, backs_chips(flow, b))
    if b.kind == "callouts":
        return _callouts_height(flow, b, st, width, s), None
    h, _lines = _share_height(flow, b, st, width)
    return h, None


def emit_module(flow: Flow, g, b: Block, st: ResolvedStyle, s: float) -> list:
    """The primitives of a module block's placed rows ``g`` [(index, row, column, y)]."""
    _k, r0, col, top = g[0]
    cx, _cy, cw, _ch = flow.columns[col]
    if b.kind == "chips":
        return _emit_chips(flow, g, b, st, cx, cw)
    if b.kind == "callouts":
        return _emit_callouts(flow, b, st, s, cx, top, cw)
    return _emit_share(flow, b, st, cx, top, cw)


def module_cuts(flow: Flow, placed, s: float) -> list[Cut]:
    """Preflight cuts of module blocks: chips left off or shortened with "…", callouts and
    share bars that did not fit. A flow that showed everything asks too (a chip wider than
    its column is shortened even then)."""
    seen: dict[int, int] = {}
    whole: set[int] = set()
    for r, _c, _y in placed:
        seen[r.block] = seen.get(r.block, 0) + 1
        if r.last:
            whole.add(r.block)
    cuts: list[Cut] = []
    for i, b in enumerate(flow.blocks):
        if b.kind not in MODULE_KINDS or not b.counts:
            continue
        if i not in seen:
            cuts.extend(_lost(flow, b))
        elif b.kind == "chips":
            cuts.extend(_chip_cuts(flow, b, s, None if i in whole else seen[i]))
    return cuts


def _lost(flow: Flow, b: Block) -> list[Cut]:
    """Every piece of a module block that is not on the card at all."""
    name = flow.persona_name
    if b.kind == "chips":
        return [Cut(name, b.field or "", item, 0, len(text)) for item, text in b.parts]
    if b.kind == "callouts":
        return [Cut(name, field, None, 0, len(value)) for field, _label, value in b.parts]
    return [Cut(name, b.field or "", None, 0, len(b.text))]


def _chip_cuts(flow: Flow, b: Block, s: float, shown_rows: int | None) -> list[Cut]:
    st = flow.style_at(b.style, s)
    rows, hidden = chip_rows(b, st, flow.columns[0][2], shown_rows, backs_chips(flow, b))
    texts = dict(b.parts)
    cuts = [
        Cut(flow.persona_name, b.field or "", c.item, len(c.text) - 1, c.total) for row in rows for c in row if c.short
    ]
    if shown_rows is not None:  # the flow ran out of room: the chips the "+N more" stands for
        cuts += [Cut(flow.persona_name, b.field or "", item, 0, len(texts[item])) for item in hidden if item in texts]
    return cuts


def record_left_out_chips(flow: Flow, placed, s: float) -> None:
    """Chips the front left out (by ``max_items``, a row limit or want of room), recorded for
    the back that continues their list (core.continuation), as a list's items are. A list
    of chips not on the front at all is left to the preflight, as a list is."""
    if flow.left_out is None:
        return
    rows_of: dict[int, int] = {}
    whole: set[int] = set()
    for r, _c, _y in placed:
        rows_of[r.block] = rows_of.get(r.block, 0) + 1
        if r.last:
            whole.add(r.block)
    for i, b in enumerate(flow.blocks):
        if b.kind != "chips" or i not in rows_of or not backs_chips(flow, b):
            continue
        st = flow.style_at(b.style, s)
        shown_rows = None if i in whole else rows_of[i]
        _rows, hidden = chip_rows(b, st, flow.columns[0][2], shown_rows, True)
        flow.left_out.add(b.field, hidden)
        if b.value and b.parts:  # the template's max_items: every item after the last one it keeps
            flow.left_out.add_after(b.field, max(item for item, _text in b.parts) + 1)
