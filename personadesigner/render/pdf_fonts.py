"""The bundled faces registered with reportlab, each on first use.

The same files the layout engine measured with; reportlab embeds the glyphs a
document uses as subsets. Reading a font file's tables costs time and a typical
export uses three or four of the fourteen faces, so each is registered lazily.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from personadesigner.core.text import font_file

_registered: dict[str, str] = {}


def font_name(key: str) -> str:
    """The reportlab name of the bundled face ``key`` (registered once per process)."""
    name = _registered.get(key)
    if name is None:
        font = font_file(key)  # the object the layout measured with: the file is read once
        pdfmetrics.registerFont(font)
        name = _registered[key] = font.fontName
    return name
