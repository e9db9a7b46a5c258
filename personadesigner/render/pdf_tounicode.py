"""Correct ToUnicode maps for characters beyond U+FFFF (emoji, math letters, rare CJK).

reportlab writes each subset glyph's Unicode value as "<%04X>", so U+1F600 becomes
the five digits "1F600", which PDF readers take as U+1F60 plus junk: copy/paste,
search and text extraction of an emoji return a wrong letter. The PDF spec wants
UTF-16BE there (a surrogate pair for astral characters). This module replaces
reportlab's map builder with one that does that; imported by render/pdf.py.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts


def _utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset) -> str:
    """The ToUnicode CMap of one subset: one-byte codes -> UTF-16BE text."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{code:02X}> <{_utf16_hex(cp)}>" for code, cp in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def install() -> None:
    """Make reportlab use the correct builder (idempotent)."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


install()
