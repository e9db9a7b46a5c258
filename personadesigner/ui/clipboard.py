"""Copy the card to the clipboard as a picture, to paste it into slides and chats.

The image is drawn by the same Qt painter as the canvas and print, at 200 dpi
(sharp on a slide, small enough for a chat message), trimmed without bleed.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from personadesigner.core.cardlayout import CardLayout

CLIPBOARD_DPI = 200


def card_image(layout: CardLayout, dpi: float = CLIPBOARD_DPI, *, bleed: bool = False) -> QImage:
    """The card (its trim box, or trim plus the layout's bleed) as an image at ``dpi``."""
    from personadesigner.render.qt_painter import paint_layout

    b = layout.bleed if bleed else 0.0
    scale = dpi / 72.0
    width = max(1, round((layout.width + 2 * b) * scale))
    height = max(1, round((layout.height + 2 * b) * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.scale(scale, scale)
        painter.translate(b, b)
        painter.setClipRect(QRectF(-b, -b, layout.width + 2 * b, layout.height + 2 * b))
        paint_layout(painter, layout)
    finally:
        painter.end()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def copy_card_image(layout: CardLayout | None) -> QImage | None:
    """Put the card on the clipboard as an image (200 dpi); returns it, or None without a card."""
    if layout is None:
        return None
    image = card_image(layout, CLIPBOARD_DPI)
    QGuiApplication.clipboard().setImage(image)
    return image


__all__ = ["CLIPBOARD_DPI", "card_image", "copy_card_image"]
