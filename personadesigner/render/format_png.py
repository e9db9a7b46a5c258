"""The PNG export format: one image per planned page in a folder, drawn by the Qt painter.

Qt is imported only when the writer runs (render.png), so registering the
format keeps the command line and the PDF path free of Qt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from personadesigner.render.formats import CARD_OPTIONS, ExportFormat, register


def write(pages: Iterable, out: Path, options, layouts: list, report) -> None:
    """One PNG per page in the folder ``out``. A failure midway (full disk, a page too large
    to render) removes the files this export created, and says exactly what is left."""
    from personadesigner.atomic import atomic_write
    from personadesigner.errors import UserError
    from personadesigner.regular_file import kind_of
    from personadesigner.render.export import ExportCancelled, os_message
    from personadesigner.render.filenames import UniqueNames, safe_stem
    from personadesigner.render.png import check_image_size, png_bytes, render_sheet

    if out.exists() and not out.is_dir():
        what = "a file" if out.is_file() else kind_of(out.stat().st_mode)
        raise UserError(f"{out} is {what}; PNG export needs a folder.")
    made_folder = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    unique = UniqueNames()
    created: list[Path] = []
    try:
        for page in pages:
            sheet = page.sheet
            check_image_size(sheet.width, sheet.height, options.dpi)
            data = png_bytes(render_sheet(sheet, dpi=options.dpi))
            path = out / unique.take(safe_stem(page.name), PNG.suffix)
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
        reason = str(exc) if isinstance(exc, UserError) else os_message(exc, out)
        raise UserError(_undo_partial(reason, out, made_folder, created, report.files)) from exc


def _undo_partial(reason: str, out: Path, made_folder: bool, created: list[Path], written: list[Path]) -> str:
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
    return (
        f"{reason.rstrip('.')}; the export stopped after {len(written)} page{'s' if len(written) != 1 else ''}: {left}."
    )


PNG = register(
    ExportFormat(
        key="png",
        name="PNG",
        label="PNG images (one file per card)",
        suffix=".png",
        folder=True,
        kind="cards",
        options=frozenset(CARD_OPTIONS),
        writer=write,
        streams=True,
        painter="personadesigner.render.qt_painter:QtCardPainter",
        trim_pages=True,
        order=20,
    )
)
