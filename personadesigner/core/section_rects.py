"""Where each template flow item landed: the provenance the canvas designer selects and drags.

The flow knows which block came from which item (``Block.section``) and where
its rows were placed; this folds the rows into one rectangle per item and
column, so the layout can say "this area is regions[4].items[2]" without any
painter knowing about templates.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionRect:
    """Where a template flow item was drawn: ``regions[region].items[item]`` (one per column it spans).

    Provenance for the canvas designer (select, drag, hide a section); painters ignore it.
    """

    region: int
    item: int
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class FlowArea:
    """The rectangle of a flow region as laid out (its columns' span), for the canvas designer.

    ``offset`` is how far the negative band moved it down (0 when pinned or none).
    """

    region: int
    id: str | None
    x: float
    y: float
    w: float
    h: float
    columns: int = 1
    offset: float = 0.0


def placed_sections(blocks, columns, placed, shift: float = 0.0) -> list[tuple]:
    """(item, x, y, w, h) per template item and column of the placed rows [(row, column, y)],
    in drawing order; ``item`` is the flow item (Block.section) that made the rows.

    Gaps between sections belong to none; a "+N more" row belongs to the section above it.
    A ``shift`` moves every row (a flow centred vertically). Blocks without provenance
    (flows laid out outside a template) are skipped.
    """
    spans: dict[tuple[int, int], list] = {}
    last: dict[int, object] = {}  # column -> the item of its last row
    for row, col, y in placed:
        kind = row.kind
        if kind == "gap":
            continue
        item = blocks[row.block].section
        if item is None:
            if kind != "more":
                continue
            item = last.get(col)
            if item is None:
                continue
        last[col] = item
        top = y + shift
        bottom = top + row.h
        key = (id(item), col)
        span = spans.get(key)
        if span is None:
            spans[key] = [item, top, bottom]
        else:  # rows come in order: a later row of a span ends lower
            if top < span[1]:
                span[1] = top
            if bottom > span[2]:
                span[2] = bottom
    out = []
    for (_key, col), (item, top, bottom) in spans.items():
        cx, _cy, cw, _ch = columns[col]
        out.append((item, cx, top, cw, bottom - top))
    return out


def designed_areas(card, region, index: int, flow, offset: float) -> None:
    """Record on the CardLayout ``card`` where flow region ``regions[index]`` (``region``) and
    its items landed, from its laid-out ``flow``."""
    if not flow.columns:
        return
    first, last = flow.columns[0], flow.columns[-1]
    card.flows.append(
        _kept(
            FlowArea,
            (index, region.id, first[0], first[1], last[0] + last[2] - first[0], first[3], len(flow.columns), offset),
        )
    )
    where = _item_index(region)
    for item, x, y, w, h in flow.section_rects:
        k = where.get(id(item))
        if k is not None:
            card.sections.append(_kept(SectionRect, (index, k, x, y, w, h)))


#: Provenance records by value: most cards of a batch have theirs where the card before had them.
_KEPT: dict[tuple, object] = {}
_ITEM_INDEXES: dict[int, tuple[object, dict[int, int]]] = {}


def _kept(cls, values: tuple):
    """``cls(*values)`` (frozen, so one object serves every card that has these values)."""
    key = (cls, values)
    found = _KEPT.get(key)
    if found is None:
        if len(_KEPT) > 4096:
            _KEPT.clear()
        found = _KEPT[key] = cls(*values)
    return found


def _item_index(region) -> dict[int, int]:
    """id of each item of the flow region -> its index, once per region (the entry keeps it alive)."""
    found = _ITEM_INDEXES.get(id(region))
    if found is None or found[0] is not region:
        if len(_ITEM_INDEXES) > 1024:
            _ITEM_INDEXES.clear()
        found = _ITEM_INDEXES[id(region)] = (region, {id(item): k for k, item in enumerate(region.items)})
    return found[1]
