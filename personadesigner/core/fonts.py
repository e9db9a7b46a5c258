"""The bundled fonts: one table of files shared by the layout engine and every painter.

Font *keys* name a face ("sans-bold", "cjk"); the layout engine measures text
with these files' own metrics and tags every text run with a key; the PDF
painter registers the same files with reportlab and the Qt painter with
QFontDatabase. Nothing here depends on the fonts installed on the machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from personadesigner.paths import resource


@dataclass(frozen=True)
class FontFace:
    key: str
    filename: str
    family: str  # the family name inside the file (what Qt calls it)
    bold: bool = False
    italic: bool = False
    subfont: int = 0  # index inside a .ttc collection
    #: A bold face made from a regular file (a script without a bold file): the painters
    #: stroke its outlines with ``SYNTHETIC_BOLD_STROKE`` so a name in it is still bold.
    synthetic: bool = False

    @property
    def path(self) -> Path:
        return resource("fonts", self.filename)


FACES: dict[str, FontFace] = {
    f.key: f
    for f in (
        FontFace("sans", "NotoSans-Regular.ttf", "Noto Sans"),
        FontFace("sans-bold", "NotoSans-Bold.ttf", "Noto Sans", bold=True),
        FontFace("sans-italic", "NotoSans-Italic.ttf", "Noto Sans", italic=True),
        FontFace("sans-bolditalic", "NotoSans-BoldItalic.ttf", "Noto Sans", bold=True, italic=True),
        FontFace("serif", "NotoSerif-Regular.ttf", "Noto Serif"),
        FontFace("serif-bold", "NotoSerif-Bold.ttf", "Noto Serif", bold=True),
        FontFace("serif-italic", "NotoSerif-Italic.ttf", "Noto Serif", italic=True),
        FontFace("serif-bolditalic", "NotoSerif-BoldItalic.ttf", "Noto Serif", bold=True, italic=True),
        FontFace("arabic", "NotoSansArabic-Regular.ttf", "Noto Sans Arabic"),
        FontFace("arabic-bold", "NotoSansArabic-Bold.ttf", "Noto Sans Arabic", bold=True),
        FontFace("hebrew", "NotoSansHebrew-Regular.ttf", "Noto Sans Hebrew"),
        FontFace("hebrew-bold", "NotoSansHebrew-Bold.ttf", "Noto Sans Hebrew", bold=True),
        FontFace("devanagari", "NotoSansDevanagari-Regular.ttf", "Noto Sans Devanagari"),
        FontFace("devanagari-bold", "NotoSansDevanagari-Bold.ttf", "Noto Sans Devanagari", bold=True),
        FontFace("bengali", "NotoSansBengali-Regular.ttf", "Noto Sans Bengali"),
        FontFace("bengali-bold", "NotoSansBengali-Bold.ttf", "Noto Sans Bengali", bold=True),
        FontFace("tamil", "NotoSansTamil-Regular.ttf", "Noto Sans Tamil"),
        FontFace("tamil-bold", "NotoSansTamil-Bold.ttf", "Noto Sans Tamil", bold=True),
        FontFace("thai", "NotoSansThai-Regular.ttf", "Noto Sans Thai"),
        FontFace("thai-bold", "NotoSansThai-Bold.ttf", "Noto Sans Thai", bold=True),
        # Japanese forms (kana, JIS X 0208 kanji) and Korean Hangul: subsets of Noto Sans CJK
        # made by packaging/build_cjk_fonts.py; Chinese (both scripts) from WenQuanYi, bold
        # from Noto Sans CJK SC/TC Bold subsets (GB 2312; Big5 level 1 and shared level 2).
        FontFace("cjk-jp", "NotoSansCJKJP-Regular-subset.ttf", "Noto Sans CJK JP"),
        FontFace("cjk-jp-bold", "NotoSansCJKJP-Bold-subset.ttf", "Noto Sans CJK JP", bold=True),
        FontFace("cjk-kr", "NotoSansCJKKR-Regular-subset.ttf", "Noto Sans CJK KR"),
        FontFace("cjk-kr-bold", "NotoSansCJKKR-Bold-subset.ttf", "Noto Sans CJK KR", bold=True),
        FontFace("cjk-sc-bold", "NotoSansCJKSC-Bold-subset.ttf", "Noto Sans CJK SC", bold=True),
        FontFace("cjk-tc-bold", "NotoSansCJKTC-Bold-subset.ttf", "Noto Sans CJK TC", bold=True),
        FontFace("cjk", "wqy-microhei.ttc", "WenQuanYi Micro Hei"),
        FontFace("symbols", "DejaVuSans.ttf", "DejaVu Sans"),
        # Monochrome emoji (static Regular instance of Noto Emoji's weight axis):
        # PDF text stays vector and extractable, which colour bitmaps would not.
        FontFace("emoji", "NotoEmoji-Regular.ttf", "Noto Emoji"),
        # Faces without a bold file, emboldened by the painters (a hanzi beyond the bold
        # subsets, a symbol, an emoji in a name): names are bold in every script.
        FontFace("cjk-bold", "wqy-microhei.ttc", "WenQuanYi Micro Hei", bold=True, synthetic=True),
        FontFace("symbols-bold", "DejaVuSans.ttf", "DejaVu Sans", bold=True, synthetic=True),
        FontFace("emoji-bold", "NotoEmoji-Regular.ttf", "Noto Emoji", bold=True, synthetic=True),
    )
}

#: Outline stroke of a synthetic bold face, in em: each stem grows by this (half on each
#: side); the advances stay the regular face's, so line breaks do not change.
SYNTHETIC_BOLD_STROKE = 0.04


def synthetic_bold(key: str) -> bool:
    """Whether the painters embolden face ``key`` themselves (it has no bold file)."""
    face = FACES.get(key)
    return face is not None and face.synthetic
