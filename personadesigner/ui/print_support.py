"""Print cards on the desktop printer, with Qt's print preview.

Each persona is one page, painted by the shared Qt painter from the same
layout as the canvas and the PDF. The page is the card's trim size when the
printer accepts custom sizes (a card printer, "Print to PDF"); on a sheet
printer the card is centred on the page at its real size (scaled down only if
it does not fit inside the printable area).
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.persona import Persona


def layouts_for(
    personas: list[Persona],
    template: str | None = None,
    theme: str | None = None,
    names: dict[str, str] | None = None,
) -> list[CardLayout]:
    """One layout per persona; None template/theme means each persona's own design.
    ``names``: id -> name of the related personas (see personadesigner.related_names)."""
    from personadesigner.core.layout import layout

    names = names if names is not None else {p.id: p.name for p in personas if p.id}
    return [
        layout(p, template or p.card.template, theme or p.card.theme, names=names) for p in personas
    ]


def set_card_page(printer: QPrinter, first: CardLayout) -> None:
    """Ask for a page of the card's trim size with no margins (printers may refuse it)."""
    size = QPageSize(QSizeF(first.width, first.height), QPageSize.Unit.Point, "Card", QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    printer.setFullPage(True)


def paint_cards(printer: QPrinter, layouts: list[CardLayout]) -> int:
    """Paint each layout on its own page of ``printer``; returns the pages painted."""
    from personadesigner.render.qt_painter import paint_layout

    if not layouts:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    try:
        for i, card in enumerate(layouts):
            if i:
                if (card.width, card.height) != (layouts[i - 1].width, layouts[i - 1].height):
                    set_card_page(printer, card)  # takes effect on the next page
                printer.newPage()
            # The painter's origin is the paper corner (full page) or the printable area's.
            unit = QPrinter.Unit.DevicePixel
            area = printer.paperRect(unit) if printer.fullPage() else printer.pageRect(unit)
            area.moveTo(0, 0)
            per_pt = printer.resolution() / 72.0
            scale = min(per_pt, area.width() / card.width, area.height() / card.height)
            painter.save()
            painter.translate(
                area.x() + (area.width() - card.width * scale) / 2,
                area.y() + (area.height() - card.height * scale) / 2,
            )
            painter.scale(scale, scale)
            painter.setClipRect(QRectF(0, 0, card.width, card.height))
            paint_layout(painter, card)
            painter.restore()
            pages += 1
    finally:
        painter.end()
    return pages


def print_personas(
    parent: QWidget | None,
    personas: list[Persona],
    template: str | None = None,
    theme: str | None = None,
    names: dict[str, str] | None = None,
) -> QPrintPreviewDialog | None:
    """Show the print preview of the personas' cards (one per page) and print on request."""
    if not personas:
        return None
    layouts = layouts_for(personas, template, theme, names)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(personas[0].name if len(personas) == 1 else f"{len(personas)} persona cards")
    set_card_page(printer, layouts[0])
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print persona cards")
    dialog.paintRequested.connect(lambda p: paint_cards(p, layouts))
    dialog.exec()
    dialog.paintRequested.disconnect()  # its lambda holds every printed layout
    dialog.deleteLater()
    return dialog
