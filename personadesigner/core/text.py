"""The text engine: clean, measure and shape text with the bundled fonts (lines: core.line_breaks).

The painters draw the glyphs decided here as they are, so this module decides
everything the reader sees: which bundled face draws each character (fallback
for every script), the widths line breaking uses (core/line_breaks.py), the glyphs and their positions (HarfBuzz,
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

#: Characters removed before layout: variation selectors, skin tones (plus every other
#: control/format character except the two joiners, see ``clean``).
_DROP_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x1F3FB, 0x1F3FF))
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


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in JOINERS


class _CharTable(dict):
    """char -> (font key or None when no bundled face has it, is it a mark) for one style face."""

    def __init__(self, font_key: str, forms: str) -> None:
        super().__init__()
        # Fallback faces are opened only when a character needs them (the CJK faces are large).
        self.chain = fallback_chain(font_key, forms)

    def __missing__(self, ch: str):
        cp = ord(ch)
        mark = is_mark(ch)
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
    missing = {ch for ch in set(text) - sans if not ch.isspace() and ch not in JOINERS and table[ch][0] is None}
    if not missing:
        return ""
    out: list[str] = []
    for ch in clean(text):
        if ch in missing and ch not in out and not ch.isspace() and ch not in JOINERS:
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
JOINERS = frozenset("\u200c\u200d")


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
        if ch in JOINERS:
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
CJK_RANGES = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x2FFFF))


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


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


def faces_of(text: str, font_key: str, forms: str = "sc") -> list[str]:
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
    fonts = faces_of(text, font_key, forms)
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
    runs = _font_level_runs(faces_of(text, font_key, forms), levels)
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


def advance_units(text: str, font_key: str) -> float:
    """Shaped advance of ``text`` in 1/1000 em, with fallback faces."""
    return sum([it.units for it in _items(text, font_key, None)])


#: (face, CJK forms, word) -> its advance (the forms choose the face of an ideograph).
_WORD_UNITS: dict[tuple[str, str, str], float] = {}


def word_units(word: str, font_key: str) -> float:
    key = (font_key, _FORMS.get(), word)
    w = _WORD_UNITS.get(key)
    if w is None:
        if len(_WORD_UNITS) > 200_000:
            _WORD_UNITS.clear()
        w = _WORD_UNITS[key] = _plain_word_units(word, font_key) or advance_units(word, font_key)
    return w


def _plain_word_units(word: str, font_key: str) -> float | None:
    """The advance of an ASCII word the style face has (a batch's new words are mostly numbers
    and names): the one shaped run ``advance_units`` would find, without itemizing it; else None."""
    if word and word.isascii() and " " not in word and S.face(font_key).chars.issuperset(word):
        return S.shape(word, font_key, False).width
    return None


def measure(text: str, font_key: str, size: float) -> float:
    """Width in points of ``text`` set in the face ``font_key`` at ``size`` (shaped, with fallback)."""
    return advance_units(clean(text), font_key) * size / 1000.0


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
