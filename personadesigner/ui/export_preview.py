"""Page 1 of an export, drawn before it is written: the export dialog's live preview.

It lays out the first cards and plans the pages exactly as
``render.export`` does (same layout call, same page plan), then draws the
first sheet with the Qt painter, so the preview cannot drift from the file.
"""

from __future__ import annotations

import inspect
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona

#: Cards laid out for the preview: enough to fill the first sheet of any N-up choice.
PREVIEW_CARDS = 10


def _plan_first(personas: list[Persona], options: ExportOptions):
    # The export's own layout and page-plan steps, so the preview is page 1 of the real file.
    from personadesigner.render import export

    names = {p.id: p.name for p in personas if p.id}
    layouts = [export._layout(p, options, names) for p in personas[:PREVIEW_CARDS]]
    # A PNG of a lone card is its trim (no marks), a PDF page has room for marks.
    kwargs = {"png": options.format == "png"} if "png" in inspect.signature(export._plan).parameters else {}
    return layouts, next(iter(export._plan(layouts, options, **kwargs)))[0]


def page_count(first_layout, options: ExportOptions, total: int) -> int:
    """How many pages the whole export will have."""
    from personadesigner.render import export
    from personadesigner.render.imposition import plan_grid
    from personadesigner.render.tiling import plan_tiles

    lay = first_layout
    sheet_name = options.page_size if options.page_size and options.page_size.lower() != "card" else None
    if options.tile_to:
        return plan_tiles(lay.width, lay.height, lay.bleed, options.tile_to).count * total
    if options.per_page is not None or (sheet_name and not export._is_sheet_sized(lay, sheet_name)):
        grid = plan_grid(lay.width, lay.height, lay.bleed, sheet_name or export.DEFAULT_SHEET, options.per_page or "auto")
        return math.ceil(total / grid.per_page)
    return total


def first_page(personas: list[Persona], options: ExportOptions, total: int, size: int) -> tuple[QImage, str]:
    """Page 1 scaled into a ``size`` square, and a caption ("Page 1 of 3 · 210 × 297 mm")."""
    from personadesigner.render.png import render_sheet

    layouts, sheet = _plan_first(personas, options)
    dpi = 72.0 * size / max(sheet.width, sheet.height)
    image = render_sheet(sheet, dpi=dpi * 2)  # twice the pixels, then smooth down: crisp text
    image = image.scaled(
        max(1, round(sheet.width / 72 * dpi)),
        max(1, round(sheet.height / 72 * dpi)),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    pages = page_count(layouts[0], options, total)
    mm = 25.4 / 72
    caption = f"Page 1 of {pages} · {sheet.width * mm:.0f} × {sheet.height * mm:.0f} mm"
    cuts = sum(len(lay.preflight) for lay in layouts)
    if cuts:
        caption += f"\n{cuts} text{'s' if cuts > 1 else ''} cut on the first cards"
    return image, caption
