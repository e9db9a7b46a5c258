"""Every script a persona may be written in: shaped, embedded, and given back as typed by pdftotext.

Names go through the real layout engine (the `card` template) into a PDF; poppler
reads it the way search and copy-paste do. pdftotext's default mode puts its own
embedding marks (U+202A-U+202E) around right-to-left lines; those are its output
format, not the file's (the file's text holds no bidi controls: checked below),
so they are the only characters removed before comparing.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace

import pytest

from personadesigner.core import shaping as S
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.render.pdf import write_cards_pdf
from support.poppler import run

NAMES = {
    "hindi": "अनन्या शर्मा",
    "marathi": "क्षितिज देशपांडे",
    "thai": "สมชาย ใจดี",
    "korean": "김민준",
    "japanese": "佐藤 花子",
    "japanese_kana": "さとう はなこ",
    "arabic": "ليلى حداد",
    "hebrew": "דוד כהן",
    "greek": "Μαρία Παπαδοπούλου",
    "bengali": "অনন্যা রায়",
    "tamil": "அருண் குமார்",
    "chinese": "王小明",
}
_POPPLER_MARKS = dict.fromkeys(range(0x202A, 0x202F))


def pdftotext(pdf) -> str:
    return run("pdftotext", str(pdf), "-").translate(_POPPLER_MARKS)


@pytest.fixture(scope="module")
def cards_pdf(tmp_path_factory):
    layouts = [layout(Persona(name=name, role="Product manager"), "card", "classic") for name in NAMES.values()]
    pdf = tmp_path_factory.mktemp("scripts") / "names.pdf"
    write_cards_pdf(layouts, pdf, title="Names")
    return pdf, layouts


@pytest.mark.parametrize("script", sorted(NAMES))
def test_the_name_comes_back_exactly_as_typed(cards_pdf, script):
    pdf, _layouts = cards_pdf
    lines = pdftotext(pdf).splitlines()
    name = NAMES[script]
    # a long name may wrap between its words on the narrow card: its lines follow each other
    words = name.split(" ")
    assert name in lines or any(lines[k : k + len(words)] == words for k in range(len(lines)))


def test_arabic_comes_back_as_letters_in_logical_order_not_presentation_forms(cards_pdf):
    pdf, _ = cards_pdf
    text = pdftotext(pdf)
    assert "ليلى حداد" in text
    assert not any(0xFB50 <= ord(ch) <= 0xFEFF for ch in text)  # no presentation forms
    assert not any(ord(ch) >= 0xF0000 for ch in text)  # no private-use codes of shaped glyphs


def test_no_name_is_drawn_with_a_notdef_box(cards_pdf):
    _pdf, layouts = cards_pdf
    for lay, name in zip(layouts, NAMES.values()):
        (block,) = [b for b in lay.text_blocks() if b.field == "name"]
        runs = [r for line in block.lines for r in line.runs]
        assert runs and all(r.glyphs and 0 not in r.glyphs for r in runs), name
        assert not lay.preflight, name


def test_names_are_bold_in_every_script_with_japanese_forms_for_kana(cards_pdf):
    _pdf, layouts = cards_pdf
    faces = {
        name: {r.font for b in lay.text_blocks() if b.field == "name" for line in b.lines for r in line.runs}
        for lay, name in zip(layouts, NAMES.values())
    }
    assert faces["अनन्या शर्मा"] == {"devanagari-bold"}
    assert faces["สมชาย ใจดี"] == {"thai-bold"}
    assert faces["김민준"] == {"cjk-kr-bold"}
    assert faces["さとう はなこ"] == {"cjk-jp-bold"}
    assert faces["ليلى حداد"] == {"arabic-bold"}
    assert faces["דוד כהן"] == {"hebrew-bold"}


def test_every_face_is_an_embedded_subset(cards_pdf):
    pdf, _ = cards_pdf
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    names = {row.split()[0].split("+", 1)[1] for row in rows}
    assert {
        "NotoSansDevanagari-Bold",
        "NotoSansThai-Bold",
        "NotoSansArabic-Bold",
        "NotoSansHebrew-Bold",
        "NotoSansBengali-Bold",
        "NotoSansTamil-Bold",
    } <= names
    assert any(n.startswith("NotoSansCJKkr-Bold") for n in names) and any(
        n.startswith("NotoSansCJKjp-Bold") for n in names
    )
    for row in rows:
        name, *_, emb, sub, uni, _obj, _gen = row.split()
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
        assert re.match(r"^[A-Z]{6}\+", name), row


def _streams(pdf) -> list[bytes]:
    data = pdf.read_bytes()
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return out


def test_the_file_has_its_language_title_and_no_bidi_controls(cards_pdf):
    pdf, _ = cards_pdf
    data = pdf.read_bytes()
    assert b"/Lang (en)" in data and b"/DisplayDocTitle true" in data
    assert "Title:           Names" in run("pdfinfo", str(pdf))
    content = b"".join(_streams(pdf))
    assert b"/Lang (hi)" in content and b"/Lang (ar)" in content  # spans name their script's language
    # every text the file gives (ToUnicode entries, ActualText spans), as UTF-16 units
    texts = re.findall(rb"<[0-9A-F]{2}> <([0-9A-F]+)>", content) + re.findall(
        rb"/ActualText <FEFF([0-9A-F]*)>", content
    )
    units = {t[i : i + 4].decode() for t in texts for i in range(0, len(t), 4)}
    assert units and not units & {
        "202A",
        "202B",
        "202C",
        "202D",
        "202E",
        "200E",
        "200F",
        "2066",
        "2067",
        "2068",
        "2069",
    }


def test_pdf_draws_the_shaped_glyph_ids(tmp_path):
    """The conjunct क्ष is one glyph in the layout and in the PDF's embedded subset."""
    lay = layout(Persona(name="क्ष"), "card", "classic")
    (block,) = [b for b in lay.text_blocks() if b.field == "name"]
    (run_,) = block.lines[0].runs
    assert len(run_.glyphs) == 1 and run_.glyphs[0] not in {S.nominal_glyph("devanagari-bold", ord(c)) for c in "क्ष"}
    pdf = tmp_path / "ksa.pdf"
    write_cards_pdf([lay], pdf)
    assert "क्ष" in pdftotext(pdf).splitlines()
    # one glyph shown for the name: a TJ array with a single code after the name's ActualText
    content = b"\n".join(_streams(pdf)).decode("latin-1")
    span = content[content.index("/ActualText <FEFF0915094D0937>") :]
    span = span[: span.index("EMC")]
    (array,) = re.findall(r"\[(.*?)\] TJ", span)
    assert len(re.findall(r"<[0-9A-F]{2}>", array)) == 1


def test_png_and_pdf_draw_the_same_glyphs(tmp_path, qapp):
    """The canvas/PNG painter and the PDF show the Thai name alike (pixel comparison at 72 dpi)."""
    import io

    from PIL import Image, ImageChops

    from personadesigner.core.cardlayout import CardLayout
    from personadesigner.render.png import png_bytes, render_png

    lay = layout(Persona(name="สมชาย ใจดี"), "card", "classic")
    (block,) = [b for b in lay.text_blocks() if b.field == "name"]
    black = tuple(replace(line, runs=tuple(replace(r, color="#000000") for r in line.runs)) for line in block.lines)
    block = replace(block, lines=black)  # the name alone, black on white
    only = CardLayout(lay.width, lay.height, 0.0, items=[block])
    pdf = tmp_path / "thai.pdf"
    write_cards_pdf([only], pdf)
    run("pdftoppm", "-png", "-r", "144", "-singlefile", str(pdf), str(tmp_path / "thai"))
    from_pdf = Image.open(tmp_path / "thai.png").convert("L")
    from_qt = Image.open(io.BytesIO(png_bytes(render_png(only, dpi=144)))).convert("L").resize(from_pdf.size)
    box = tuple(round(v * 2) for v in (block.x, block.y, block.x + block.w, block.y + block.h))
    a, b = from_pdf.crop(box), from_qt.crop(box)
    assert a.getextrema()[0] < 128 and b.getextrema()[0] < 128  # ink in both
    diff = ImageChops.difference(a.point(lambda v: v < 128 and 255), b.point(lambda v: v < 128 and 255))
    differing = sum(1 for v in diff.getdata() if v)
    inked = sum(1 for v in a.point(lambda v: v < 128 and 255).getdata() if v)
    assert differing < inked * 0.25  # the same glyphs at the same places: only antialiasing edges differ


def test_the_document_language_follows_the_first_name_script():
    from personadesigner.render.pdf_glyphs import document_lang

    assert document_lang("अनन्या शर्मा") == "hi" and document_lang("ليلى حداد") == "ar"
    assert document_lang("さとう はなこ") == "ja" and document_lang("김민준") == "ko"
    assert document_lang("Ada Lovelace") == "en" and document_lang("") == "en"


def test_a_line_of_digits_and_signs_in_a_right_to_left_paragraph_comes_back_as_typed(tmp_path):
    """Wrapped off a Hebrew paragraph, "0<" is drawn right to left ("<" then "0" on the page);
    copy and pdftotext must still give "0<", not the visual "<0"."""
    from personadesigner.core import text as T
    from personadesigner.core.cardlayout import CardLayout, TextBlock, TextLine

    pieces, x, runs = T.shape_line("0<", T.TextStyle("sans", 12), base_dir="R"), 20.0, []
    assert [p.text for p in pieces] == ["<", "0"]  # the page order
    for piece in pieces:
        runs.append(T.text_run(piece, x, 40.0, 12, "#000000"))
        x += piece.width
    block = TextBlock(20.0, 28.0, 100.0, 16.0, (TextLine(tuple(runs), "0<"),), field="goals")
    out = tmp_path / "line.pdf"
    write_cards_pdf([CardLayout(200.0, 100.0, 0.0, [block])], out)
    assert run("pdftotext", str(out), "-").split() == ["0<"]
