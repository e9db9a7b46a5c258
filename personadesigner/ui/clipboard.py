"""Copy the card to the clipboard as a picture, to paste it into slides and chats.

The image is the PNG export's own rendering (the same Qt painter as the canvas
and print) at 200 dpi: sharp on a slide, small enough for a chat message,
trimmed without bleed.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QImage

from personadesigner.core.cardlayout import CardLayout

CLIPBOARD_DPI = 200


def copy_card_image(layout: CardLayout | None) -> QImage | None:
    """Put the card on the clipboard as an image (200 dpi); returns it, or None without a card."""
    if layout is None:
        return None
    from personadesigner.render.png import render_png

    image = render_png(layout, dpi=CLIPBOARD_DPI, bleed=False)
    QGuiApplication.clipboard().setImage(image)
    return image
