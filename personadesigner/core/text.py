"""The text engine: clean, measure, break and shape text with the bundled fonts' metrics.

The painters draw every run as it is (no shaping, bidi or kerning), so this
module decides everything the reader sees: which bundled font draws each
character (fallback for Arabic, Hebrew, CJK, symbols), where lines break,
Arabic letter forms and the visual order of right-to-left lines. Widths come
from the font files (reportlab's TTF reader), never from the machine's fonts,
so the screen and the PDF break lines identically.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from personadesigner.core.fonts import FACES

#: Drawn for a character that no bundled font has (emoji newer than the bundled Noto Emoji).
MISSING = "\u25a1"
ELLIPSIS = "\u2026"
_HYPHENS = frozenset("-\u2010\u2012\u2013\u2014")
#: Characters removed before layout: variation selectors, skin tones (plus every other
#: control/format character except the two joiners, see ``clean``).
_DROP_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x1F3FB, 0x1F3FF))
_NO_BREAK_BEFORE = frozenset("、。，．,.:;!?）」』】〕〉》！？：；ー")
_NO_BREAK_AFTER = frozenset("（「『【〔〈《")
#: Characters that may need removing; text without any skips the slow per-character check.
_SUSPECT_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ud800-\uf8ff\ufe00-\ufe0f\ufeff\ufff0-\uffff\U0001f3fb-\U0001f3ff\U000e0000-\U0010ffff]"
)
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


@dataclass(frozen=True)
class Piece:
    """A shaped piece of a line: text in visual order, in one font, with its advance."""

    text: str
    font: str
    width: float


@dataclass(frozen=True)
class TextStyle:
    """What the engine needs to know of a text style: the face key and the size in points."""

    font: str
    size: float


# ------------------------------------------------------------------ fonts
@lru_cache(maxsize=None)
def font_file(key: str):
    """The bundled face ``key`` read by reportlab's TTF reader, once per process.

    The PDF painter registers this same object (named "PD-<key>"), so a face
    is parsed once for measuring and embedding alike.
    """
    from reportlab.pdfbase.ttfonts import TTFont

    f = FACES[key]
    return TTFont(f"PD-{key}", str(f.path), subfontIndex=f.subfont)


@lru_cache(maxsize=None)
def _widths(key: str) -> dict[int, float]:
    """Advance widths (1/1000 em) by code point of one bundled face: also its coverage."""
    return font_file(key).face.charWidths


@lru_cache(maxsize=None)
def fallback_chain(font_key: str) -> tuple[str, ...]:
    """The faces tried in order for a style's face: itself, sans, the scripts, symbols, emoji.

    Emoji comes last: DejaVu's text-style dingbats (★ ✓) read better in running
    text, and Noto Emoji then covers the pictographs (🚀 🧑) no other face has.
    """
    bold = "bold" in font_key
    variant = font_key.split("-", 1)[1] if "-" in font_key else ""
    chain = [font_key]
    sans = "sans" + ("-" + variant if variant else "")
    scripts = ("arabic-bold" if bold else "arabic", "hebrew-bold" if bold else "hebrew", "cjk", "symbols", "emoji")
    for k in (sans, *scripts):
        if k in FACES and k not in chain:
            chain.append(k)
    return tuple(chain)


class _CharTable(dict):
    """char -> (font key, advance in 1/1000 em) for one style face, filled on demand."""

    def __init__(self, font_key: str) -> None:
        super().__init__()
        # Fallback faces are read only when a character needs them: the CJK face
        # alone takes ~70 ms to load, and most text never leaves the style's face.
        self.chain = fallback_chain(font_key)

    def __missing__(self, ch: str):
        cp = ord(ch)
        mark = unicodedata.combining(ch) != 0
        for key in self.chain:
            w = _widths(key).get(cp)
            if w is not None:
                self[ch] = (key, w, mark)
                return self[ch]
        # No bundled font has it: a clean, visible fallback instead of an empty box.
        self[ch] = ("symbols", None, mark)
        return self[ch]


@lru_cache(maxsize=None)
def _table(font_key: str) -> _CharTable:
    return _CharTable(font_key)


@lru_cache(maxsize=None)
def _missing_width() -> float:
    return _widths("symbols")[ord(MISSING)]


# ------------------------------------------------------------------ cleaning
#: Kept although they are format characters: ZWNJ stops Arabic/Persian letters joining
#: ("می‌خواهم"), ZWJ asks for a joining form; every bundled face has both at zero width.
_JOINERS = frozenset("\u200c\u200d")


def _is_emoji(ch: str) -> bool:
    """A pictograph that may start a ZWJ emoji sequence (🧑‍💻, ❤️‍🔥)."""
    return ord(ch) >= 0x1F000 or unicodedata.category(ch) == "So"


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """User text made printable: NFC, no control/format characters, tabs as spaces.

    Newlines stay (they separate paragraphs); variation selectors and skin tones
    go (no bundled font draws them; the base characters remain). The joiners
    stay between letters, where they change the letter forms; a ZWJ emoji
    sequence shows as its first pictograph (no bundled face has the combined glyph).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _SUSPECT_RE.search(text) is None:
        return text
    out = []
    skip = False
    for ch in text:
        if skip:  # the part after an emoji's zero-width joiner
            skip = False
            continue
        if ch == "\u200d" and out and _is_emoji(out[-1]):
            skip = True
            continue
        if ch in _JOINERS:
            out.append(ch)
            continue
        if ch == "\n" or ch == "\u2028" or ch == "\u2029":
            out.append("\n")
            continue
        if ch == "\t":
            out.append(" ")
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        cp = ord(ch)
        if any(lo <= cp <= hi for lo, hi in _DROP_RANGES):
            continue
        out.append(ch)
    return "".join(out)


#: CJK ideographs, kana, hangul, compatibility and full-width forms: a line may break around each.
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x2FFFF))


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def has_rtl(text: str) -> bool:
    return _RTL_RE.search(text) is not None


# ------------------------------------------------------------------ measuring
@lru_cache(maxsize=8192)
def _reshaped(text: str) -> str:
    import arabic_reshaper

    try:
        return arabic_reshaper.reshape(text)
    except IndexError:
        # arabic_reshaper fails on a ZWJ right before a ligature ("\u200dالله", "\u200dلا");
        # the joiner then only costs the joining form it asked for.
        return arabic_reshaper.reshape(text.replace("\u200d", ""))


def _units(text: str, font_key: str) -> float:
    """Advance of ``text`` in 1/1000 em (after Arabic reshaping), with fallback fonts."""
    if _ARABIC_RE.search(text):
        text = _reshaped(text)
    table = _table(font_key)
    total = 0.0
    for ch in text:
        w = table[ch][1]
        total += _missing_width() if w is None else w
    return total


#: Line breaking counts a space as wide as the widest space a run may keep (Hebrew's),
#: so a shaped line is never wider than the width it was broken for.
_SPACE_UNITS_MAX = 270.0

_WORD_UNITS: dict[tuple[str, str], float] = {}


def _word_units(word: str, font_key: str) -> float:
    key = (font_key, word)
    w = _WORD_UNITS.get(key)
    if w is None:
        if len(_WORD_UNITS) > 200_000:
            _WORD_UNITS.clear()
        w = _WORD_UNITS[key] = _units(word, font_key)
    return w


def measure(text: str, font_key: str, size: float) -> float:
    """Width in points of ``text`` set in the face ``font_key`` at ``size`` (with fallback)."""
    return _units(clean(text), font_key) * size / 1000.0


# ------------------------------------------------------------------ shaping
def shape_line(text: str, style: TextStyle, base_dir: str | None = None) -> list[Piece]:
    """One line of logical text as pieces in visual order, split where the font changes.

    Arabic is reshaped to its presentation forms and right-to-left lines are
    reordered (Unicode bidi) here, after line breaking, so painters draw the
    pieces left to right as they are. ``base_dir`` ("L"/"R") is the paragraph's
    direction, so every line of a paragraph is ordered the same way; None
    detects it from the line.
    """
    return list(_shaped(text, style, base_dir))


@lru_cache(maxsize=16384)
def _shaped(text: str, style: TextStyle, base_dir: str | None) -> tuple[Piece, ...]:
    """``shape_line`` kept per (text, style, direction): headings and labels repeat on every card."""
    text = clean(text)
    if not text:
        return ()
    if has_rtl(text):
        from bidi import get_display

        if _ARABIC_RE.search(text):
            text = _reshaped(text)
        text = get_display(text, base_dir=base_dir) if base_dir else get_display(text)
    table = _table(style.font)
    scale = style.size / 1000.0
    pieces: list[Piece] = []
    cur_font = None
    start = 0
    width = 0.0
    chars = list(text)
    for i, ch in enumerate(chars):
        font, w, mark = table[ch]
        if w is None:
            chars[i] = MISSING
            w = _missing_width()
        elif font != cur_font and cur_font is not None:
            if ch == " ":
                # A space between words of another script stays in their run when it is no wider.
                cw = _widths(cur_font).get(32)
                if cw is not None and cw <= _SPACE_UNITS_MAX:
                    font, w = cur_font, cw
            elif mark and ord(ch) in _widths(cur_font):
                font, w = cur_font, _widths(cur_font)[ord(ch)]  # a mark stays with its base
        if font != cur_font:
            if cur_font is not None:
                pieces.append(Piece("".join(chars[start:i]), cur_font, width * scale))
            cur_font, start, width = font, i, 0.0
        width += w
    if cur_font is not None:
        pieces.append(Piece("".join(chars[start:]), cur_font, width * scale))
    return tuple(pieces)


def char_width(ch: str, font_key: str, size: float) -> float:
    """Advance of one character in exactly the face ``font_key`` (no fallback)."""
    w = _widths(font_key).get(ord(ch))
    return (_missing_width() if w is None else w) * size / 1000.0


def paragraph_direction(text: str) -> str:
    """"R" or "L" from the first strong character (Unicode bidi rule P2); "L" without one."""
    for ch in text:
        d = unicodedata.bidirectional(ch)
        if d in ("R", "AL"):
            return "R"
        if d == "L":
            return "L"
    return "L"


def line_width(pieces: list[Piece]) -> float:
    return sum(p.width for p in pieces)


# ------------------------------------------------------------------ line breaking
_SEG_RE = re.compile("[^ \\-\u2010\u2012\u2013\u2014]*[\\-\u2010\u2012\u2013\u2014]+(?=[^ ])|[^ ]+ *| +")
_CJK_PATTERN = "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]"


@lru_cache(maxsize=None)
def _cjk_re() -> re.Pattern:
    """Compiled on first use: the astral range makes it the slowest pattern to build (~3 ms a start)."""
    return re.compile(_CJK_PATTERN)


def _has_cjk(text: str) -> bool:
    # max() scans in C: Latin, Greek, Cyrillic... text never reaches the pattern.
    return bool(text) and max(text) >= "\u2e80" and _cjk_re().search(text) is not None


@lru_cache(maxsize=4096)
def _segments(paragraph: str) -> tuple[str, ...]:
    """Break opportunities: after spaces and hyphens, around CJK ideographs."""
    if not _has_cjk(paragraph):
        return tuple(_SEG_RE.findall(paragraph))
    return tuple(_segments_cjk(paragraph))


def _segments_cjk(paragraph: str) -> list[str]:
    segs: list[str] = []
    buf: list[str] = []
    prev = ""
    for ch in paragraph:
        if buf:
            if ch == " ":
                pass
            elif prev == " " or prev in _HYPHENS and ch != " ":
                segs.append("".join(buf))
                buf = []
            elif (is_cjk(ch) or is_cjk(prev)) and ch not in _NO_BREAK_BEFORE and prev not in _NO_BREAK_AFTER:
                if not unicodedata.combining(ch):
                    segs.append("".join(buf))
                    buf = []
        buf.append(ch)
        prev = ch
    if buf:
        segs.append("".join(buf))
    return segs


def _break_long(seg: str, font_key: str, limit_units: float, first_room: float, track: float = 0.0) -> list[str]:
    """A segment wider than the line, broken by characters (marks stay with their base).

    Widths add up character by character (linear even for a pasted 10 000-character URL).
    """
    if _ARABIC_RE.search(seg):
        seg = _reshaped(seg)  # the letter forms the painter will draw
    table = _table(font_key)
    parts: list[str] = []
    start = 0
    used = 0.0
    room = first_room
    for i, ch in enumerate(seg):
        w = table[ch][1]
        w = (_missing_width() if w is None else w) + track
        if i > start and used + w > room and not table[ch][2]:
            parts.append(seg[start:i])
            start, used, room = i, 0.0, limit_units
        used += w
    parts.append(seg[start:])
    return parts


#: Per (face, paragraph): its segments with their widths, so breaking the same text
#: again at another size (the flow's shrink search) is arithmetic, not measuring.
_PARAGRAPH_SEGMENTS: dict[tuple[str, str], tuple[tuple[str, str, float, float], ...]] = {}
#: Whole results per (text, face, width in 1/1000 em, first width): cards repeat texts.
_BREAKS: dict[tuple[str, str, float, float], tuple[str, ...]] = {}
_CACHE_LIMIT = 50_000


def _measured_segments(paragraph: str, font_key: str) -> tuple[tuple[str, str, float, float], ...]:
    """(segment, segment without trailing spaces, its width, width with the spaces) in 1/1000 em."""
    key = (font_key, paragraph)
    found = _PARAGRAPH_SEGMENTS.get(key)
    if found is None:
        if len(_PARAGRAPH_SEGMENTS) > _CACHE_LIMIT:
            _PARAGRAPH_SEGMENTS.clear()
        space = max(_word_units(" ", font_key), _SPACE_UNITS_MAX)
        out = []
        for seg in _segments(paragraph):
            stripped = seg.rstrip(" ")
            w_trim = _word_units(stripped, font_key) if stripped else 0.0
            out.append((seg, stripped, w_trim, w_trim + (len(seg) - len(stripped)) * space))
        found = _PARAGRAPH_SEGMENTS[key] = tuple(out)
    return found


def break_lines(text: str, font_key: str, size: float, width: float, first_width: float | None = None,
                tracking: float = 0.0) -> list[str]:
    """Greedy line breaking of ``text`` (already cleaned) into lines of at most ``width`` points.

    Lines are logical text without trailing spaces; ``\\n`` starts a new line.
    ``first_width`` lets the first line be narrower (hanging labels).
    ``tracking`` (in em) is the space the painter adds between letters: counted
    per character of each line, so a long letter-spaced heading still fills its lines.
    """
    if size <= 0:
        return [text]
    limit = width * 1000.0 / size
    first_limit = limit if first_width is None else first_width * 1000.0 / size
    track = tracking * 1000.0
    key = (text, font_key, limit, first_limit, track)
    found = _BREAKS.get(key)
    if found is None:
        if len(_BREAKS) > _CACHE_LIMIT:
            _BREAKS.clear()
        found = _BREAKS[key] = tuple(_break(text, font_key, limit, first_limit, track))
    return list(found)


def _break(text: str, font_key: str, limit: float, first_limit: float, track: float = 0.0) -> list[str]:
    # A line of n letters is n widths plus n - 1 tracks: every character counts one
    # track and the line gets one back.
    limit += track
    first_limit += track
    lines: list[str] = []
    for paragraph in text.split("\n"):
        room = first_limit if not lines else limit
        cur: list[str] = []
        used = 0.0
        for seg, stripped, w_trim, w_full in _measured_segments(paragraph, font_key):
            if track:
                w_trim += track * len(stripped)
                w_full += track * len(seg)
            if used + w_trim <= room + 1e-6:
                cur.append(seg)
                used += w_full
                continue
            if cur:
                lines.append("".join(cur).rstrip(" "))
                room = limit
                cur, used = [], 0.0
            if w_trim <= room + 1e-6:
                cur.append(seg)
                used = w_full
                continue
            parts = _break_long(stripped, font_key, limit, room, track)
            for part in parts[:-1]:
                lines.append(part)
            room = limit
            cur = [parts[-1] + seg[len(stripped):]]
            used = _units(cur[0], font_key) + track * len(cur[0])
        lines.append("".join(cur).rstrip(" "))
    return lines


def ellipsize(line: str, font_key: str, size: float, width: float) -> str:
    """``line`` shortened so that it plus "…" fits ``width``; the last kept line of a cut text."""
    limit = width * 1000.0 / size
    text = line.rstrip()
    while text and _units(text + ELLIPSIS, font_key) > limit:
        text = text[:-1].rstrip()
    return text + ELLIPSIS
