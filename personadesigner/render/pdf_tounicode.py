"""Correct ToUnicode maps: astral characters as UTF-16, and shaped glyphs as the characters they draw.

reportlab writes each subset glyph's Unicode value as "<%04X>", so U+1F600 becomes
the five digits "1F600", which PDF readers take as U+1F60 plus junk: copy/paste,
search and text extraction of an emoji return a wrong letter. The PDF spec wants
UTF-16BE there (a surrogate pair for astral characters). Shaped glyphs are
embedded under private-use codes (render/pdf_glyphs.py): their entry names the
characters the glyph draws (a joined Arabic letter maps to the letter, a
ligature to its letters), never the private-use code. This module replaces
reportlab's map builder with one that does that; imported by render/pdf.py.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts


def _utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def _entries(fontname: str, subset) -> list[str]:
    from personadesigner.render.pdf_glyphs import GLYPH_TEXT, PUA

    glyph_text = GLYPH_TEXT.get(fontname.split("+", 1)[-1], {})
    out = []
    for code, cp in enumerate(subset):
        if cp >= PUA:
            text = glyph_text.get(cp, "")
            if text:
                out.append(f"<{code:02X}> <{text.encode('utf-16-be', 'surrogatepass').hex().upper()}>")
        else:
            out.append(f"<{code:02X}> <{_utf16_hex(cp)}>")
    return out


def make_to_unicode_cmap(fontname: str, subset) -> str:
    """The ToUnicode CMap of one subset: one-byte codes -> UTF-16BE text."""
    entries = _entries(fontname, subset)
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
        f"{len(entries)} beginbfchar",
        *entries,
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
