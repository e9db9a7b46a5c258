"""Export: personas -> layouts -> planned pages -> one PDF, or PNG files in a folder.

The one entry point the command line and the app's export dialog share. It
follows the page plan (render.page_plan: one card per page, N-up sheets,
poster tiles), writes every file atomically (a killed export never leaves a
torn file under the target name) and reports the preflight. The PDF path imports no Qt: the Qt
painter is loaded only for PNG.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Callable, Iterable

from personadesigner.atomic import atomic_write
from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.export_options import ExportOptions, ExportReport
from personadesigner.core.persona import Persona
from personadesigner.errors import PreflightFailed, UserError
from personadesigner.regular_file import kind_of
from personadesigner.render.filenames import UniqueNames, safe_stem
from personadesigner.render.page_plan import PlannedPage, lay_out_for_export, plan_pages
from personadesigner.render.sheet import Sheet

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


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
        layouts.append(lay_out_for_export(persona, options, names))
    return export_layouts(layouts, out, options, progress=progress, cancel=cancel)


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
    counted = _counting(plan_pages(layouts, options), len(layouts), progress, cancel)
    try:
        if options.format == "png":
            _write_pngs(counted, out, options, report)
        else:
            _write_pdf(counted, out, layouts, report)
    except OSError as exc:
        raise UserError(_os_message(exc, out)) from exc
    return report


# ----------------------------------------------------------------- pages
def _counting(plan: Iterable[PlannedPage], total: int, progress: Progress | None, cancel: Cancel | None):
    for page in plan:
        _check_cancel(cancel)
        yield page.sheet, page.name
        if progress is not None:
            progress(page.cards_done, total)


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
    """One PNG per page in the folder ``out``. A failure midway (full disk, a page too large
    to render) removes the files this export created, and says exactly what is left."""
    from personadesigner.render.png import check_image_size, png_bytes, render_sheet

    if out.exists() and not out.is_dir():
        what = "a file" if out.is_file() else kind_of(out.stat().st_mode)
        raise UserError(f"{out} is {what}; PNG export needs a folder.")
    made_folder = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    unique = UniqueNames()
    created: list[Path] = []
    try:
        for sheet, name in pages:
            check_image_size(sheet.width, sheet.height, options.dpi)
            data = png_bytes(render_sheet(sheet, dpi=options.dpi))
            path = out / unique.take(safe_stem(name), ".png")
            existed = path.exists()
            with atomic_write(path, "wb") as f:
                f.write(data)
            if not existed:
                created.append(path)
            report.files.append(path)
            report.pages += 1
    except ExportCancelled:
        raise
    except (OSError, UserError) as exc:
        reason = str(exc) if isinstance(exc, UserError) else _os_message(exc, out)
        raise UserError(_undo_partial_pngs(reason, out, made_folder, created, report.files)) from exc


def _undo_partial_pngs(reason: str, out: Path, made_folder: bool, created: list[Path], written: list[Path]) -> str:
    """Remove the PNG files a failed export created; the sentence says what is left."""
    for path in created:
        with contextlib.suppress(OSError):
            path.unlink()
    if made_folder:
        with contextlib.suppress(OSError):
            out.rmdir()
    replaced = [p.name for p in written if p not in created]
    if not written:
        return reason
    left = f"the {len(created)} new PNG file{'s' if len(created) != 1 else ''} it had written {'were' if len(created) != 1 else 'was'} removed"
    if replaced:
        shown = ", ".join(replaced[:3]) + (", ..." if len(replaced) > 3 else "")
        left += f"; {len(replaced)} file{'s' if len(replaced) != 1 else ''} it had already replaced with new pages stay ({shown})"
    return f"{reason.rstrip('.')}; the export stopped after {len(written)} page{'s' if len(written) != 1 else ''}: {left}."


def _os_message(exc: OSError, out: Path) -> str:
    from personadesigner.write_errors import write_error_message

    return write_error_message(exc, out)


__all__ = ["ExportCancelled", "export_layouts", "export_personas"]
