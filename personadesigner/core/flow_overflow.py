"""What does not fit a flow: "+N more goals" markers (and "on the back" when backs print),
the items recorded for the back, the room shared by columns and the preflight cuts.

A mixin of core.layout_flow.Flow: it reads the flow's blocks, columns and styles.
"""

from __future__ import annotations

from dataclasses import replace

from personadesigner.core import line_breaks as LB
from personadesigner.core import text as T
from personadesigner.core.cardlayout import (
    Cut,
)
from personadesigner.core.continuation import ON_THE_BACK
from personadesigner.core.flow_blocks import Block, ResolvedStyle, Row
from personadesigner.core.layout_modules import (
    module_cuts,
)


class FlowOverflow:
    """Flow's markers and cuts (see the module docstring)."""

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
        return LB.ellipsize(r.text, st.font, st.size, width)


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
