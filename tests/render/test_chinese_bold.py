"""Chinese names are bold, in the persona's own script forms; a face without a bold file is emboldened.

Simplified names take Noto Sans CJK SC Bold, Traditional ones Noto Sans CJK TC
Bold (by the characters, or a "zh-TW"/"zh-CN" tag); a kana persona keeps the
Japanese face. A character beyond the bold subsets (龘) falls back to the regular
Chinese face, which both painters then stroke as bold: never a box, never a
preflight line. Read back with poppler as a print shop would.
"""

from __future__ import annotations

import io
import re
import zlib

import pytest

from personadesigner.core.cardlayout import CardLayout, TextBlock, TextLine, TextRun
from personadesigner.core.fonts import SYNTHETIC_BOLD_STROKE
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.render.pdf import write_cards_pdf
from support.poppler import pdf_fonts, rasterize, run

SIMPLIFIED = "王小明"
TRADITIONAL = "陳美華"
RARE = "龘"  # in WenQuanYi (regular only), in neither bold subset


def name_faces(lay) -> set[str]:
    return {r.font for b in lay.text_blocks() if b.field == "name" for line in b.lines for r in line.runs}


@pytest.fixture(scope="module")
def chinese_pdf(tmp_path_factory):
    personas = [
        Persona(name=SIMPLIFIED, role="产品经理"),
        Persona(name=TRADITIONAL, role="產品經理"),
        Persona(name=f"{SIMPLIFIED[0]}{RARE}", role="PM"),
    ]
    layouts = [layout(p, "card", "classic") for p in personas]
    pdf = tmp_path_factory.mktemp("zh") / "names.pdf"
    write_cards_pdf(layouts, pdf, title="Chinese names")
    return pdf, layouts


def test_simplified_and_traditional_names_print_in_their_bold_faces_and_come_back(chinese_pdf):
    pdf, layouts = chinese_pdf
    assert name_faces(layouts[0]) == {"cjk-sc-bold"}
    assert name_faces(layouts[1]) == {"cjk-tc-bold"}
    fonts = {row.split()[0].split("+", 1)[1] for row in pdf_fonts(pdf)}
    assert {"NotoSansCJKsc-Bold", "NotoSansCJKtc-Bold"} <= fonts
    lines = run("pdftotext", str(pdf), "-").splitlines()
    assert SIMPLIFIED in lines and TRADITIONAL in lines


def test_a_name_character_beyond_the_bold_subsets_is_the_regular_face_emboldened_without_a_preflight_line(
    chinese_pdf,
):
    pdf, layouts = chinese_pdf
    lay = layouts[2]
    runs = [r for b in lay.text_blocks() if b.field == "name" for line in b.lines for r in line.runs]
    assert {r.font for r in runs if RARE in r.text} == {"cjk-bold"}
    assert all(r.glyphs and 0 not in r.glyphs for r in runs)  # no .notdef box
    assert not lay.preflight
    assert f"{SIMPLIFIED[0]}{RARE}" in run("pdftotext", str(pdf), "-").splitlines()
    assert any(row.split()[0].endswith("+WenQuanYiMicroHei-0-bold") for row in pdf_fonts(pdf))
    content = b"".join(_streams(pdf))
    assert re.search(rb"q [\d. ]+RG [\d.]+ w 1 j 2 Tr BT", content)  # filled and stroked, in the text's colour


def test_tags_name_the_script_and_kana_keep_the_japanese_face():
    assert name_faces(layout(Persona(name=SIMPLIFIED, role="PM", tags=["zh-TW"]), "card", "classic")) == {"cjk-tc-bold"}
    assert name_faces(layout(Persona(name=SIMPLIFIED, role="產品經理", tags=["zh-CN"]), "card", "classic")) == {
        "cjk-sc-bold"
    }
    assert name_faces(layout(Persona(name="佐藤 花子", role="デザイナー"), "card", "classic")) == {"cjk-jp-bold"}


def _streams(pdf) -> list[bytes]:
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf.read_bytes(), re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return out


def _two_runs(text: str, size: float = 40.0) -> CardLayout:
    """The same text in the regular face (left half) and its synthetic bold (right half)."""
    w = 2 * (size * len(text) + 40)
    lay = CardLayout(width=w, height=size * 2, bleed=0.0)
    for i, font in enumerate(("cjk", "cjk-bold")):
        x = 20 + i * w / 2
        run_ = TextRun(x, size * 1.3, text, font, size, "#000000", size * len(text))
        lay.items.append(TextBlock(x, 0, w / 2, size * 2, (TextLine((run_,), text),)))
    return lay


def _ink(image, left: bool) -> int:
    """Dark pixels in the left or right half of a grey-scale image."""
    g = image.convert("L")
    half = g.crop((0, 0, g.width // 2, g.height) if left else (g.width // 2, 0, g.width, g.height))
    return half.point(lambda v: 255 if v < 128 else 0).histogram()[255]


def test_the_pdf_strokes_a_synthetic_bold_run_so_it_carries_more_ink(tmp_path):
    pdf = tmp_path / "bold.pdf"
    write_cards_pdf([_two_runs("王明")], pdf, title="bold")
    image = rasterize(pdf, tmp_path, dpi=144)
    regular, bold = _ink(image, True), _ink(image, False)
    assert regular > 200 and bold > regular * 1.15, (regular, bold)
    assert run("pdftotext", str(pdf), "-").split() == ["王明", "王明"]


@pytest.mark.gui
def test_the_canvas_and_png_stroke_it_alike(qapp):
    from PIL import Image

    from personadesigner.render.png import png_bytes, render_png

    image = Image.open(io.BytesIO(png_bytes(render_png(_two_runs("王明"), dpi=144))))
    regular, bold = _ink(image, True), _ink(image, False)
    assert regular > 200 and bold > regular * 1.15, (regular, bold)


def test_the_stroke_is_a_small_part_of_the_em():
    assert 0.02 <= SYNTHETIC_BOLD_STROKE <= 0.06
