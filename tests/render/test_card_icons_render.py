"""Card icons on paper, on screen and in PowerPoint: vector outlines where the layout put them,
the same place in the PDF and the Qt PNG, never in the text layer, press colours in CMYK."""

from __future__ import annotations

import dataclasses
import io

import pikepdf
import pytest
from PIL import Image

from personadesigner.core.cardlayout import Icon
from personadesigner.core.layout import layout
from personadesigner.render.pdf import write_cards_pdf
from support.card_icons import icon_template
from support.layout_samples import full
from support.poppler import pdf_text, rasterize

DPI = 150


@pytest.fixture(scope="module")
def card():
    persona = dataclasses.replace(full(), channels=["LinkedIn groups", "Marketing newsletters", "Trade shows"])
    return layout(persona, icon_template("card"), "classic")


def _icons(card) -> list[Icon]:
    return [it for it in card.items if isinstance(it, Icon)]


def _rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


def _ink_box(image: Image.Image, icon: Icon, margin_pt: float = 1.0):
    """The pixel bounding box (x0, y0, x1, y1) of the icon's colour inside its box (plus a margin)."""
    k = DPI / 72.0
    x0, y0 = int((icon.x - margin_pt) * k), int((icon.y - margin_pt) * k)
    x1, y1 = int((icon.x + icon.size + margin_pt) * k) + 1, int((icon.y + icon.size + margin_pt) * k) + 1
    ink = _rgb(icon.color)
    background = image.getpixel((x0, y0))
    half = sum((a - b) ** 2 for a, b in zip(ink, background, strict=True)) / 4
    found = [
        (x, y)
        for y in range(y0, y1)
        for x in range(x0, x1)
        if sum((a - b) ** 2 for a, b in zip(image.getpixel((x, y)), ink, strict=True)) < half
    ]
    if not found:
        return None
    xs, ys = [p[0] for p in found], [p[1] for p in found]
    return min(xs), min(ys), max(xs), max(ys), len(found)


def test_the_pdf_draws_each_icon_as_round_capped_vector_strokes_where_the_layout_put_it(card, tmp_path):
    out = tmp_path / "icons.pdf"
    write_cards_pdf([card], out)
    with pikepdf.open(out) as pdf:
        ops = [(operands, str(op)) for operands, op in pikepdf.parse_content_stream(pdf.pages[0])]
    spans, start = [], None  # the operators between round caps on and butt caps back: one icon each
    for i, (operands, op) in enumerate(ops):
        if op == "J":
            if float(operands[0]) == 1:
                start = i
            else:
                spans.append([o for _, o in ops[start:i]])
    assert len(spans) == len(_icons(card))
    for span in spans:
        assert span.count("m") >= 1 and span.count("S") == 1 and set(span) <= {"J", "j", "m", "l", "c", "h", "S"}
    ops = [op for _operands, op in ops]
    assert "Do" not in ops  # no image XObject drawn for them (this card has no photo)
    page = rasterize(out, tmp_path, dpi=DPI)
    for icon in _icons(card):
        box = _ink_box(page, icon)
        assert box is not None and box[4] >= 8, f"no ink where {icon.name} should be"


def test_the_qt_png_and_the_pdf_put_every_icon_in_the_same_place(qapp, card, tmp_path):
    from personadesigner.render.png import png_bytes, render_png

    out = tmp_path / "icons.pdf"
    write_cards_pdf([card], out)
    pdf_page = rasterize(out, tmp_path, dpi=DPI)
    qt_page = Image.open(io.BytesIO(png_bytes(render_png(card, dpi=DPI)))).convert("RGB")
    assert max(abs(a - b) for a, b in zip(qt_page.size, pdf_page.size, strict=True)) <= 1  # pixel rounding
    icons = _icons(card)
    assert {i.name for i in icons} >= {"target", "mood-sad", "speakerphone", "brand-linkedin", "mail", "calendar-event"}
    for icon in icons:
        a, b = _ink_box(pdf_page, icon), _ink_box(qt_page, icon)
        assert a is not None and b is not None, icon.name
        assert max(abs(p - q) for p, q in zip(a[:4], b[:4], strict=True)) <= 1, (icon.name, a, b)


def test_icons_never_reach_the_text_layer(card, tmp_path):
    with_icons, without = tmp_path / "icons.pdf", tmp_path / "plain.pdf"
    write_cards_pdf([card], with_icons)
    persona = dataclasses.replace(full(), channels=["LinkedIn groups", "Marketing newsletters", "Trade shows"])
    write_cards_pdf([layout(persona, "card", "classic")], without)
    text = pdf_text(with_icons)
    for icon in _icons(card):
        assert icon.name not in text
    assert sorted(text.split()) == sorted(pdf_text(without).split())  # the same words, nothing more


def test_a_cmyk_pdf_strokes_icons_in_press_colours(card, tmp_path):
    out = tmp_path / "press.pdf"
    write_cards_pdf([card], out, color="cmyk")
    with pikepdf.open(out) as pdf:
        ops = [(str(op), list(operands)) for operands, op in pikepdf.parse_content_stream(pdf.pages[0])]
    stroke_colours = [
        next(op for op, _ in reversed(ops[:i]) if op in ("K", "RG", "G", "SC", "SCN"))
        for i, (op, operands) in enumerate(ops)
        if op == "J" and float(operands[0]) == 1
    ]
    assert stroke_colours and set(stroke_colours) == {"K"}
    assert not any(op in ("rg", "RG") for op, _ in ops)


def test_pptx_gets_one_editable_freeform_per_icon_in_its_box(card, tmp_path):
    from pptx import Presentation
    from pptx.util import Pt

    from personadesigner.render.pptx_painter import EMU_PER_PT, PptxPainter

    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(card.width), Pt(card.height)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    PptxPainter().draw_layout(slide, card, 0.0, 0.0, 1.0)
    out = tmp_path / "icons.pptx"
    prs.save(out)
    shapes = [sh for sh in Presentation(out).slides[0].shapes if sh.name.startswith("Icon ")]
    icons = _icons(card)
    assert [sh.name.split()[1] for sh in shapes] == [i.name for i in icons]
    for sh, icon in zip(shapes, icons, strict=True):
        assert abs(sh.left - icon.x * EMU_PER_PT) <= 1 and abs(sh.top - icon.y * EMU_PER_PT) <= 1
        assert abs(sh.width - icon.size * EMU_PER_PT) <= 1
        xml = sh._element.xml
        assert 'cap="rnd"' in xml and "<a:round/>" in xml and "<a:lnTo>" in xml
        points = [int(v) for v in __import__("re").findall(r'<a:pt x="(-?\d+)" y="(-?\d+)"', xml) for v in v]
        assert min(points) >= 0 and max(points) <= sh.width  # the outline stays in the icon's box
