"""Where each template flow item landed: the provenance the canvas designer selects and drags.

The flow knows which block came from which item (``Block.section``) and where
its rows were placed; this folds the rows into one rectangle per item and
column, so the layout can say "this area is regions[4].items[2]" without any
painter knowing about templates.
"""

from __future__ import annotations

from personadesigner.core.cardlayout import SectionRect


def placed_sections(blocks, columns, placed, shift: float = 0.0) -> list[SectionRect]:
    """One SectionRect per (item, column) of the placed rows [(row, column, y)], in drawing order.

    Gaps between sections belong to none; a ``shift`` moves every row (a flow centred
    vertically). Blocks without provenance (flows laid out outside a template) are skipped.
    """
    spans: dict[tuple[int, int, int], list[float]] = {}
    for row, col, y in placed:
        if row.kind == "gap":
            continue
        section = blocks[row.block].section
        if section is None:
            continue
        key = (section[0], section[1], col)
        top, bottom = y + shift, y + shift + row.h
        span = spans.get(key)
        if span is None:
            spans[key] = [top, bottom]
        else:
            span[0], span[1] = min(span[0], top), max(span[1], bottom)
    out = []
    for (region, item, col), (top, bottom) in spans.items():
        cx, _cy, cw, _ch = columns[col]
        out.append(SectionRect(region, item, cx, top, cw, bottom - top))
    return out
