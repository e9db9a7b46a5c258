"""PNG export: a card (or a planned sheet) rendered by the Qt painter at a given dpi.

The pixel size is exact (round(points / 72 * dpi)) and the dpi is stored in the
file, so a 300 dpi PNG prints at the card's real size.
"""

from __future__ import annotations

import os

from personadesigner.core.cardlayout import CardLayout
from personadesigner.render.sheet import Sheet, trim_sheet


#: Keeps the application we create alive for the rest of the process.
_APP: list = []


def ensure_gui_app():
    """The running Qt application, or a new offscreen one (the CLI has no window).

    A QApplication rather than a bare QGuiApplication: Qt allows one application
    per process, and a later widget (the app, a test) needs the widgets kind.
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        _APP.append(app)
    return app


def render_sheet(sheet: Sheet, *, dpi: float = 300):
    """A white QImage of ``sheet`` at ``dpi``, with the dpi in its metadata."""
    ensure_gui_app()
    from PySide6.QtGui import QImage, QPainter

    from personadesigner.render.qt_painter import paint_sheet

    width = max(1, round(sheet.width / 72.0 * dpi))
    height = max(1, round(sheet.height / 72.0 * dpi))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        painter.scale(width / sheet.width, height / sheet.height)
        paint_sheet(painter, sheet)
    finally:
        painter.end()
    return image


def render_png(layout: CardLayout, *, dpi: float = 300, bleed: bool = False):
    """The card as a QImage: trim size (plus the bleed on each side when asked)."""
    return render_sheet(trim_sheet(layout, with_bleed=bleed), dpi=dpi)


#: Qt maps a PNG "quality" to the zlib level: 70 is level 2, about twice as fast as
#: the default for files about a tenth larger (flat card colours compress well anyway).
PNG_QUALITY = 70


def png_bytes(image) -> bytes:
    """Encode a QImage as PNG bytes (the dpi goes into the pHYs chunk)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG", PNG_QUALITY):
        raise RuntimeError("Qt could not encode the PNG")
    buffer.close()
    return bytes(data.data())

