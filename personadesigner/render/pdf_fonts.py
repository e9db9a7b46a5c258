"""The bundled faces registered with reportlab, each on first use.

The same files the layout engine measured with; reportlab embeds the glyphs a
document uses as subsets. Reading a font file's tables costs time and a typical
export uses three or four of the fourteen faces, so each is registered lazily.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from personadesigner.core.fonts import FACES

_registered: dict[str, str] = {}


def font_name(key: str) -> str:
    """The reportlab name of the bundled face ``key`` (registered once per process)."""
    name = _registered.get(key)
    if name is None:
        face = FACES[key]
        name = f"PD-{key}"
        pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.subfont))
        _registered[key] = name
    return name
