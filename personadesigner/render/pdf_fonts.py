"""The bundled faces registered with reportlab, each on first use.

The same files the layout engine measured with; reportlab embeds the glyphs a
document uses as subsets. Reading a font file's tables costs time and a typical
export uses three or four of the fourteen faces, so each is registered lazily.

Subset names get a tag of their own per face and subset ("QJXKWM+NotoSans-Bold"):
reportlab tags subset n of every face alike ("AAAAAA+"), and PDF readers and
RIPs take two subsets with one tag as one font.
"""

from __future__ import annotations

import hashlib
import types

from reportlab.pdfbase import pdfmetrics, ttfonts

from personadesigner.core.text import font_file

_registered: dict[str, str] = {}


def font_name(key: str) -> str:
    """The reportlab name of the bundled face ``key`` (registered once per process)."""
    name = _registered.get(key)
    if name is None:
        font = font_file(key)  # the object the layout measured with: the file is read once
        pdfmetrics.registerFont(font)
        font.addObjects = types.MethodType(_add_tagged_objects, font)
        name = _registered[key] = font.fontName
    return name


def subset_tag(face: bytes, n: int) -> bytes:
    """Six capital letters naming subset ``n`` of ``face``: the same in every run."""
    digest = hashlib.md5(face + b"/" + str(n).encode()).digest()
    return bytes(65 + b % 26 for b in digest[:6])


def _add_tagged_objects(font, doc) -> None:
    """reportlab's ``addObjects`` with this face's own subset tags."""
    face = font.face.name + font.face.subfontNameX
    plain = ttfonts.SUBSETN
    ttfonts.SUBSETN = lambda n: subset_tag(face, n)
    try:
        ttfonts.TTFont.addObjects(font, doc)
    finally:
        ttfonts.SUBSETN = plain
