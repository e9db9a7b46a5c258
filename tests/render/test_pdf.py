"""The PDF painter, checked with poppler the way a print shop's tools read the file."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from personadesigner.core.units import PT_PER_MM
from personadesigner.render.pdf import write_cards_pdf
from support.hand_layouts import make_layout
from support.poppler import run

A6 = (105 * PT_PER_MM, 148 * PT_PER_MM)


def boxes(pdf) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for m in re.finditer(
        r"^(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", run("pdfinfo", "-box", str(pdf)), re.M
    ):
        out[m.group(1)] = tuple(float(v) for v in m.groups()[1:])
    return out


def size(box):
    return box[2] - box[0], box[3] - box[1]


def text_of(pdf) -> str:
    """pdftotext output without the embedding marks poppler puts around right-to-left lines."""
    text = run("pdftotext", str(pdf), "-")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def test_card_with_bleed_has_trim_bleed_and_media_boxes(tmp_path):
    pdf = tmp_path / "card.pdf"
    bleed = 3 * PT_PER_MM
    write_cards_pdf([make_layout(bleed=bleed)], pdf, crop_marks=True)
    b = boxes(pdf)
    tw, th = size(b["TrimBox"])
    assert abs(tw - A6[0]) < 0.05 and abs(th - A6[1]) < 0.05
    bw, bh = size(b["BleedBox"])
    assert abs(bw - (A6[0] + 2 * bleed)) < 0.05 and abs(bh - (A6[1] + 2 * bleed)) < 0.05
    # the bleed box is centred on the trim box, the media box holds both and the marks
    assert abs((b["TrimBox"][0] - b["BleedBox"][0]) - bleed) < 0.05
    mw, mh = size(b["MediaBox"])
    assert mw > bw + 10 and mh > bh + 10


def test_card_without_bleed_or_marks_is_exactly_the_trim(tmp_path):
    pdf = tmp_path / "card.pdf"
    write_cards_pdf([make_layout()], pdf)
    b = boxes(pdf)
    assert size(b["MediaBox"]) == size(b["TrimBox"])
    assert abs(size(b["MediaBox"])[0] - A6[0]) < 0.05


def test_every_font_is_embedded_as_a_subset(tmp_path):
    pdf = tmp_path / "fonts.pdf"
    texts = [("sans", "Plain"), ("serif-bolditalic", "Serif"), ("cjk", "漢字"), ("arabic", "مرحبا"), ("hebrew", "שלום")]
    write_cards_pdf([make_layout(texts)], pdf)
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    assert len(rows) >= 5
    for row in rows:
        name, *_, emb, sub, uni, _obj, _gen = row.split()
        assert (emb, sub) == ("yes", "yes"), row
        assert re.match(r"^[A-Z]{6}\+", name), row


def test_text_is_extractable_in_every_script_and_markup_stays_literal(tmp_path):
    pdf = tmp_path / "scripts.pdf"
    arabic = "مرحبا بالعالم"
    texts = [
        ("sans", "<b>R&D</b>"),
        ("cjk", "漢字"),
        ("sans", "Ελληνικά Кириллица"),
        ("arabic", arabic),  # logical order: the layout engine shapes and orders it
    ]
    write_cards_pdf([make_layout(texts)], pdf)
    text = text_of(pdf)
    for expected in ("<b>R&D</b>", "漢字", "Ελληνικά Кириллица", arabic):
        assert expected in text


def test_an_img_tag_is_printed_and_nothing_is_embedded(tmp_path):
    pdf = tmp_path / "img.pdf"
    layout = make_layout([("sans", '<img src="/etc/passwd">')])
    layout.items = [it for it in layout.items if type(it).__name__ != "ImageItem"]
    write_cards_pdf([layout], pdf)
    assert '<img src="/etc/passwd">' in text_of(pdf)
    assert "root:" not in pdf.read_bytes().decode("latin-1")
    listing = run("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert listing == []


def test_emoji_and_unknown_characters_do_not_crash(tmp_path):
    pdf = tmp_path / "emoji.pdf"
    write_cards_pdf([make_layout([("symbols", "ok 😀 ✓"), ("sans", "👍🏽 \U0010fffd \x00 text")])], pdf)
    assert "Pages:           1" in run("pdfinfo", str(pdf))
    text = text_of(pdf)
    assert "ok 😀 ✓" in text  # an emoji the symbols face has comes back as itself
    assert "text" in text


def test_metadata_names_the_personas_and_the_app(tmp_path):
    pdf = tmp_path / "meta.pdf"
    write_cards_pdf([make_layout()], pdf, title="Ada Lovelace, Zoë Ångström")
    info = run("pdfinfo", str(pdf))
    assert "Title:           Ada Lovelace, Zoë Ångström" in info
    assert re.search(r"Creator:\s+PersonaDesigner \d", info)


def test_one_page_per_card(tmp_path):
    pdf = tmp_path / "three.pdf"
    assert write_cards_pdf([make_layout(name=n) for n in "ABC"], pdf) == 3
    assert "Pages:           3" in run("pdfinfo", str(pdf))


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=40), st.sampled_from(["sans", "serif-bold", "cjk", "arabic", "hebrew", "symbols"]))
def test_any_text_in_any_face_makes_a_pdf_poppler_reads_to_the_end(tmp_path_factory, text, font):
    """Any text (brackets, backslashes, controls, unassigned code points) keeps the content
    stream intact: poppler reads the page and the name drawn after the fuzzed text."""
    pdf = tmp_path_factory.mktemp("fuzz") / "card.pdf"
    write_cards_pdf([make_layout([(font, text)], name="Ada Lovelace")], pdf)
    assert "Pages:           1" in run("pdfinfo", str(pdf))
    assert "Ada Lovelace" in text_of(pdf)


def test_crop_marks_sit_outside_the_bleed_at_every_trim_corner():
    from personadesigner.render.sheet import card_sheet

    bleed = 3 * PT_PER_MM
    sheet = card_sheet(make_layout(bleed=bleed), with_marks=True)
    bx, by, bw, bh = sheet.bleed_box
    tx, ty, tw, th = sheet.trim_box
    assert len(sheet.marks) == 8
    for x1, y1, x2, y2 in sheet.marks:
        # outside the bleed box, on the page, and on a trim line
        assert not (bx < max(x1, x2) and min(x1, x2) < bx + bw and by < max(y1, y2) and min(y1, y2) < by + bh)
        e = 1e-6
        assert (
            -e <= min(x1, x2)
            and max(x1, x2) <= sheet.width + e
            and -e <= min(y1, y2)
            and max(y1, y2) <= sheet.height + e
        )
        assert (x1 == x2 and x1 in (tx, tx + tw)) or (y1 == y2 and y1 in (ty, ty + th))


def test_the_background_fills_the_bleed_and_stops_there(tmp_path):
    from PIL import Image

    from personadesigner.core.cardlayout import Box

    bleed = 3 * PT_PER_MM
    layout = make_layout(bleed=bleed, background="#000000")
    # a background drawn far too large: the page must still end it at the bleed box
    layout.items[0] = Box(-40, -40, layout.width + 80, layout.height + 80, fill="#000000")
    pdf = tmp_path / "bleed.pdf"
    write_cards_pdf([layout], pdf, crop_marks=True)
    run("pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    page = Image.open(tmp_path / "page.png").convert("L")
    b = boxes(pdf)
    media_h = b["MediaBox"][3]
    x0, y0 = b["BleedBox"][0], media_h - b["BleedBox"][3]  # top-left of the bleed box, y down
    assert page.getpixel((round(x0) + 2, round(y0) + 2)) < 50  # inside the bleed: background
    assert page.getpixel((round(x0) - 3, round(y0) + 30)) > 200  # just outside: paper
