"""Arbitrary Unicode through layout, PDF and PNG: no crash, and the PDF says what was laid out.

The PDF's text (pdftotext) is compared with the logical text of the layout's
lines, as typed: every run carries its own text (ActualText, or ToUnicode
entries naming each shaped glyph's characters), so even a character no bundled
font has (drawn as a .notdef box and reported in the preflight) comes back as
itself. Compared NFKC-normalised (compatibility characters such as "ﬁ") and
without whitespace or bidi format marks (pdftotext adds RLE/PDF around RTL
runs and spaces inside letter-spaced headings).
pdftotext runs in -raw mode (content-stream order; its default reading-order
mode drops a lone "-" as a hyphenation); lines are compared as a character
multiset, and lines without RTL text also as exact substrings.
"""

from __future__ import annotations

import collections
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personadesigner.core import text as core_text
from personadesigner.core.layout import layout
from personadesigner.core.persona import NAME_MAX, Persona
from personadesigner.render.pdf import write_cards_pdf
from support import poppler

SPECIAL = list("<>&\"'/\\;{}[]%$#@!=+-*`~|") + [
    "<b>",
    "</p>",
    "<para>",
    "&amp;",
    "&#x41;",
    "<font color=red>",
    "<br/>",  # markup-looking
    "\x00",
    "\x07",
    "\x1b[31m",
    "\t",
    "\r\n",
    "\u200b",
    "\u200d",
    "\u202e",
    "\ufeff",
    "\u2028",  # controls
    "שלום",
    "עולם",
    "مرحبا",
    "بالعالم",
    "\u0627\u0644\u0644\u0647",  # RTL
    "e\u0301",
    "a\u0308\u0323",
    "\u0915\u094d\u0937",  # combining marks, conjuncts
    "😀",
    "👩‍👩‍👧",
    "🇸🇪",
    "✈️",
    "👍🏽",  # emoji, ZWJ sequences, flags, modifiers
    "李雷",
    "東京",
    "한국어",
    "ﬁ",
    "Å",
    "ß",
    "İ",
    "\U0001d400",
    "\U000e0001",
]
pieces = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    st.text(alphabet="abcdefghij ", min_size=1, max_size=20),
)
texts = st.lists(pieces, max_size=12).map("".join)
names = texts.map(lambda s: s[:NAME_MAX]).filter(lambda s: s.strip())
personas = st.builds(
    Persona,
    name=names,
    type=st.sampled_from(["customer", "negative", "buyer"]),
    role=texts,
    quote=texts,
    story=texts,
    company=texts,
    goals=st.lists(texts, max_size=4),
    tags=st.lists(texts, max_size=3),
)

_BIDI_MARKS = {
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u200e",
    "\u200f",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace() and c not in _BIDI_MARKS and unicodedata.category(c) != "Cf")


def _expected_lines(lay) -> list[str]:
    return [_norm(line.text) for b in lay.text_blocks() for line in b.lines]


def _pdf_text(lay, tmp_path) -> str:
    pdf = tmp_path / "card.pdf"
    write_cards_pdf([lay], pdf)
    return _norm(poppler.pdf_text(pdf, raw=True))


def _assert_pdf_matches_layout(lay, tmp_path):
    expected = _expected_lines(lay)
    got = _pdf_text(lay, tmp_path)
    want = collections.Counter("".join(expected))
    have = collections.Counter(got)
    assert want == have, f"missing {want - have}, extra {have - want}"
    for line in expected:
        if not core_text.has_rtl(line):
            assert line in got, line


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(persona=personas, template=st.sampled_from(["card", "mini"]))
def test_any_unicode_lays_out_and_the_pdf_text_is_what_was_laid_out(persona, template, tmp_path):
    lay = layout(persona, template, "classic")
    _assert_pdf_matches_layout(lay, tmp_path)


#: Characters that leave ink (letters, digits, punctuation, symbols), minus the few blank by design.
_BLANK_BY_DESIGN = set("\u115f\u1160\u3164\uffa0\u2800")


def _inked(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNPS" and ch not in _BLANK_BY_DESIGN


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(persona=personas)
def test_any_unicode_paints_ink_where_the_layout_has_text(persona, qapp):
    """Hostile text paints without a crash, and every run with a visible character leaves ink in its box."""
    import io

    from PIL import Image

    from personadesigner.render.png import png_bytes, render_png

    lay = layout(persona, "card", "classic")
    scale = 2  # 144 dpi: two pixels per point
    image = Image.open(io.BytesIO(png_bytes(render_png(lay, dpi=72 * scale)))).convert("L")
    for run in lay.runs():
        if not any(_inked(c) for c in run.text) or run.width < 0.5:
            continue
        box = (run.x * scale, (run.y - run.size) * scale, (run.x + run.width) * scale, (run.y + run.size * 0.3) * scale)
        low, high = image.crop(tuple(round(v) for v in box)).getextrema()
        assert low != high, f"no ink for {run.text!r} ({run.font}, {run.size:.1f} pt)"


@pytest.mark.parametrize("filler", ["word ", "שלום ", "مرحبا ", "李", "e\u0301", "😀", "<b>&amp;"])
def test_hundred_thousand_characters_are_cut_and_declared_not_crashed(filler, tmp_path, qapp):
    from personadesigner.render.png import png_bytes, render_png

    huge = (filler * (100_000 // len(filler) + 1))[:100_000]
    persona = Persona(name=huge[:NAME_MAX].strip() or "X", role=huge, quote=huge, story=huge, goals=[huge, huge])
    lay = layout(persona, "card", "classic")
    assert lay.preflight, "cutting 100,000 characters must be declared"
    assert {c.field for c in lay.preflight} >= {"quote"} or {c.field for c in lay.preflight} >= {"role"}
    _assert_pdf_matches_layout(lay, tmp_path)
    assert png_bytes(render_png(lay, dpi=72)).startswith(b"\x89PNG")
