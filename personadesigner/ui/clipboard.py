"""Copy the card to the clipboard, to paste it into slides and chats: as PNG, SVG and PDF at once.

The image is the PNG export's own rendering (the same Qt painter as the canvas
and print) at 200 dpi: sharp on a slide, small enough for a chat message,
trimmed without bleed. The same copy also offers the card as SVG (QSvgGenerator
over the same Qt painter) and as PDF (the reportlab PDF painter, vector text
with embedded fonts), so a slide tool or an illustrator that takes a vector
format pastes it at full quality; a chat takes the image.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QRectF, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter

from personadesigner.core.cardlayout import CardLayout

CLIPBOARD_DPI = 200
SVG_MIME = "image/svg+xml"
PDF_MIME = "application/pdf"


def card_svg(layout: CardLayout) -> bytes:
    """The card as an SVG document (points as SVG user units, trim size)."""
    from PySide6.QtSvg import QSvgGenerator

    from personadesigner.render.qt_painter import paint_sheet
    from personadesigner.render.sheet import trim_sheet

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(round(layout.width), round(layout.height)))
    gen.setViewBox(QRectF(0, 0, layout.width, layout.height))
    gen.setTitle(layout.persona_name)
    painter = QPainter(gen)
    try:
        paint_sheet(painter, trim_sheet(layout))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def card_pdf(layout: CardLayout) -> bytes:
    """The card as a one-page PDF at its trim size (the PDF export's painter)."""
    from personadesigner.render.pdf import write_pdf
    from personadesigner.render.sheet import trim_sheet

    buf = io.BytesIO()
    write_pdf([trim_sheet(layout)], buf, title=layout.persona_name, subject="Persona card")
    return buf.getvalue()


def copy_card_image(layout: CardLayout | None) -> QImage | None:
    """Put the card on the clipboard as PNG image, SVG and PDF; returns the image, or None without a card."""
    if layout is None:
        return None
    from personadesigner.render.png import render_png

    image = render_png(layout, dpi=CLIPBOARD_DPI, bleed=False)
    mime = QMimeData()
    mime.setImageData(image)
    mime.setData(SVG_MIME, QByteArray(card_svg(layout)))
    mime.setData(PDF_MIME, QByteArray(card_pdf(layout)))
    QGuiApplication.clipboard().setMimeData(mime)
    return image
