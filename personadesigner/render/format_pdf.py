"""The PDF export format: every planned page into one print-ready PDF (reportlab, no Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from personadesigner.render.formats import CARD_OPTIONS, PRESS_OPTIONS, ExportFormat, register


def write(pages: Iterable, out: Path, options, layouts: list, report) -> None:
    """One PDF at ``out``, written atomically; its metadata names the personas."""
    from personadesigner.atomic import atomic_write
    from personadesigner.errors import UserError
    from personadesigner.render.pdf import write_pdf
    from personadesigner.render.pdf_glyphs import document_lang

    if out.is_dir():
        raise UserError(f"{out} is a folder; give the PDF a file name.")
    names = list(dict.fromkeys(lay.persona_name for lay in layouts if lay.persona_name))
    title = ", ".join(names[:20]) + (f" and {len(names) - 20} more" if len(names) > 20 else "")
    with atomic_write(out, "wb") as f:
        report.pages = write_pdf(
            (page.sheet for page in pages),
            f,
            title=title,
            author="PersonaDesigner",
            subject=f"Persona cards ({len(layouts)})",
            lang=document_lang(names[0]) if names else "en",
            color=options.color,
            pdfx=options.pdfx,
        )
    report.files.append(out)


PDF = register(
    ExportFormat(
        key="pdf",
        name="PDF",
        label="PDF document (print-ready, vector text)",
        suffix=".pdf",
        folder=False,
        kind="cards",
        # --color cmyk and --pdfx: only a PDF carries an output intent and CMYK colour operators.
        options=(frozenset(CARD_OPTIONS) - {"dpi"}) | frozenset(PRESS_OPTIONS),
        writer=write,
        streams=True,
        painter="personadesigner.render.pdf:PdfPainter",
        file_filter="PDF documents (*.pdf)",
        order=10,
    )
)
