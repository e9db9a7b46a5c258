"""Which glyph forms a persona's ideographs take: Japanese, Traditional or Simplified Chinese.

Why: one Unicode ideograph is drawn differently in Japan, Taiwan/Hong Kong and
mainland China, and each bundled CJK bold face carries one of these forms.
Kana anywhere in the persona's main texts make it Japanese. Otherwise a tag that
names the language ("zh-TW", "zh-Hant", "繁體中文"; "zh-CN", "zh-Hans",
"简体中文") decides; without one, the characters do: a persona whose texts use
more traditional-only characters (Big5 but not GB 2312: 陳, 華) than
simplified-only ones (陈, 华) is Traditional; anything else is Simplified.
"""

from __future__ import annotations

from personadesigner.core.persona import Persona
from personadesigner.core.text import has_kana

_TRADITIONAL_TAGS = frozenset(
    {"zh-hant", "zh-tw", "zh-hk", "zh-mo", "traditional chinese", "繁體中文", "繁体中文", "繁體", "繁體字"}
)
_SIMPLIFIED_TAGS = frozenset(
    {"zh-hans", "zh-cn", "zh-sg", "simplified chinese", "简体中文", "簡體中文", "简体", "简体字"}
)


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _script_votes(text: str) -> int:
    """Traditional-only minus simplified-only ideographs in ``text``."""
    votes = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            big5, gb = _encodes(ch, "big5"), _encodes(ch, "gb2312")
            votes += (big5 and not gb) - (gb and not big5)
    return votes


def persona_forms(persona: Persona) -> str:
    """ "ja", "tc" or "sc": the forms of the persona's ideographs (see the module's docstring)."""
    texts = (persona.name, persona.role, persona.quote, persona.story)
    # The highest character of them all (ASCII: known without a scan): no kana below U+3040,
    # no ideograph below U+4E00, so most personas are decided by this one look.
    top = max([max(v) for v in texts if v and not v.isascii()], default="a")
    if top >= "\u3040" and any(has_kana(v) for v in texts):
        return "ja"
    if persona.tags:
        tags = {t.strip().casefold().replace("_", "-") for t in persona.tags}
        if tags & _TRADITIONAL_TAGS:
            return "tc"
        if tags & _SIMPLIFIED_TAGS:
            return "sc"
    if top < "\u4e00":
        return "sc"  # no ideograph at all: nothing to decide (most personas)
    return "tc" if sum(_script_votes(v) for v in texts) > 0 else "sc"
