"""Export: personas -> layouts -> planned pages -> one PDF, or PNG files in a folder.

The one entry point the command line and the app's export dialog share. It
decides the page plan (one card per page, N-up sheets, poster tiles), writes
every file atomically (a killed export never leaves a torn file under the
target name) and reports the preflight. The PDF path imports no Qt: the Qt
painter is loaded only for PNG.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Callable, Iterable, Iterator

from personadesigner.atomic import atomic_write
from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.export_options import ExportOptions, ExportReport
from personadesigner.core.persona import Persona
from personadesigner.core.units import page_size
from personadesigner.errors import PreflightFailed, UserError
from personadesigner.render.filenames import UniqueNames, safe_stem
from personadesigner.render.imposition import impose, plan_grid
from personadesigner.render.sheet import Sheet, card_sheet, trim_sheet
from personadesigner.render.tiling import plan_tiles, tile

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
#: The sheet N-up cards go on when only a count was asked for.
DEFAULT_SHEET = "A4"


class ExportCancelled(UserError):
    """The user stopped the export; nothing was written under the target name."""


def export_personas(
    personas: list[Persona],
    out: Path,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    names: dict[str, str] | None = None,
) -> ExportReport:
    """Lay out every persona (its own template/theme unless the options name one) and export."""
    layouts = []
    for persona in personas:
        _check_cancel(cancel)
        layouts.append(_layout(persona, options, names))
    return export_layouts(layouts, out, options, progress=progress, cancel=cancel)


def _layout(persona: Persona, options: ExportOptions, names: dict[str, str] | None) -> CardLayout:
    from personadesigner.core.layout import layout  # the engine: no Qt either

    template = options.template or persona.card.template
    theme = options.theme or persona.card.theme
    bleed = options.bleed.pt if options.bleed is not None else 0.0
    return layout(persona, template, theme, bleed=bleed, page_size=_sheet_name(options), names=names)


def _sheet_name(options: ExportOptions) -> str | None:
    """The sheet asked for, or None for "card" (one card per page at its trim size)."""
    size = options.page_size
    return size if size and size.strip().lower() != "card" else None


def export_layouts(
    layouts: list[CardLayout],
    out: Path,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportReport:
    """Export already laid-out cards: the painters' half of ``export_personas``."""
    out = Path(out)
    report = ExportReport()
    for lay in layouts:
        report.preflight.extend(lay.preflight)
    if options.strict and report.preflight:
        first = report.preflight[0]
        more = f" (and {len(report.preflight) - 1} more)" if len(report.preflight) > 1 else ""
        raise PreflightFailed(f"Text does not fit: {first}{more}.", report.preflight)
    if not layouts:
        raise UserError("There is no persona to export.")
    plan = _plan(layouts, options, png=options.format == "png")
    counted = _counting(plan, len(layouts), progress, cancel)
    try:
        if options.format == "png":
            _write_pngs(counted, out, options, report)
        else:
            _write_pdf(counted, out, layouts, report)
    except OSError as exc:
        raise UserError(_os_message(exc, out)) from exc
    return report


# ----------------------------------------------------------------- page plans
def _plan(layouts: list[CardLayout], options: ExportOptions, *, png: bool) -> Iterator[tuple[Sheet, int, str]]:
    """(sheet, cards finished with it, a name for it) in page order.

    A lone card is a PDF page with boxes and marks, or a PNG of the trim (plus
    the bleed when one was asked for) without marks.
    """
    sheet_name = _sheet_name(options)
    if options.tile_to:
        for i, lay in enumerate(layouts):
            plan = plan_tiles(lay.width, lay.height, lay.bleed, options.tile_to)
            for k, sheet in enumerate(tile(lay, plan), 1):
                yield sheet, i + (k == plan.count), f"{lay.persona_name} (tile {k} of {plan.count})"
        return
    first = layouts[0]
    if options.per_page is not None or (sheet_name and not _is_sheet_sized(first, sheet_name)):
        grid = plan_grid(first.width, first.height, first.bleed, sheet_name or DEFAULT_SHEET, options.per_page or "auto")
        for n, sheet in enumerate(impose(layouts, grid, with_marks=options.crop_marks)):
            yield sheet, min(len(layouts), (n + 1) * grid.per_page), f"Page {n + 1}"
        return
    for i, lay in enumerate(layouts):
        if png:
            sheet = trim_sheet(lay, with_bleed=lay.bleed > 0)
        else:
            sheet = card_sheet(lay, with_marks=options.crop_marks)
        yield sheet, i + 1, lay.persona_name


def _is_sheet_sized(lay: CardLayout, sheet_name: str) -> bool:
    """A profile or poster laid out at the sheet's own size: one per page, no imposition."""
    w, h = (v.pt for v in page_size(sheet_name))
    return any(abs(lay.width - a) < 1 and abs(lay.height - b) < 1 for a, b in ((w, h), (h, w)))


def _counting(plan, total: int, progress: Progress | None, cancel: Cancel | None):
    for sheet, done, name in plan:
        _check_cancel(cancel)
        yield sheet, name
        if progress is not None:
            progress(done, total)


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelled("The export was cancelled.")


# ----------------------------------------------------------------- writers
def _write_pdf(pages: Iterable[tuple[Sheet, str]], out: Path, layouts: list[CardLayout], report: ExportReport) -> None:
    from personadesigner.render.pdf import write_pdf

    if out.is_dir():
        raise UserError(f"{out} is a folder; give the PDF a file name.")
    names = list(dict.fromkeys(lay.persona_name for lay in layouts if lay.persona_name))
    title = ", ".join(names[:20]) + (f" and {len(names) - 20} more" if len(names) > 20 else "")
    with atomic_write(out, "wb") as f:
        report.pages = write_pdf(
            (sheet for sheet, _ in pages),
            f,
            title=title,
            author="PersonaDesigner",
            subject=f"Persona cards ({len(layouts)})",
        )
    report.files.append(out)


def _write_pngs(pages: Iterable[tuple[Sheet, str]], out: Path, options: ExportOptions, report: ExportReport) -> None:
    from personadesigner.render.png import png_bytes, render_sheet

    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file; PNG export needs a folder.")
    out.mkdir(parents=True, exist_ok=True)
    unique = UniqueNames()
    for sheet, name in pages:
        data = png_bytes(render_sheet(sheet, dpi=options.dpi))
        path = out / unique.take(safe_stem(name), ".png")
        with atomic_write(path, "wb") as f:
            f.write(data)
        report.files.append(path)
        report.pages += 1


def _os_message(exc: OSError, out: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"The disk is full: {out} was not written."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write {out}: permission denied."
    return f"Cannot write {out}: {exc.strerror or exc}."


__all__ = ["ExportCancelled", "export_layouts", "export_personas"]
