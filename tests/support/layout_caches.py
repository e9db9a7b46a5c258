"""Empty the layout engine's bounded text caches, so a memory figure starts from a known state."""

from __future__ import annotations

from personadesigner.core import (
    flow_paint,
    layout,
    layout_flow,
    layout_regions,
    line_breaks,
    section_kinds,
    section_rects,
    shaping,
    text,
)


def clear_layout_caches() -> None:
    """The caches of texts measured, broken, shaped and placed (core.text, core.shaping,
    core.layout_flow, core.flow_paint). Each is bounded and emptied whole when full, so what a test before
    left in them would otherwise decide when the next emptying comes. Fonts and faces
    stay loaded (reportlab keeps their glyph maps)."""
    for fn in (
        text._items_in,
        text._shaped,
        text.missing_chars,
        line_breaks._segments,
        line_breaks._widest_word,
        line_breaks._space_after,
        shaping.shape,
    ):
        fn.cache_clear()
    for cache in (
        line_breaks._BREAKS,
        line_breaks._PARAGRAPH_SEGMENTS,
        line_breaks._SEGMENTS,
        text._WORD_UNITS,
        flow_paint._LINES,
        flow_paint._TEXTS,
        layout_flow._FITS,
        layout_flow._HEADINGS_BROKEN,
        layout_flow._HEADING_ROWS,
        layout_regions._LENGTHS,
        layout_regions._RECTS,
        layout_regions._DRAWN,
        layout._GEOMETRY,
        layout._GAPS,
        layout._INDEXES,
        section_rects._KEPT,
        section_rects._ITEM_INDEXES,
        section_kinds._HEADINGS,
    ):
        cache.clear()
    layout_flow._LAST_SHRINK.clear()
