"""Page 1 of an export, drawn before it is written: the export dialog's live preview.

It lays out the first cards and plans the pages with ``render.page_plan``,
the layout call and page plan ``render.export`` itself uses, then draws the
first sheet with the Qt painter, so the preview cannot drift from the file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona

#: Cards laid out for the preview: enough to fill the first sheet of any N-up choice.
PREVIEW_CARDS = 10


def _plan_first(personas: list[Persona], options: ExportOptions, names: dict[str, str] | None):
    # The export's own layout and page-plan steps, so the preview is page 1 of the real file.
    from personadesigner.render.page_plan import lay_out_for_export, plan_pages

    names = names if names is not None else {p.id: p.name for p in personas if p.id}
    layouts = [lay_out_for_export(p, options, names) for p in personas[:PREVIEW_CARDS]]
    return layouts, next(plan_pages(layouts, options)).sheet


def first_page(
    personas: list[Persona], options: ExportOptions, total: int, size: int, names: dict[str, str] | None = None
) -> tuple[QImage, str]:
    """Page 1 scaled into a ``size`` square, and a caption ("Page 1 of 3 · 210 × 297 mm").
    ``names``: id -> name of the related personas (see personadesigner.related_names)."""
    from personadesigner.render.page_plan import page_count
    from personadesigner.render.png import render_sheet

    layouts, sheet = _plan_first(personas, options, names)
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
    photos = [low for lay in layouts for low in lay.photos]
    if photos:
        worst = min(photos, key=lambda low: low.ppi)
        caption += f"\n{len(photos)} photo{'s' if len(photos) > 1 else ''} under 150 ppi (lowest {worst.ppi:.0f} ppi)"
    return image, caption
