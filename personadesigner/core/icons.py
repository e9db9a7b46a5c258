"""The card's icons: which bundled icon a section or a channel gets, and the icon's outline.

Why a module: a template says ``"icon": "auto"`` (the field's own icon), an
icon's name, or nothing; a channel list draws the icon its words name
("LinkedIn groups" -> LinkedIn, "Marketing newsletters" -> mail). Both tables
live here, beside the loader that parses the bundled SVGs (resources/card_icons,
Tabler Icons, MIT) once into core.svg_path shapes, so every painter draws the
same numbers. Qt-free.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from personadesigner.core.svg_path import VectorShape, parse_svg
from personadesigner.paths import resource

#: Tabler draws with a 2-unit pen in a 24-unit box.
STROKE_UNITS = 2.0
#: What a template's ``icon`` key may say besides an icon's name.
AUTO = "auto"
#: The icon of an item no keyword recognises: a neutral dot.
GENERIC = "point"

#: Persona field (or section) -> its icon when a template says ``"icon": "auto"``.
FIELD_ICONS: dict[str, str] = {
    "goals": "target",
    "pain_points": "mood-sad",
    "motivations": "flame",
    "channels": "speakerphone",
    "tools": "tool",
    "behaviors": "activity",
    "objections": "hand-stop",
    "jobs_to_be_done": "checklist",
    "values": "diamond",
    "buying_criteria": "scale",
    "story": "book",
    "bio": "book",
    "day_in_the_life": "clock",
    "traits": "adjustments",
    "sources": "file-search",
    "demographics": "user",
    "quote": "quote",
    "budget": "coin",
    "company_size": "building",
    "company": "building",
    "age": "cake",
    "location": "map-pin",
    "education": "school",
    "industry": "briefcase",
    "income": "cash",
    "related": "users",
    "evidence": "shield-check",
    "confidence": "shield-check",
    "decision_process": "route",
    "household": "home",
    "segment": "chart-pie",
    "tags": "tags",
    "role": "id",
}

#: Channel icons in the order they are tried: brands before the generic words they
#: often come with ("Slack communities" is Slack, not a forum). Keywords match whole
#: words, case-insensitive, with an optional plural "s"; keywords in scripts written
#: without spaces (Chinese, Japanese, Thai) match anywhere ("微信群" is WeChat).
CHANNEL_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("brand-linkedin", ("linkedin",)),
    ("brand-instagram", ("instagram", "insta")),
    ("brand-youtube", ("youtube",)),
    ("brand-tiktok", ("tiktok", "tik tok")),
    ("brand-whatsapp", ("whatsapp", "واتساب", "וואטסאפ")),
    ("brand-facebook", ("facebook", "fb")),
    ("brand-x", ("twitter", "x", "tweet")),
    ("brand-slack", ("slack",)),
    ("brand-reddit", ("reddit", "subreddit")),
    ("brand-google", ("google",)),
    ("presentation", ("webinar", "online event", "virtual event")),
    ("mail", ("email", "e-mail", "mail", "mailer", "mailing", "mailing list", "newsletter", "inbox")),
    ("message", ("sms", "text message", "texting", "imessage")),
    ("phone", ("phone", "call", "telephone", "cold call", "hotline")),
    # messenger apps without a bundled brand icon, after "phone" ("Phone line" is a phone)
    ("message", ("telegram", "wechat", "weixin", "微信", "line", "ไลน์", "viber", "messenger", "kakaotalk", "threema")),
    ("calendar-event", ("event", "conference", "trade show", "tradeshow", "trade fair", "expo", "meetup", "summit")),
    ("microphone", ("podcast",)),
    ("search", ("search", "seo", "sem")),
    ("messages", ("forum", "community", "communities", "discord", "group", "chat")),
    ("news", ("print", "magazine", "newspaper", "press", "journal", "trade publication", "publication")),
    ("users-group", ("word of mouth", "referral", "peer", "colleague", "friend", "recommendation", "network", "xing")),
    ("building-store", ("in-store", "in store", "store", "retail", "shop", "showroom", "branch")),
    ("device-tv", ("tv", "television")),
    ("radio", ("radio",)),
    ("world", ("blog", "website", "web", "site", "online", "internet", "news site")),
)


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))


#: Scripts written without spaces between words: CJK ideographs, kana, Thai, Lao, Khmer, Myanmar.
#: The pattern's text: re compiles (and caches) it with the channel patterns, not at import.
_UNSPACED = "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"


def _keyword_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words, with an optional plural; a word of three letters or more may also start a
    hyphenated compound ("E-Mail-Newsletter", "LinkedIn-Gruppen"), a short one not ("X-ray").
    A word in a script without spaces has no word boundaries to look for: it matches inside
    compounds ("微信公众号"), since \\w would count the neighbouring characters as one word."""
    spaced = [w for w in words if not re.search(_UNSPACED, w)]
    long = _alternatives(w for w in spaced if len(w) > 2)
    short = _alternatives(w for w in spaced if len(w) <= 2)
    unspaced = _alternatives(w for w in words if re.search(_UNSPACED, w))
    parts = [f"(?:{long})(?:e?s)?(?!\\w)"] if long else []
    parts += [f"(?:{short})(?:e?s)?(?![\\w-])"] if short else []
    bounded = [rf"(?<![\w-])(?:{'|'.join(parts)})"] if parts else []
    return re.compile("|".join(bounded + ([unspaced] if unspaced else [])), re.IGNORECASE)


@cache
def _channel_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Compiled on the first channel looked up, not at import: most cards show no channel icons."""
    return tuple((name, _keyword_pattern(words)) for name, words in CHANNEL_KEYWORDS)


@lru_cache(maxsize=512)
def channel_icon(text: str) -> str:
    """The icon a channel's words name ("LinkedIn groups" -> "brand-linkedin"); GENERIC when none."""
    for name, pattern in _channel_patterns():
        if pattern.search(text):
            return name
    return GENERIC


@cache
def icon_names() -> frozenset[str]:
    """The bundled icons' names (their SVG files without ``.svg``)."""
    return frozenset(p.stem for p in resource("card_icons").glob("*.svg"))


def field_icon(field: str | None) -> str | None:
    """The icon of a persona field (or section name), or None when it has none."""
    return FIELD_ICONS.get(field or "")


def resolve(icon: str | bool, field: str | None, default_field: str | None = None) -> str | None:
    """The icon a template's ``icon`` value means for a section showing ``field``: None for none."""
    if icon is False or icon is None:
        return None
    if icon is True or icon == AUTO:
        return field_icon(field) or field_icon(default_field)
    return str(icon)


def icon_problem(value) -> str | None:
    """Why a template's ``icon`` value is refused (None when it is fine)."""
    if isinstance(value, bool) or value == AUTO or value in icon_names():
        return None
    return f"{value!r} is not a bundled icon"


def icon_words() -> str:
    """The bundled icons' names, for a refusal that says what is allowed."""
    return "a bundled icon: " + ", ".join(sorted(icon_names()))


@lru_cache(maxsize=128)
def load_icon(name: str) -> VectorShape:
    """The parsed outline of a bundled icon (KeyError for a name that is not bundled)."""
    if name not in icon_names():
        raise KeyError(f"no card icon named {name!r}")
    return parse_svg(resource("card_icons", name + ".svg").read_text(encoding="utf-8"))
