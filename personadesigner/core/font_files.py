"""The bundled faces as reportlab TrueType fonts: each file parsed once, one font object per face key.

Why: several face keys can name one file (a theme's brand font stands in for its
own bold and italics; a face drawn with synthetic bold shares its regular's
file), and parsing a font's tables is the slow part of opening it. Every key
still gets an object of its own: the PDF names each key's subsets apart
(``subfontNameX``) and maps each key's shaped glyphs to its own private-use
codes (render/pdf_glyphs.py), so those tables are copied, not shared.
"""

from __future__ import annotations

import copy
from functools import cache
from weakref import WeakKeyDictionary

from personadesigner.core.fonts import FACES


@cache
def _parsed(path: str, subfont: int):
    """The file's tables, read once per process (never registered or embedded itself)."""
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont("PD-parsed", path, subfontIndex=subfont)


@cache
def font_file(key: str):
    """The bundled face ``key`` read by reportlab's TTF reader, once per process (the PDF embeds it)."""
    from reportlab.pdfbase.ttfonts import TTEncoding

    f = FACES[key]
    base = _parsed(str(f.path), f.subfont)
    font = copy.copy(base)
    font.fontName = f"PD-{key}"
    font.face = face = copy.copy(base.face)
    face.charToGlyph = dict(base.face.charToGlyph)  # pdf_glyphs adds this key's private-use codes
    face.charWidths = dict(base.face.charWidths)
    if f.synthetic:  # its regular's file: a subset name of its own ("…+WenQuanYiMicroHei-0-bold")
        face.subfontNameX = base.face.subfontNameX + b"-bold"
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()  # per document: this key's subsets
    return font
