"""Print cards on the desktop printer: the PDF export's pages, painted by Qt.

Printing is the export's twin: the cards are laid out and planned by
render.page_plan exactly as the PDF export plans them (one card per page,
N-up sheets with bleed and crop marks, poster tiles), and each planned sheet
is painted by the shared Qt painter on its own printer page. So a printed
page is the page the PDF export writes. Each page asks for the sheet's own
size; a printer that cannot take it gets the sheet centred on its paper, at
its real size, scaled down only if it does not fit.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.render.sheet import Sheet


def planned_sheets(personas: list[Persona], options: ExportOptions, names: dict[str, str] | None = None) -> list[Sheet]:
    """The pages the PDF export of ``personas`` with ``options`` writes, in order.
    ``names``: id -> name of the related personas (see personadesigner.related_names)."""
    from personadesigner.render.page_plan import lay_out_for_export, plan_pages

    names = names if names is not None else {p.id: p.name for p in personas if p.id}
    layouts = [lay_out_for_export(p, options, names) for p in personas]
    return [page.sheet for page in plan_pages(layouts, options)]


def set_sheet_page(printer: QPrinter, sheet: Sheet) -> None:
    """Ask for a page of the sheet's size with no margins (a standard size keeps its name,
    so a real printer picks the right tray; printers may still refuse it)."""
    w, h = sheet.width, sheet.height
    landscape = w > h + 0.5
    size = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    printer.setFullPage(True)


def paint_sheets(printer: QPrinter, sheets: list[Sheet]) -> int:
    """Paint each planned sheet on its own page of ``printer``; returns the pages painted."""
    from personadesigner.render.qt_painter import paint_sheet

    if not sheets:
        return 0
    set_sheet_page(printer, sheets[0])
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    try:
        for i, sheet in enumerate(sheets):
            if i:
                previous = sheets[i - 1]
                if (sheet.width, sheet.height) != (previous.width, previous.height):
                    set_sheet_page(printer, sheet)  # takes effect on the next page
                printer.newPage()
            # The painter's origin is the paper corner (full page) or the printable area's.
            unit = QPrinter.Unit.DevicePixel
            area = printer.paperRect(unit) if printer.fullPage() else printer.pageRect(unit)
            area.moveTo(0, 0)
            per_pt = printer.resolution() / 72.0
            scale = min(per_pt, area.width() / sheet.width, area.height() / sheet.height)
            painter.save()
            painter.translate((area.width() - sheet.width * scale) / 2, (area.height() - sheet.height * scale) / 2)
            painter.scale(scale, scale)
            paint_sheet(painter, sheet)
            painter.restore()
            pages += 1
    finally:
        painter.end()
    return pages


def ask_print_options(
    parent: QWidget | None,
    personas: list[Persona],
    template: str | None,
    theme: str | None,
    names: dict[str, str] | None,
) -> ExportOptions | None:
    """The sheet, N-up, bleed, marks and tiling choices; None when the user cancels."""
    from personadesigner.ui.print_options import PrintOptionsDialog

    dialog = PrintOptionsDialog(personas[0], len(personas), template=template, theme=theme, names=names, parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
    finally:
        dialog.deleteLater()


def print_personas(
    parent: QWidget | None,
    personas: list[Persona],
    template: str | None = None,
    theme: str | None = None,
    names: dict[str, str] | None = None,
    options: ExportOptions | None = None,
) -> QPrintPreviewDialog | None:
    """Ask how to lay the cards on paper (unless ``options`` are given), then show the
    print preview of exactly the PDF export's pages and print on request."""
    if not personas:
        return None
    if options is None:
        options = ask_print_options(parent, personas, template, theme, names)
        if options is None:
            return None
    else:
        options = replace(options, template=options.template or template, theme=options.theme or theme)
    from personadesigner.errors import UserError
    from personadesigner.ui.errors import show_user_error

    try:
        sheets = planned_sheets(personas, options, names)
    except UserError as exc:  # e.g. the cards do not fit the chosen sheet
        show_user_error(parent, exc, "Choose a larger sheet or fewer cards per sheet.", title="Print")
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(personas[0].name if len(personas) == 1 else f"{len(personas)} persona cards")
    set_sheet_page(printer, sheets[0])
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print persona cards")
    dialog.paintRequested.connect(lambda p: paint_sheets(p, sheets))
    dialog.exec()
    dialog.paintRequested.disconnect()  # its lambda holds every printed sheet
    dialog.deleteLater()
    return dialog
