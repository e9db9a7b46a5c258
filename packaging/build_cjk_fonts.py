"""Build the bundled CJK faces from Noto Sans CJK: subset to the characters in common use, TrueType outlines.

Why: the full Noto Sans CJK collections are 20 MB per weight; the desktop bundle
has a size budget. Each face keeps one language's glyph forms (the JP face draws
Japanese forms of shared ideographs) and only the characters of that
language's national standard (see resources/fonts/README.md). CFF outlines are
converted to TrueType (quadratic) so every painter and the PDF embedder treat
all bundled faces alike.

Usage: python packaging/build_cjk_fonts.py NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc OUTDIR
(the two files from Debian's fonts-noto-cjk package).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

#: Faces inside Noto Sans CJK's collections.
INDEX = {"jp": 0, "kr": 1, "sc": 2, "tc": 3}
#: The weights bundled per language: Chinese regular text is WenQuanYi Micro Hei's (a
#: bundled face of its own), so only the bold faces for names and headings are built.
WEIGHTS = {"jp": ("Regular", "Bold"), "kr": ("Regular", "Bold"), "sc": ("Bold",), "tc": ("Bold",)}


def _double_byte(codec: str, lead: range, trail: range) -> set[int]:
    out = set()
    for a in lead:
        for b in trail:
            try:
                ch = bytes((a, b)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.add(ord(ch))
    return out


def _ranges(*pairs: tuple[int, int]) -> set[int]:
    return {cp for lo, hi in pairs for cp in range(lo, hi + 1)}


#: Punctuation and forms every face keeps: ideographic space and marks, full-width forms.
COMMON = _ranges((0x20, 0x7E), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2010, 0x2027), (0x30FB, 0x30FC))


def charset(lang: str) -> set[int]:
    euc = range(0xA1, 0xFF)
    if lang == "jp":  # JIS X 0208 (kana, 6,355 kanji, symbols) + the kana blocks
        return COMMON | _double_byte("euc_jp", euc, euc) | _ranges((0x3040, 0x30FF), (0x31F0, 0x31FF))
    if lang == "kr":  # KS X 1001's 2,350 Hangul syllables (rows B0-C8) and the compatibility jamo
        return COMMON | _double_byte("euc_kr", range(0xB0, 0xC9), euc) | _ranges((0x3130, 0x318F))
    if lang == "sc":  # GB 2312 (6,763 hanzi)
        return COMMON | _double_byte("gb2312", euc, euc)
    if lang == "tc":  # Big5 level 1 (5,401 common hanzi, lead bytes A4-C6) + symbols
        level1 = _double_byte("big5", range(0xA1, 0xC7), range(0x40, 0xFF))
        # + the level-2 hanzi that GB 2312 has too: shared characters common on both sides
        # of the strait and frequent in names (鑫, 淼, 琪...)
        level2 = _double_byte("big5", range(0xC9, 0xFA), range(0x40, 0xFF))
        shared = {cp for cp in level2 & _double_byte("gb2312", euc, euc) if 0x4E00 <= cp <= 0x9FFF}
        return COMMON | level1 | shared
    raise ValueError(lang)


def to_truetype(font) -> None:
    """Replace the CFF outlines of ``font`` with quadratic TrueType ones, in place."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def build(src: Path, lang: str, out: Path) -> None:
    font = TTCollection(str(src)).fonts[INDEX[lang]]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.hinting = False
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=charset(lang))
    sub.subset(font)
    to_truetype(font)
    font.save(str(out))


def main(argv: list[str]) -> int:
    regular, bold, outdir = Path(argv[0]), Path(argv[1]), Path(argv[2])
    langs = argv[3:] or list(INDEX)
    for lang in langs:
        for weight, src in (("Regular", regular), ("Bold", bold)):
            if weight not in WEIGHTS[lang]:
                continue
            out = outdir / f"NotoSansCJK{lang.upper()}-{weight}-subset.ttf"
            build(src, lang, out)
            print(out, out.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
