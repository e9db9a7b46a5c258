"""The text engine: clean, measure, break and shape text with the bundled fonts.

The painters draw the glyphs decided here as they are, so this module decides
everything the reader sees: which bundled face draws each character (fallback
for every script), where lines break, the glyphs and their positions (HarfBuzz,
see core/shaping.py: kerning, ligatures, Arabic joining, Indic reordering,
marks) and the visual order of right-to-left runs (Unicode bidi). Widths come
from the font files, never from the machine's fonts, so the screen and the PDF
break lines identically. A character no bundled face has is drawn as the
face's .notdef box and always reported (``missing_chars``), never replaced silently.
"""

from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache

from personadesigner.core import shaping as S
from personadesigner.core.cardlayout import TextRun
from personadesigner.core.font_files import font_file  # noqa: F401  (painters import it from here)
from personadesigner.core.fonts import FACES

ELLIPSIS = "\u2026"
_HYPHENS = frozenset("-\u2010\u2012\u2013\u2014")
#: Characters removed before layout: variation selectors, skin tones (plus every other
#: control/format character except the two joiners, see ``clean``).
_DROP_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x1F3FB, 0x1F3FF))
_NO_BREAK_BEFORE = frozenset("、。，．,.:;!?）」』】〕〉》！？：；ー\u201d\u2019\u00bb\u203a)]}〙〗")
_NO_BREAK_AFTER = frozenset("（「『【〔〈《\u201c\u2018\u00ab\u2039([{〘〖")
#: Characters that may need removing; text without any skips the slow per-character check.
_SUSPECT_RE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ud800-\uf8ff\ufe00-\ufe0f\ufeff\ufff0-\uffff\U0001f3fb-\U0001f3ff\U000e0000-\U0010ffff]"
)
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


@dataclass(frozen=True)
class Piece:
    """A shaped piece of a line, in one face and one direction, in visual order among its line's pieces.

    ``text`` is the piece's logical text (what the reader typed); its glyphs
    (HarfBuzz's, in drawing order, see ``glyph_run``) have their origins
    ``xs``/``ys`` in points from the piece's start on the baseline (y down, as
    the layout has it) and ``clusters``: the index in ``text`` of the first
    character each glyph draws.
    """

    text: str
    font: str
    width: float
    rtl: bool = False
    size: float = 0.0
    tracking: float = 0.0

    @property
    def glyphs(self) -> tuple[int, ...]:
        return glyph_run(self.text, self.font, self.size, self.rtl, self.tracking)[0]

    @property
    def xs(self) -> tuple[float, ...]:
        return glyph_run(self.text, self.font, self.size, self.rtl, self.tracking)[1]

    @property
    def ys(self) -> tuple[float, ...]:
        return glyph_run(self.text, self.font, self.size, self.rtl, self.tracking)[2]

    @property
    def clusters(self) -> tuple[int, ...]:
        return glyph_run(self.text, self.font, self.size, self.rtl, self.tracking)[3]


@dataclass(frozen=True)
class TextStyle:
    """What the engine needs to know of a text style: the face key and the size in points."""

    font: str
    size: float


# ------------------------------------------------------------------ fonts
_KANA_RE = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")


@cache
def fallback_chain(font_key: str, forms: str = "sc") -> tuple[str, ...]:
    """The faces tried in order for a style's face: itself, sans, the scripts, symbols, emoji.

    Every script face comes in the style's weight (names are bold in every
    script; a script without a bold file gets its regular face emboldened by the
    painters, core.fonts.synthetic_bold). CJK: Hangul from the Korean face;
    ideographs in the persona's forms (``forms``, see core/han_forms.py):
    Japanese ("ja"), Traditional ("tc") or Simplified ("sc") Chinese. A bold
    hanzi beyond the persona's bold subset comes from the other Chinese bold
    subset, then from the Chinese regular face emboldened, never a box.
    Emoji comes last: DejaVu's text-style dingbats (★ ✓) read better in running
    text, and Noto Emoji then covers the pictographs (🚀 🧑) no other face has.
    """
    bold = "bold" in font_key
    variant = font_key.split("-", 1)[1] if "-" in font_key else ""
    chain = [font_key]
    sans = "sans" + ("-" + variant if variant else "")
    b = "-bold" if bold else ""
    if forms == "ja":
        cjk = ("cjk-jp" + b, "cjk-kr" + b, "cjk-sc" + b, "cjk-tc" + b, "cjk" + b)
    else:
        han = ("cjk-tc" + b, "cjk-sc" + b) if forms == "tc" else ("cjk-sc" + b, "cjk-tc" + b)
        cjk = ("cjk-kr" + b, *han, "cjk" + b, "cjk-jp" + b)
    scripts = (
        "arabic" + b,
        "hebrew" + b,
        "devanagari" + b,
        "bengali" + b,
        "tamil" + b,
        "thai" + b,
        *cjk,
        "symbols" + b,
        "emoji" + b,
    )
    for k in (sans, *scripts):
        if k in FACES and k not in chain:
            chain.append(k)
    return tuple(chain)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in _JOINERS


class _CharTable(dict):
    """char -> (font key or None when no bundled face has it, is it a mark) for one style face."""

    def __init__(self, font_key: str, forms: str) -> None:
        super().__init__()
        # Fallback faces are opened only when a character needs them (the CJK faces are large).
        self.chain = fallback_chain(font_key, forms)

    def __missing__(self, ch: str):
        cp = ord(ch)
        mark = _is_mark(ch)
        for key in self.chain:
            if S.covers(key, cp):
                self[ch] = (key, mark)
                return self[ch]
        self[ch] = (None, mark)
        return self[ch]


@cache
def _table(font_key: str, forms: str = "sc") -> _CharTable:
    return _CharTable(font_key, forms)


#: The CJK glyph forms of the persona being laid out (core.layout, core/han_forms.py): "ja"
#: (a kanji-only name of a Japanese persona takes Japanese forms and the Japanese bold
#: face too), "tc" (Traditional Chinese faces first) or "sc" (Simplified: the default).
_FORMS: ContextVar[str] = ContextVar("cjk_forms", default="sc")


def cjk_forms(forms: str) -> _Forms:
    """Within the block, ideographs take the glyph forms ``forms`` (see ``_FORMS``)."""
    return _Forms(forms)


class _Forms:
    """``cjk_forms``'s context manager (a class: entered once per laid-out card, cheaper than a generator's)."""

    __slots__ = ("forms", "token")

    def __init__(self, forms: str) -> None:
        self.forms = forms
        self.token = None

    def __enter__(self) -> None:
        self.token = _FORMS.set(self.forms)

    def __exit__(self, *exc_info: object) -> None:
        _FORMS.reset(self.token)


def current_forms() -> str:
    """The CJK glyph forms in force ("ja", "tc", "sc"): part of every cache key of shaped lines."""
    return _FORMS.get()


def has_kana(text: str) -> bool:
    # isascii() is answered without a scan (CPython knows); max() compares every character
    return bool(text) and not text.isascii() and max(text) >= "\u3040" and _KANA_RE.search(text) is not None


def _table_for(text: str, font_key: str, forms: str = "sc") -> _CharTable:
    return _table(font_key, "ja" if has_kana(text) else forms)


@lru_cache(maxsize=8192)
def missing_chars(text: str) -> str:
    """The characters of ``text`` that no bundled face draws (each once, in order): a preflight problem."""
    sans = S.face("sans").chars
    if sans.issuperset(text) or ("\n" in text and sans.issuperset(text.replace("\n", ""))):
        return ""
    table = _table("sans")
    # Spaces, line ends and joiners are never reported: no face has "\n", and looking it up would open them all.
    missing = {ch for ch in set(text) - sans if not ch.isspace() and ch not in _JOINERS and table[ch][0] is None}
    if not missing:
        return ""
    out: list[str] = []
    for ch in clean(text):
        if ch in missing and ch not in out and not ch.isspace() and ch not in _JOINERS:
            out.append(ch)
    return "".join(out)


def glued_separator(separator: str) -> str:
    """``separator`` ("  ·  ") with its leading spaces made no-break: a line may end after the
    mark but never starts with it ("· YouTube" under "LinkedIn"), as after a comma."""
    body = separator.lstrip(" ")
    if not body.strip():
        return separator
    return "\u00a0" * (len(separator) - len(body)) + body


def code_points(chars: str) -> str:
    """ "U+10330 U+1FAE9": how a preflight line names characters no font has."""
    return " ".join(f"U+{ord(ch):04X}" for ch in chars)


# ------------------------------------------------------------------ cleaning
#: Kept although they are format characters: ZWNJ stops Arabic/Persian letters joining
#: ("می‌خواهم"), ZWJ asks for a joining form; every bundled face has both at zero width.
_JOINERS = frozenset("\u200c\u200d")


def _is_emoji(ch: str) -> bool:
    """A pictograph that may start a ZWJ emoji sequence (🧑‍💻, ❤️‍🔥)."""
    return ord(ch) >= 0x1F000 or unicodedata.category(ch) == "So"


def _is_emoji_modifier(ch: str) -> bool:
    """A variation selector or a skin tone: part of the emoji before it."""
    return "\ufe00" <= ch <= "\ufe0f" or "\U0001f3fb" <= ch <= "\U0001f3ff"


def _in_emoji_face(ch: str) -> bool:
    return _table("sans")[ch][0] == "emoji"


#: What a keycap emoji (1️⃣, #️⃣) is made of: one of these, U+FE0F, U+20E3.
_KEYCAP_BASES = frozenset("0123456789#*")
_KEYCAP = "\u20e3"


def _emoji_presented(text: str, i: int) -> bool:
    """Whether the emoji face draws ``text[i]``: it is the first face with it, or the
    character asks for its emoji form (U+FE0F or a skin tone follows: ❤️, ✋🏽) and the face has it."""
    ch = text[i]
    if _in_emoji_face(ch):
        return True
    following = text[i + 1 : i + 2]
    asks = following == "\ufe0f" or "\U0001f3fb" <= following <= "\U0001f3ff"
    return asks and _is_emoji(ch) and S.covers("emoji", ord(ch))


def _in_sequence(base: str, presented: bool, ch: str, following: str) -> str | None:
    """What becomes of ``ch`` after ``base`` in an emoji sequence: "keep" it, "drop" it,
    "skip" it and the pictograph it joins, or None: ``ch`` is no part of one.
    ``presented``: the emoji face draws ``base`` (``_emoji_presented``)."""
    if ch == "\ufe0f" and base in _KEYCAP_BASES and following == _KEYCAP:
        return "keep"
    if not base or not _is_emoji(base) or not (ch == "\u200d" or _is_emoji_modifier(ch)):
        return None
    if presented:
        return "keep"
    return "skip" if ch == "\u200d" else "drop"


def _is_keycap(text: str, i: int) -> bool:
    """Whether ``text[i]`` is the digit, # or * of a keycap emoji (drawn by the emoji face)."""
    return text[i] in _KEYCAP_BASES and (text[i + 1 : i + 2] == _KEYCAP or text[i + 1 : i + 3] == "\ufe0f" + _KEYCAP)


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """User text made printable: NFC, no control/format characters, tabs as spaces.

    Newlines stay (they separate paragraphs). The joiners stay between letters,
    where they change the letter forms. An emoji the emoji face draws keeps its
    variation selector, skin tone and ZWJ sequence (👩‍👩‍👧‍👦, 👨🏽‍💻, 🏳️‍🌈): HarfBuzz
    draws the face's combined glyph and the text layer gives back what was typed.
    Elsewhere variation selectors and skin tones go, and a ZWJ sequence whose first
    pictograph another face draws shows as that pictograph.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _SUSPECT_RE.search(text) is None:
        return text
    out = []
    skip = False
    base = ""  # the last character kept that was not a modifier: an emoji sequence's pictograph
    presented = False  # the emoji face draws base
    for i, ch in enumerate(text):
        if skip:  # the part after an emoji's zero-width joiner
            skip = False
            continue
        part = _in_sequence(base, presented, ch, text[i + 1 : i + 2])
        if part is not None:
            if part == "keep":
                out.append(ch)  # the emoji face draws the sequence as one glyph
            skip = part == "skip"
            continue
        base, presented = ch, _emoji_presented(text, i)
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


# ------------------------------------------------------------------ itemizing and shaping
_BIDI_STANDIN = {"BN": "\u0300", "": "a"}


def _levels(text: str, base_dir: str | None) -> list[int]:
    """Unicode bidi embedding levels per character (rules P2-I2, and L1 for trailing spaces).

    python-bidi's own steps, stopped before its reordering: the reordering is of
    shaped runs here (rule L2), since HarfBuzz draws each run in its direction.
    """
    from bidi import algorithm as A

    # python-bidi drops boundary-neutral characters (rule X9: the joiners), which would
    # shift every later level; a non-spacing mark in their place takes its neighbour's level.
    # An unassigned character has no bidi class (python-bidi asserts): it counts as a
    # left-to-right letter, the Unicode default for most of the code space.
    text = "".join(_BIDI_STANDIN.get(unicodedata.bidirectional(ch), ch) for ch in text)
    storage = A.get_empty_storage()
    base = A.PARAGRAPH_LEVELS[base_dir] if base_dir else A.get_base_level(text)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    A.get_embedding_levels(text, storage)
    A.explicit_embed_and_overrides(storage)
    A.resolve_weak_types(storage)
    A.resolve_neutral_types(storage, False)
    A.resolve_implicit_levels(storage, False)
    levels = [c["level"] for c in storage["chars"]]
    i = len(text)
    while i > 0 and text[i - 1].isspace():  # L1: trailing whitespace takes the paragraph level
        i -= 1
        levels[i] = base
    return levels


#: Faces whose space is no word space of the text around it (Noto Emoji's is 1.27 em,
#: DejaVu's symbols 0.32 em): a space after an emoji or a symbol takes the next face's.
_WIDE_SPACES = frozenset({"emoji", "emoji-bold", "symbols", "symbols-bold"})


def _fonts(text: str, font_key: str, forms: str = "sc") -> list[str]:
    """The face of each character: the fallback chain, with marks kept on their base's face,
    and spaces and punctuation kept in the run around them (so a run shapes whole).
    A character no face has is drawn by the style face (its .notdef box; the
    preflight reports it, see ``missing_chars``)."""
    table = _table_for(text, font_key, forms)
    out: list[str] = []
    cur = None
    for i, ch in enumerate(text):
        font, mark = table[ch]
        if font is None:
            font = font_key
        # the emoji test first: U+20E3 is in no face before the emoji face's, and looking it up opens all of them
        elif _is_keycap(text, i) or (_emoji_presented(text, i) and font != table[_KEYCAP][0]):
            font = table[_KEYCAP][0] or font  # 1️⃣, ❤️: the emoji face draws the digit and its key, the emoji form
        elif cur is not None and font != cur:
            cp = ord(ch)
            if (mark or not ch.isalnum()) and S.covers(cur, cp) and not (ch.isspace() and cur in _WIDE_SPACES):
                font = cur  # a mark stays with its base, a space or comma with its words
        out.append(font)
        cur = font
    return out


@dataclass(frozen=True, slots=True)
class _Item:
    text: str
    font: str
    rtl: bool
    units: float  # shaped advance in 1/1000 em


def _items(text: str, font_key: str, base_dir: str | None) -> tuple[_Item, ...]:
    return _items_in(text, font_key, base_dir, _FORMS.get())


@lru_cache(maxsize=8192)
def _items_in(text: str, font_key: str, base_dir: str | None, forms: str) -> tuple[_Item, ...]:
    """``text`` (cleaned, one line) as shaped items in visual order, in 1/1000 em."""
    if not text:
        return ()
    # a right-to-left paragraph orders every line by its level, one without Arabic or Hebrew too
    rtl = base_dir == "R" or (not text.isascii() and max(text) >= "\u0590" and has_rtl(text))
    if not rtl and S.face(font_key).chars.issuperset(text):
        return (_Item(text, font_key, False, _ltr_units(text, font_key)),)  # one face, left to right: most text
    fonts = _fonts(text, font_key, forms)
    levels = _levels(text, base_dir) if rtl else None
    runs = _font_level_runs(fonts, levels)
    if levels:
        _reorder_runs(runs)
    out = []
    for start, end, font, level in runs:
        part = text[start:end]
        rtl = level % 2 == 1
        out.append(_Item(part, font, rtl, S.shape(part, font, True).width if rtl else _ltr_units(part, font)))
    return tuple(out)


def piece_starts(text: str, font_key: str, base_dir: str | None = None) -> tuple[int, ...]:
    """Where each piece of ``shape_line(text, ...)`` starts in ``text`` (cleaned), in the pieces'
    visual order: what a mark placed by logical position (an inline icon) needs on a mixed line."""
    return _piece_starts(clean(text), font_key, base_dir, _FORMS.get())


@lru_cache(maxsize=1024)
def _piece_starts(text: str, font_key: str, base_dir: str | None, forms: str) -> tuple[int, ...]:
    if not text:
        return ()
    # a right-to-left paragraph orders every line by its level, one without Arabic or Hebrew too
    rtl = base_dir == "R" or (not text.isascii() and max(text) >= "\u0590" and has_rtl(text))
    if not rtl and S.face(font_key).chars.issuperset(text):
        return (0,)
    levels = _levels(text, base_dir) if rtl else None
    runs = _font_level_runs(_fonts(text, font_key, forms), levels)
    if levels:
        _reorder_runs(runs)
    return tuple(r[0] for r in runs)


def _font_level_runs(fonts, levels) -> list[list]:
    """Consecutive characters with one face and one bidi level: [start, end, font, level]."""
    runs: list[list] = []
    for i, font in enumerate(fonts):
        level = levels[i] if levels else 0
        if runs and runs[-1][2] == font and runs[-1][3] == level:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1, font, level])
    return runs


def _reorder_runs(runs: list[list]) -> None:
    """Unicode bidi rule L2: reverse every sequence of runs at or above each odd level, highest first."""
    top = max(r[3] for r in runs)
    low = min((r[3] for r in runs if r[3] % 2), default=top + 1)
    for lvl in range(top, low - 1, -1):
        i = 0
        while i < len(runs):
            if runs[i][3] >= lvl:
                j = i
                while j < len(runs) and runs[j][3] >= lvl:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
            else:
                i += 1


def _ltr_units(text: str, font_key: str) -> float:
    """Advance of a left-to-right run: its words' cached advances and its spaces (S.shape_run
    draws it word by word, so this is exactly the drawn width)."""
    if " " not in text:
        return S.shape(text, font_key, False).width
    space = S.shape(" ", font_key, False).width
    words = text.split(" ")
    shape = S.shape  # a list, not a generator: the same sum in the same order, sooner
    return sum([shape(w, font_key, False).width for w in words if w]) + space * (len(words) - 1)


def _units(text: str, font_key: str) -> float:
    """Shaped advance of ``text`` in 1/1000 em, with fallback faces."""
    return sum([it.units for it in _items(text, font_key, None)])


#: (face, CJK forms, word) -> its advance (the forms choose the face of an ideograph).
_WORD_UNITS: dict[tuple[str, str, str], float] = {}


def _word_units(word: str, font_key: str) -> float:
    key = (font_key, _FORMS.get(), word)
    w = _WORD_UNITS.get(key)
    if w is None:
        if len(_WORD_UNITS) > 200_000:
            _WORD_UNITS.clear()
        w = _WORD_UNITS[key] = _plain_word_units(word, font_key) or _units(word, font_key)
    return w


def _plain_word_units(word: str, font_key: str) -> float | None:
    """The advance of an ASCII word the style face has (a batch's new words are mostly numbers
    and names): the one shaped run ``_units`` would find, without itemizing it; else None."""
    if word and word.isascii() and " " not in word and S.face(font_key).chars.issuperset(word):
        return S.shape(word, font_key, False).width
    return None


def measure(text: str, font_key: str, size: float) -> float:
    """Width in points of ``text`` set in the face ``font_key`` at ``size`` (shaped, with fallback)."""
    return _units(clean(text), font_key) * size / 1000.0


def shape_line(text: str, style: TextStyle, base_dir: str | None = None, tracking: float = 0.0) -> list[Piece]:
    """One line of logical text as shaped pieces in visual order, split where the face or direction changes.

    Right-to-left runs are ordered by the Unicode bidi algorithm here, after line
    breaking, so painters draw the pieces left to right as they are. ``base_dir``
    ("L"/"R") is the paragraph's direction, so every line of a paragraph is
    ordered the same way; None detects it from the line. ``tracking`` (em) is
    added after every cluster (letter-spaced headings keep ligatures and joins
    inside a cluster only).
    """
    return list(_shaped(text, style, base_dir, tracking, _FORMS.get()))


@lru_cache(maxsize=4096)
def _shaped(
    text: str, style: TextStyle, base_dir: str | None, tracking: float = 0.0, forms: str = "sc"
) -> tuple[Piece, ...]:
    """``shape_line`` kept per (text, style, direction): headings and labels repeat on every card."""
    text = clean(text)
    size = style.size
    scale = size / 1000.0
    track = tracking * size
    pieces = []
    for it in _items_in(text, style.font, base_dir, forms):
        width = it.units * scale
        if track:
            width += track * _cluster_count(it.text, it.font, it.rtl)
        pieces.append(Piece(it.text, it.font, width, it.rtl, size, tracking))
    if track and pieces:  # no track after the line's last letter
        last = pieces[-1]
        pieces[-1] = Piece(last.text, last.font, last.width - track, last.rtl, size, tracking)
    return tuple(pieces)


def _cluster_count(text: str, font_key: str, rtl: bool) -> int:
    return len(set(S.shape_run(text, font_key, rtl).clusters))


@lru_cache(maxsize=8192)
def glyph_run(text: str, font_key: str, size: float, rtl: bool, tracking: float = 0.0):
    """(glyph ids, xs, ys, clusters) of one run at ``size``: positions in points from the
    run's start on its baseline, y down; ``tracking`` (em) added after every cluster."""
    sh = S.shape_run(text, font_key, rtl)
    scale = size / 1000.0
    track = tracking * size
    if track:
        shift, xs, prev = 0.0, [], None
        for x, c in zip(sh.xs, sh.clusters):
            if c != prev and prev is not None:
                shift += track
            prev = c
            xs.append(x * scale + shift)
    else:
        xs = [x * scale for x in sh.xs]
    ys = tuple(-y * scale for y in sh.ys) if any(sh.ys) else (0.0,) * len(sh.ys)
    return sh.ids, tuple(xs), ys, sh.clusters


def paragraph_direction(text: str) -> str:
    """ "R" or "L" from the first strong character (Unicode bidi rule P2); "L" without one."""
    if text.isascii():  # ASCII letters are "L", and nothing else in it is strong
        return "L"
    for ch in text:
        d = unicodedata.bidirectional(ch)
        if d in ("R", "AL"):
            return "R"
        if d == "L":
            return "L"
    return "L"


def line_width(pieces: list[Piece]) -> float:
    return sum([p.width for p in pieces])


# ------------------------------------------------------------------ line breaking
#: A word's start up to its hyphens (never before a space: "re-", "one-"), a word with its spaces, or spaces.
#: The first run is possessive: giving back letters cannot find a hyphen (4 instead of 5.5 µs a paragraph).
_SEG_RE = re.compile("[^ \\-\u2010\u2012\u2013\u2014]*+[\\-\u2010\u2012\u2013\u2014]+(?=[^ ])|[^ ]+ *| +")
_CJK_PATTERN = "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]"


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
            if ch == " " or _is_mark(ch):
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
        w = _word_units(ch, font_key) + track
        if i > start and used + w > room and _can_split(seg, i):
            part = _shortened(seg[start:i], font_key, room, track)
            parts.append(part)
            start += len(part)
            used = sum(_word_units(c, font_key) + track for c in seg[start:i])
            room = limit_units
        used += w
    rest = seg[start:]
    # Character widths can add up to less than the shaped text (a fallback face's context):
    # the last part is measured shaped too, and split again while it is wider than its line.
    while len(rest) > 1 and _units(rest, font_key) + track * len(rest) > room + 1e-6:
        part = _shortened(rest, font_key, room, track)
        parts.append(part)
        rest = rest[len(part) :]
        room = limit_units
    parts.append(rest)
    return parts


def _shortened(part: str, font_key: str, room: float, track: float) -> str:
    """The longest start of ``part`` that fits ``room`` shaped (one character at least)."""
    while len(part) > 1 and _units(part, font_key) + track * len(part) > room + 1e-6:
        cut = len(part) - 1
        while cut > 1 and not _can_split(part, cut):
            cut -= 1
        part = part[:cut]
    return part


def _can_split(text: str, i: int) -> bool:
    """Whether a line may end before ``text[i]`` without tearing a grapheme cluster."""
    ch, prev = text[i], text[i - 1]
    if _is_mark(ch) or prev in _JOINERS:
        return False
    return unicodedata.combining(prev) != 9 or not unicodedata.category(ch).startswith("L")


def breaks_word(text: str, font_key: str, size: float, width: float, tracking: float = 0.0) -> str:
    """The first word of ``text`` that ``break_lines`` must break inside at this size (a word
    alone wider than ``width``), or "". Names and headings shrink rather than do that."""
    if size <= 0:
        return ""
    units, word = _widest_word(text, font_key, tracking, _FORMS.get())
    return word if units * size / 1000.0 > width + 1e-6 else ""


def widest_word(text: str, font_key: str, tracking: float = 0.0) -> tuple[float, str]:
    """(advance in 1/1000 em, the word) of the widest piece of ``text`` no line break may split:
    ``breaks_word`` at every size from one measurement (a flow's fit search tries several)."""
    return _widest_word(text, font_key, tracking, _FORMS.get())


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
    (see ``_fonts``), so after a fallback face's word it is that face's space."""
    return _space_after(before[-3:], font_key, _FORMS.get()) if before else _word_units(" ", font_key)


@lru_cache(maxsize=4096)
def _space_after(tail: str, font_key: str, forms: str) -> float:
    """``_space_units`` per word ending: words share a few hundred endings, so faces are looked up once each."""
    chars = S.face(font_key).chars
    if tail.isascii() and " " in chars and chars.issuperset(tail) and S.face("sans").chars.issuperset(tail):
        return _word_units(" ", font_key)  # ASCII the style face has: no fallback, keycap or emoji (_fonts)
    return _word_units(" ", _fonts(tail + " ", font_key, forms)[-1])


def _measured_segments(paragraph: str, font_key: str) -> tuple[tuple[str, str, float, float], ...]:
    """(segment, segment without trailing spaces, its width, width with the spaces) in 1/1000 em."""
    forms = _FORMS.get()  # widths of ideographs depend on the forms in force
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
    w_trim = _word_units(stripped, font_key) if stripped else 0.0
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
    key = (text, font_key, limit, limit, track, _FORMS.get())
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
    key = (text, font_key, limit, first_limit, track, _FORMS.get())
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
            used = _units(cur[0], font_key) + track * len(cur[0])
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
        used = _units(cur[0], font_key) + 0.0  # as _break has it (no tracking)
    lines.append("".join(cur).rstrip(" "))
    return lines


def ellipsize(line: str, font_key: str, size: float, width: float) -> str:
    """``line`` shortened so that it plus "…" fits ``width``; the last kept line of a cut text."""
    limit = width * 1000.0 / size
    text = line.rstrip()
    while text and _units(text + ELLIPSIS, font_key) > limit:
        cut = len(text) - 1
        while cut > 0 and not _can_split(text, cut):
            cut -= 1
        text = text[:cut].rstrip()
    return text + ELLIPSIS


# ------------------------------------------------------------------ runs for painters
def text_run(piece: Piece, x: float, y: float, size: float, color: str) -> TextRun:
    """The layout primitive of one shaped piece at left edge ``x`` and baseline ``y``."""
    return TextRun(x, y, piece.text, piece.font, size, color, piece.width, piece.rtl, piece.tracking)


def run_glyphs(run: TextRun) -> tuple[tuple[int, ...], tuple[float, ...], tuple[float, ...], tuple[int, ...], bool]:
    """(glyph ids, xs, ys, clusters, right-to-left) of ``run``, from the shaping cache. A run
    made outside the layout engine (sheet labels, tests)
    may hold raw text: it is cleaned, and its direction taken from its first strong letter."""
    if not run.text:
        return (), (), (), (), run.rtl
    text = run.text if _SUSPECT_RE.search(run.text) is None else clean(run.text)
    rtl = run.rtl or (not text.isascii() and max(text) >= "\u0590" and paragraph_direction(text) == "R")
    if not text:
        return (), (), (), (), rtl
    return (*glyph_run(text, run.font, run.size, rtl, run.tracking), rtl)
