"""Shaped glyphs in the PDF: reportlab's TrueType subsets addressed by glyph id, and a real text layer.

reportlab embeds subsets of a TrueType face keyed by *character*; shaped text
needs glyphs no character maps to (Arabic joining forms, Devanagari conjuncts,
ligatures). Each glyph id therefore gets its own private-use code point
(U+F0000 + id) in the face's character table, so reportlab's subsetter embeds
exactly the glyphs HarfBuzz chose, with their own advances as /Widths.

The text layer: every run is a marked-content span whose /ActualText is the
run's logical text as typed, so pdftotext, search and copy-paste give back the
user's letters in reading order (not presentation forms, not visual order);
the subsets' ToUnicode maps (render/pdf_tounicode.py) name each glyph's own
characters for readers that ignore ActualText.
"""

from __future__ import annotations

import unicodedata

from personadesigner.core import shaping as S
from personadesigner.core.text import clean, font_file, has_rtl, run_glyphs

#: Private-use planes 15-16: glyph id g drawing its usual characters is U+F0000 + g; the
#: same glyph standing for other characters (a mirrored bracket in right-to-left text,
#: .notdef for each missing character) gets the next code from U+100000 on.
PUA = 0xF0000
_MORE = 0x100000

#: face name as in the subsets' BaseFont -> {code point: the characters its glyph stands for}.
GLYPH_TEXT: dict[str, dict[int, str]] = {}
#: face key -> {(glyph id, text): code point}
_codes: dict[str, dict[tuple[int, str], int]] = {}
_next: dict[str, int] = {}


def glyph_char(key: str, gid: int, text: str) -> str:
    """The private-use character that stands for glyph ``gid`` of face ``key`` drawing ``text``."""
    codes = _codes.setdefault(key, {})
    code = codes.get((gid, text))
    if code is None:
        face = font_file(key).face
        if PUA + gid not in face.charToGlyph:
            code = PUA + gid
        else:
            code = _next.get(key, _MORE)
            _next[key] = code + 1
        codes[(gid, text)] = code
        face.charToGlyph[code] = gid
        face.charWidths[code] = round(S.glyph_advance(key, gid))
        if text:
            GLYPH_TEXT.setdefault(face_name(key), {})[code] = text
    return chr(code)


def face_name(key: str) -> str:
    """The face's name as reportlab writes it after the subset tag ("AAAAAA+<name>")."""
    face = font_file(key).face
    return (face.name + face.subfontNameX).decode("latin-1")


def glyph_texts(key: str, text: str, glyphs, clusters, rtl: bool = False) -> list[str]:
    """The characters each glyph of a run stands for in the text layer.

    A glyph alone in its cluster stands for the cluster's text (a ligature "fi",
    a joined Arabic letter, a conjunct, a mirrored bracket's logical character);
    when a cluster has several glyphs, the glyph that is the cluster's first
    character's own stands for the text and the others for nothing. In a
    right-to-left run a glyph's characters are in visual order: text extractors
    reverse a right-to-left line character by character, a ligature's characters too.
    """
    n = len(glyphs)
    if not rtl and n == len(text) and clusters == tuple(range(n)):
        return list(text)  # one glyph per character, in order: most text
    starts = sorted(set(clusters))
    end_of = dict(zip(starts, starts[1:] + [len(text)]))
    out = []
    for i, (gid, c) in enumerate(zip(glyphs, clusters)):
        part = text[c : end_of[c]]
        if rtl:
            part = part[::-1]
        alone = (i == 0 or clusters[i - 1] != c) and (i == n - 1 or clusters[i + 1] != c)
        if alone or (part and S.nominal_glyph(key, ord(part[-1 if rtl else 0])) == gid):
            out.append(part)
        else:
            out.append("")
    return out


def _utf16(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be", "surrogatepass").hex().upper()


def _text_string(text: str) -> str:
    """``text`` as a PDF text string: a literal ``(...)`` when it is printable ASCII (the same
    in PDFDocEncoding, and a quarter of the bytes of UTF-16 in hex, in every page stream of
    an export), else UTF-16BE in hex."""
    if text.isascii() and text.isprintable():
        if "\\" in text or "(" in text or ")" in text:
            text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return "(" + text + ")"
    return "<" + _utf16(unicodedata.normalize("NFC", text)) + ">"


def actual_text(text: str, lang: str | None) -> str:
    """The BDC operator opening a span whose text is ``text`` (NFC, as typed)."""
    lang_entry = f" /Lang ({lang})" if lang else ""
    return f"/Span <</ActualText {_text_string(text)}{lang_entry}>> BDC"


#: Unicode script of a run's face -> BCP 47 language, for the span's /Lang (screen readers).
_FACE_LANG = {
    "arabic": "ar",
    "hebrew": "he",
    "devanagari": "hi",
    "bengali": "bn",
    "tamil": "ta",
    "thai": "th",
    "cjk-jp": "ja",
    "cjk-kr": "ko",
    "cjk-sc": "zh-Hans",
    "cjk-tc": "zh-Hant",
    "cjk": "zh",
}


def face_lang(key: str) -> str | None:
    return _FACE_LANG.get(key.removesuffix("-bold"))


def show_ops(run, doc, words: dict | None = None) -> str:
    """The marked-content span that draws ``run`` from its text matrix (set by the caller).

    Left-to-right runs carry their logical text as /ActualText. Right-to-left runs
    do not: text extractors order a right-to-left line themselves, from the glyphs'
    positions and ToUnicode entries, and would reverse an ActualText a second time.
    ``words``: the document's cache of word operators (see ``_word_pieces``).
    """
    ops = _word_ops(run, doc, words) if words is not None else None
    rtl = False
    if ops is None:
        glyphs, xs, ys, clusters, rtl = run_glyphs(run)
        if not glyphs:
            return ""
        ops = _glyph_ops(run, glyphs, xs, ys, clusters, rtl, doc)
    if rtl:
        lang = face_lang(run.font)
        return "\n".join([f"/Span <</Lang ({lang})>> BDC" if lang else "/Span BMC", *ops, "EMC"])
    return "\n".join([actual_text(run.text, face_lang(run.font)), *ops, "EMC"])


_HEX = [f"{i:02X}" for i in range(256)]


def _word_pieces(key: str, word: str, doc) -> tuple[tuple[int, str], ...] | None:
    """A word's glyphs as (subset, TJ tokens) pairs, one per run of glyphs in one subset: hex
    strings of codes and the numbers (1/1000 em, so any size) that put each glyph where
    HarfBuzz did and end the word at its shaped advance, joined by spaces as in the TJ
    array. None when a glyph sits off the baseline (the general path)."""
    sh = S.shape(word, key, False)
    if not sh.ids or any(sh.ys):
        return None
    font = font_file(key)
    texts = glyph_texts(key, word, sh.ids, sh.clusters, False)
    known = _codes.get(key, {})
    chars = "".join([chr(known[gt]) if gt in known else glyph_char(key, *gt) for gt in zip(sh.ids, texts)])
    widths = font.face.charWidths
    xs = sh.xs
    pieces: list[tuple[int, list[str]]] = []
    cursor = 0.0
    pos = 0
    for subset, chunk in font.splitString(chars, doc):
        tokens: list[str] = []
        hexes: list[str] = []
        for code, x, ch in zip(chunk, xs[pos:], chars[pos:]):
            gap = round(x - cursor, 1)
            if gap:
                if hexes:
                    tokens.append("<" + "".join(hexes) + ">")
                    hexes = []
                tokens.append(f"{-gap:.1f}")
                cursor += gap
            hexes.append(_HEX[code])
            cursor += widths[ord(ch)]
        pos += len(chunk)
        tokens.append("<" + "".join(hexes) + ">")  # a chunk has at least one code
        pieces.append((subset, tokens))
    gap = round(sh.width - cursor, 1)
    if gap:
        pieces[-1][1].append(f"{-gap:.1f}")
    return tuple((subset, " ".join(tokens)) for subset, tokens in pieces)


def _word_ops(run, doc, words: dict) -> list[str] | None:
    """A left-to-right run without tracking, drawn word by word from the document's cache
    (S.shape_run draws such a run as its words and spaces, so this is the same glyphs
    at the same places). None for every other run.

    ``words``: face -> {word: its pieces, False for a word with marks off the baseline}.
    New words are made in reading order: the order their glyphs get their subset codes."""
    text = run.text
    if run.rtl or run.tracking or not text or has_rtl(text) or text != clean(text):
        return None
    key = run.font
    known = words.get(key)
    if known is None:
        if len(words) >= 64:  # a huge export in many faces: keep memory flat
            words.clear()
        known = words[key] = {}
    pieces: list[tuple[int, str]] = []
    add = pieces.extend
    space = None
    for k, word in enumerate(text.split(" ")):
        if k:
            if space is None:
                space = known.get(" ")
                if space is None:
                    space = _remember(key, " ", doc, known)
                if space is False:
                    return None
            add(space)
        if word:
            found = known.get(word)
            if found is None:
                found = _remember(key, word, doc, known)
            if found is False:
                return None  # a word with marks off the baseline: the general path
            add(found)
    return _tj_ops(pieces, font_file(key), run.size, doc) if pieces else []


def _remember(key: str, word: str, doc, known: dict):
    """``_word_pieces`` kept in the face's cache (bounded: a huge export keeps memory flat)."""
    if len(known) >= 20_000:
        known.clear()
    found = known[word] = _word_pieces(key, word, doc) or False
    return found


def _tj_array(bodies) -> str:
    """One TJ array of word pieces; hex strings that meet (a word and the space after it)
    become one: the same glyphs at the same places, in fewer bytes."""
    return "[" + " ".join(bodies).replace("> <", "") + "] TJ"


def _tj_ops(pieces: list[tuple[int, str]], font, size: float, doc) -> list[str]:
    """One font selection and one TJ array per stretch of pieces in one subset."""
    subsets, bodies = zip(*pieces)
    first = subsets[0]
    if subsets.count(first) == len(subsets):  # most text: every glyph in one subset
        return [f"{font.getSubsetInternalName(first, doc)} {size:.2f} Tf", _tj_array(bodies)]
    out: list[str] = []
    cur = None
    arr: list[str] = []
    for subset, body in pieces:
        if subset != cur:
            if arr:
                out.append(_tj_array(arr))
                arr = []
            out.append(f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf")
            cur = subset
        arr.append(body)
    if arr:
        out.append(_tj_array(arr))
    return out


def _glyph_ops(run, glyphs, xs, ys, clusters, rtl: bool, doc) -> list[str]:
    """Font selection, text rise for marks above or below the baseline, and TJ arrays
    whose numbers place every glyph where HarfBuzz put it (glyphs that sit where the
    previous one's advance leaves them share one hex string)."""
    key, size = run.font, run.size
    font = font_file(key)
    texts = glyph_texts(key, run.text, glyphs, clusters, rtl)
    known = _codes.get(key, {})
    chars = "".join([chr(known[(g, t)]) if (g, t) in known else glyph_char(key, g, t) for g, t in zip(glyphs, texts)])
    codes: list[tuple[int, int]] = []  # (subset, code byte) per glyph
    for subset, chunk in font.splitString(chars, doc):
        codes.extend((subset, b) for b in chunk)
    out: list[str] = []
    cur_subset = None
    cur_rise = 0.0  # text rise is graphics state: every run leaves it at 0
    arr: list[str] = []
    hexes: list[str] = []
    cursor = 0.0
    k = 1000.0 / size
    widths = font.face.charWidths

    def flush() -> None:
        if hexes:
            arr.append("<" + "".join(hexes) + ">")
            hexes.clear()
        if arr:
            out.append("[" + " ".join(arr) + "] TJ")
            arr.clear()

    for (subset, code), ch, x, y in zip(codes, chars, xs, ys):
        rise = round(-y, 2) + 0.0 if y else 0.0
        if subset != cur_subset or rise != cur_rise:
            flush()
            if subset != cur_subset:
                out.append(f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf")
                cur_subset = subset
            if rise != cur_rise:
                out.append(f"{rise:.2f} Ts")
                cur_rise = rise
        gap = x - cursor
        if gap > 1e-4 or gap < -1e-4:
            shift = round(gap * k, 1)
            if shift:
                if hexes:
                    arr.append("<" + "".join(hexes) + ">")
                    hexes.clear()
                arr.append(f"{-shift:.1f}")
                cursor += shift / k
        hexes.append(_HEX[code])
        cursor += widths[ord(ch)] / k  # the /Widths entry reportlab writes for this code
    flush()
    if cur_rise:
        out.append("0 Ts")
    return out


#: First strong letter's script -> a BCP 47 language for the document's /Lang.
_SCRIPT_LANG = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x04FF, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),
    (0xAC00, 0xD7AF, "ko"),
    (0x1100, 0x11FF, "ko"),
    (0x4E00, 0x9FFF, "zh"),
)


def document_lang(text: str) -> str:
    """A language for /Lang from the script of ``text`` (the first persona's name): the
    script says little of the language, so Latin and anything unknown is "en" (the
    app's own language); every run names its script's language itself."""
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        for lo, hi, lang in _SCRIPT_LANG:
            if lo <= cp <= hi:
                return "ja" if lang == "zh" and any(0x3040 <= ord(c) <= 0x30FF for c in text) else lang
        return "en"
    return "en"
