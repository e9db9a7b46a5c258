"""Widths measured under one set of CJK glyph forms are never reused under another: a Japanese
persona's kanji are set in the Japanese face, whose advances differ from the Chinese one's, and
the measuring caches are shared by every card of a batch (a Chinese card may come first)."""

from __future__ import annotations

from personadesigner.core import line_breaks as LB
from personadesigner.core import text as T
from support.layout_caches import clear_layout_caches

#: Ideographs and spaces: the space after an ideograph is the CJK face's (1.224 em in the
#: Japanese face, 1.260 in the Chinese one), so eight of them fit 97 pt at 10 pt in one only.
TEXT = "籍 " * 7 + "籍"


def _measured(forms: str) -> tuple[tuple[str, ...], list[str]]:
    with T.cjk_forms(forms):
        return LB.broken_lines(TEXT, "sans", 10.0, 97.0), LB.break_lines(TEXT, "sans", 10.0, 97.0, first_width=97.0)


def test_japanese_widths_are_the_same_after_a_chinese_card_as_alone():
    clear_layout_caches()
    alone = _measured("ja")
    clear_layout_caches()
    chinese = _measured("sc")
    after_chinese = _measured("ja")
    assert len(alone[0]) == 1 and len(chinese[0]) == 2  # the faces differ here, so the case can fail
    assert after_chinese == alone
