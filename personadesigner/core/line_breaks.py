"""Line breaking with the bundled fonts: where a text's lines end at a size and a width.

Why a module of its own: breaking is the layout's hottest path and its own concern
(Unicode line-breaking opportunities, Thai and CJK without spaces, hyphens, words
wider than the box, ellipses), built on core.text's measuring (which face draws each
character, shaped advances). Widths are measured once per word and paragraph and kept
in bounded caches keyed on the face and the CJK forms in force, so the fit search's
sizes and a batch's cards are arithmetic, not shaping.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from personadesigner.core import shaping as S
from personadesigner.core.text import (
    CJK_RANGES,
    JOINERS,
    advance_units,
    current_forms,
    faces_of,
    is_cjk,
    is_mark,
    word_units,
)

ELLIPSIS = "\u2026"
_HYPHENS = frozenset("-\u2010\u2012\u2013\u2014")
#: Characters a line never starts with (closing punctuation) or never ends with (opening).
_NO_BREAK_BEFORE = frozenset("、。，．,.:;!?）」』】〕〉》！？：；ー\u201d\u2019\u00bb\u203a)]}〙〗")
_NO_BREAK_AFTER = frozenset("（「『【〔〈《\u201c\u2018\u00ab\u2039([{〘〖")

#: A word's start up to its hyphens (never before a space: "re-", "one-"), a word with its spaces, or spaces.
#: The first run is possessive: giving back letters cannot find a hyphen (4 instead of 5.5 µs a paragraph).
_SEG_RE = re.compile("[^ \\-\u2010\u2012\u2013\u2014]*+[\\-\u2010\u2012\u2013\u2014]+(?=[^ ])|[^ ]+ *| +")
_CJK_PATTERN = "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in CJK_RANGES) + "]"


@cache
def _cjk_re() -> re.Pattern:
    """Compiled on first use: the astral range makes it the slowest pattern to build (~3 ms a start)."""
    return re.compile(_CJK_PATTERN)


def _has_cjk(text: str) -> bool:
    # ASCII is known without a scan, max() scans in C: Latin, Greek, Cyrillic... never reach the pattern.
    return (
        bool(text)
        and not text.isascii()
        and max(text) >= "\u0e00"
        and (_THAI_RE.search(text) is not None or _cjk_re().search(text) is not None)
    )


_THAI_RE = re.compile("[\u0e01-\u0e5b]")
_THAI_LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # vowels written before their consonant


def _is_thai_consonant(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


def _thai_sign(ch: str) -> bool:
    """A Thai vowel sign or tone mark written after (above, below) its consonant."""
    return "\u0e30" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"


def _thai_onset(text: str, i: int) -> bool:
    """Whether the consonant at ``i`` starts a syllable: a vowel sign follows it, or a
    cluster consonant (ร ล ว) and then a vowel sign ("คร" in ครับ, "ปร" in ประ)."""
    if not _is_thai_consonant(text[i]) or i + 1 >= len(text):
        return False
    nxt = text[i + 1]
    if _thai_sign(nxt):
        return True
    return nxt in "\u0e23\u0e25\u0e27" and i + 2 < len(text) and _thai_sign(text[i + 2])


def _thai_break(text: str, i: int) -> bool:
    """A break opportunity before ``text[i]`` inside Thai (no spaces between words), by a
    syllable rule without a dictionary: before a leading vowel, and before a consonant
    that starts a syllable, never right after a leading vowel nor inside a cluster."""
    prev, ch = text[i - 1], text[i]
    if prev in _THAI_LEADING or not ("\u0e01" <= prev <= "\u0e4e"):
        return False
    if ch in _THAI_LEADING:
        return True
    if ch in "\u0e23\u0e25\u0e27" and _thai_onset(text, i - 1):
        return False  # the second consonant of a cluster
    return _thai_onset(text, i)


@lru_cache(maxsize=4096)
def _segments(paragraph: str) -> tuple[str, ...]:
    """Break opportunities (a subset of UAX #14): after spaces and hyphens, between CJK
    ideographs, kana and Hangul syllables (not before closing or after opening
    punctuation: kinsoku), between Thai syllables."""
    if not _has_cjk(paragraph):
        return tuple(_SEG_RE.findall(paragraph))
    return tuple(_segments_complex(paragraph))


def _segments_complex(paragraph: str) -> list[str]:
    segs: list[str] = []
    buf: list[str] = []
    prev = ""
    for i, ch in enumerate(paragraph):
        if buf:
            if ch == " " or is_mark(ch):
                pass
            elif (
                prev == " "
                or prev in _HYPHENS
                or ((is_cjk(ch) or is_cjk(prev)) and ch not in _NO_BREAK_BEFORE and prev not in _NO_BREAK_AFTER)
                or _thai_break(paragraph, i)
            ):
                segs.append("".join(buf))
                buf = []
        buf.append(ch)
        prev = ch
    if buf:
        segs.append("".join(buf))
    return segs


def _break_long(seg: str, font_key: str, limit_units: float, first_room: float, track: float = 0.0) -> list[str]:
    """A segment wider than the line, broken between characters (never before a mark, a
    joiner or after a virama, so a cluster stays whole).

    Widths add up character by character (linear even for a pasted 10 000-character
    URL); each part is then measured shaped and shortened if joining made it wider.
    """
    parts: list[str] = []
    start = 0
    used = 0.0
    room = first_room
    for i, ch in enumerate(seg):
        w = word_units(ch, font_key) + track
        if i > start and used + w > room and _can_split(seg, i):
            part = _shortened(seg[start:i], font_key, room, track)
            parts.append(part)
            start += len(part)
            used = sum(word_units(c, font_key) + track for c in seg[start:i])
            room = limit_units
        used += w
    rest = seg[start:]
    # Character widths can add up to less than the shaped text (a fallback face's context):
    # the last part is measured shaped too, and split again while it is wider than its line.
    while len(rest) > 1 and advance_units(rest, font_key) + track * len(rest) > room + 1e-6:
        part = _shortened(rest, font_key, room, track)
        parts.append(part)
        rest = rest[len(part) :]
        room = limit_units
    parts.append(rest)
    return parts


def _shortened(part: str, font_key: str, room: float, track: float) -> str:
    """The longest start of ``part`` that fits ``room`` shaped (one character at least)."""
    while len(part) > 1 and advance_units(part, font_key) + track * len(part) > room + 1e-6:
        cut = len(part) - 1
        while cut > 1 and not _can_split(part, cut):
            cut -= 1
        part = part[:cut]
    return part


def _can_split(text: str, i: int) -> bool:
    """Whether a line may end before ``text[i]`` without tearing a grapheme cluster."""
    ch, prev = text[i], text[i - 1]
    if is_mark(ch) or prev in JOINERS:
        return False
    return unicodedata.combining(prev) != 9 or not unicodedata.category(ch).startswith("L")


def breaks_word(text: str, font_key: str, size: float, width: float, tracking: float = 0.0) -> str:
    """The first word of ``text`` that ``break_lines`` must break inside at this size (a word
    alone wider than ``width``), or "". Names and headings shrink rather than do that."""
    if size <= 0:
        return ""
    units, word = _widest_word(text, font_key, tracking, current_forms())
    return word if units * size / 1000.0 > width + 1e-6 else ""


def widest_word(text: str, font_key: str, tracking: float = 0.0) -> tuple[float, str]:
    """(advance in 1/1000 em, the word) of the widest piece of ``text`` no line break may split:
    ``breaks_word`` at every size from one measurement (a flow's fit search tries several)."""
    return _widest_word(text, font_key, tracking, current_forms())


@lru_cache(maxsize=4096)
def _widest_word(text: str, font_key: str, tracking: float, forms: str) -> tuple[float, str]:
    """(advance in 1/1000 em, the word) of the widest unbreakable piece of ``text``: sizes
    scale it, so the shrink search asks this once per text (and CJK forms: they choose faces)."""
    track = tracking * 1000.0
    best, word = 0.0, ""
    for paragraph in text.split("\n"):
        for _seg, stripped, w_trim, _w in _measured_segments(paragraph, font_key):
            w = w_trim + track * max(0, len(stripped) - 1)
            if w > best:
                best, word = w, stripped
    return best, word


#: Per (face, CJK forms, paragraph): its segments with their widths, so breaking the same text
#: again at another size (the flow's shrink search) is arithmetic, not measuring.
_PARAGRAPH_SEGMENTS: dict[tuple[str, str, str], tuple[tuple[str, str, float, float], ...]] = {}
#: Whole results per (text, face, width in 1/1000 em, first width, tracking, CJK forms): cards repeat texts.
_BREAKS: dict[tuple[str, str, float, float, float, str], tuple[str, ...]] = {}
#: Entries each of the two keeps: a card needs a few dozen, a batch's common texts a few
#: hundred; more only made a 5000-card export's memory grow (render/card_stream.py).
_CACHE_LIMIT = 10_000


def _space_units(before: str, font_key: str) -> float:
    """The width of a space after ``before``: it joins the run of the letters before it
    (see ``faces_of``), so after a fallback face's word it is that face's space."""
    return _space_after(before[-3:], font_key, current_forms()) if before else word_units(" ", font_key)


@lru_cache(maxsize=4096)
def _space_after(tail: str, font_key: str, forms: str) -> float:
    """``_space_units`` per word ending: words share a few hundred endings, so faces are looked up once each."""
    chars = S.face(font_key).chars
    if tail.isascii() and " " in chars and chars.issuperset(tail) and S.face("sans").chars.issuperset(tail):
        return word_units(" ", font_key)  # ASCII the style face has: no fallback, keycap or emoji (faces_of)
    return word_units(" ", faces_of(tail + " ", font_key, forms)[-1])


def _measured_segments(paragraph: str, font_key: str) -> tuple[tuple[str, str, float, float], ...]:
    """(segment, segment without trailing spaces, its width, width with the spaces) in 1/1000 em."""
    forms = current_forms()  # widths of ideographs depend on the forms in force
    key = (font_key, forms, paragraph)
    found = _PARAGRAPH_SEGMENTS.get(key)
    if found is None:
        if len(_PARAGRAPH_SEGMENTS) > _CACHE_LIMIT:
            _PARAGRAPH_SEGMENTS.clear()
        table = _SEGMENTS.get((font_key, forms))
        if table is None or len(table) > 2 * _CACHE_LIMIT:
            table = _SEGMENTS[font_key, forms] = {}
        segments = _segments(paragraph)
        get = table.get
        out = [get(seg) for seg in segments]
        if None in out:  # a word this batch has not had yet
            for k, seg in enumerate(segments):
                if out[k] is None:
                    out[k] = table[seg] = _measured_segment(seg, font_key)
        found = _PARAGRAPH_SEGMENTS[key] = tuple(out)
    return found


#: Per (face, CJK forms): segment -> ``_measured_segment``. Paragraphs of a batch differ (a name,
#: a number) but are made of the same few hundred words; one table per face, so a look-up
#: is the segment's own (cached) hash.
_SEGMENTS: dict[tuple[str, str], dict[str, tuple[str, str, float, float]]] = {}


def _measured_segment(seg: str, font_key: str) -> tuple[str, str, float, float]:
    stripped = seg.rstrip(" ")
    w_trim = word_units(stripped, font_key) if stripped else 0.0
    spaces = len(seg) - len(stripped)
    space = _space_units(stripped, font_key) if spaces else 0.0
    return (seg, stripped, w_trim, w_trim + spaces * space)


def broken_lines(text: str, font_key: str, size: float, width: float, tracking: float = 0.0) -> tuple[str, ...]:
    """``break_lines`` without a first line of its own width, as the cached tuple (the layout
    asks for the same lines at every size it tries: no copy)."""
    if size <= 0:
        return (text,)
    limit = width * 1000.0 / size
    track = tracking * 1000.0
    key = (text, font_key, limit, limit, track, current_forms())
    found = _BREAKS.get(key)
    if found is None:
        if len(_BREAKS) > _CACHE_LIMIT:
            _BREAKS.clear()
        found = _BREAKS[key] = tuple(_break(text, font_key, limit, limit, track))
    return found


def break_lines(
    text: str, font_key: str, size: float, width: float, first_width: float | None = None, tracking: float = 0.0
) -> list[str]:
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
    key = (text, font_key, limit, first_limit, track, current_forms())
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
        if not track:
            lines.extend(_fill(_measured_segments(paragraph, font_key), font_key, room, limit))
            continue
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
            cur = [parts[-1] + seg[len(stripped) :]]
            used = advance_units(cur[0], font_key) + track * len(cur[0])
        lines.append("".join(cur).rstrip(" "))
    return lines


def _fill(segments, font_key: str, room: float, limit: float) -> list[str]:
    """``_break``'s loop for one paragraph without tracking (most text), with its sums in the
    same order: the first line at most ``room`` wide, the next ones ``limit`` (1/1000 em)."""
    lines: list[str] = []
    cur: list[str] = []
    append = cur.append
    used = 0.0
    fits = room + 1e-6
    for seg, stripped, w_trim, w_full in segments:
        if used + w_trim <= fits:
            append(seg)
            used += w_full
            continue
        if cur:
            lines.append("".join(cur).rstrip(" "))
            room = limit
            fits = room + 1e-6
            cur = []
            append = cur.append
            used = 0.0
        if w_trim <= fits:
            append(seg)
            used = w_full
            continue
        parts = _break_long(stripped, font_key, limit, room, 0.0)
        lines.extend(parts[:-1])
        room = limit
        fits = room + 1e-6
        cur = [parts[-1] + seg[len(stripped) :]]
        append = cur.append
        used = advance_units(cur[0], font_key) + 0.0  # as _break has it (no tracking)
    lines.append("".join(cur).rstrip(" "))
    return lines


def ellipsize(line: str, font_key: str, size: float, width: float) -> str:
    """``line`` shortened so that it plus "…" fits ``width``; the last kept line of a cut text."""
    limit = width * 1000.0 / size
    text = line.rstrip()
    while text and advance_units(text + ELLIPSIS, font_key) > limit:
        cut = len(text) - 1
        while cut > 0 and not _can_split(text, cut):
            cut -= 1
        text = text[:cut].rstrip()
    return text + ELLIPSIS
