"""Poster tiling, pinned: sheets, each tile's part of the poster, its marks and label, the printer margin.

A tile's border is the 5 mm printer margin plus a whole mark (2 mm gap + 5 mm): 12 mm.
An A4 sheet turned landscape (297 x 210 mm) shows 273 x 186 mm of the poster and steps
263 x 176 mm (10 mm overlap). Numbers below are worked out by hand in mm.
"""

from __future__ import annotations

import pytest
from PIL import Image

from personadesigner.core.units import PT_PER_MM, Length
from personadesigner.errors import UserError
from personadesigner.render.pdf import write_pdf
from personadesigner.render.tiling import plan_tiles, tile
from support.hand_layouts import make_layout
from support.poppler import run

MM = PT_PER_MM
A2 = (Length.mm(420).pt, Length.mm(594).pt)


def mm(*values):
    return tuple(round(v * MM, 2) for v in values)


def _round(segments):
    return sorted(tuple(round(v, 2) for v in s) for s in segments)


def test_a2_poster_on_a4_takes_8_landscape_sheets(tmp_path):
    plan = plan_tiles(*A2, 0.0, "A4")
    # portrait 3 x 3 = 9 (ceil(410/176) x ceil(584/263)); landscape 2 columns x 4 rows = 8
    assert (plan.rows, plan.cols, plan.count) == (4, 2, 8)
    assert (round(plan.sheet_w / MM), round(plan.sheet_h / MM)) == (297, 210)
    assert (round(plan.area_w / MM, 3), round(plan.area_h / MM, 3)) == (273, 186)
    pdf = tmp_path / "poster.pdf"
    assert write_pdf(tile(make_layout(width=A2[0], height=A2[1]), plan), pdf) == 8
    info = run("pdfinfo", str(pdf))
    assert "Pages:           8" in info and "841.89 x 595.276 pts (A4)" in info
    text = run("pdftotext", "-f", "3", "-l", "3", str(pdf), "-")
    assert "row 2, column 1 of 4 x 2" in text


def test_first_tile_marks_are_pinned():
    (first, *_) = tile(make_layout(width=A2[0], height=A2[1]), plan_tiles(*A2, 0.0, "A4"))
    (p,) = first.placements
    assert tuple(round(v, 2) for v in p.clip) == mm(12, 12, 273, 186)
    assert (round(p.x, 2), round(p.y, 2)) == mm(12, 12)
    expected = [
        # crop marks at the corners of the printed part (x 12..285, y 12..198 mm)
        mm(12, 5, 12, 10),
        mm(12, 200, 12, 205),
        mm(285, 5, 285, 10),
        mm(285, 200, 285, 205),
        mm(5, 12, 10, 12),
        mm(287, 12, 292, 12),
        mm(5, 198, 10, 198),
        mm(287, 198, 292, 198),
        # where the next column's sheet is pasted: x = 12 + 263 mm
        mm(275, 5, 275, 10),
        mm(275, 200, 275, 205),
        # where the next row's sheet is pasted: y = 12 + 176 mm
        mm(5, 188, 10, 188),
        mm(287, 188, 292, 188),
    ]
    assert _round(first.marks) == sorted(expected)
    (label,) = first.labels
    assert label.text == "row 1, column 1 of 4 x 2"
    assert (round(label.x, 2), round(label.y, 2)) == mm(14, 203.5)  # 5 mm margin + 1.5 mm under the baseline


def test_last_tile_shows_the_poster_corner_and_has_only_its_crop_marks():
    sheets = list(tile(make_layout(width=A2[0], height=A2[1]), plan_tiles(*A2, 0.0, "A4")))
    (p,) = sheets[-1].placements
    # column 2 starts at 263 mm (157 mm left of 420), row 4 at 3 x 176 = 528 mm (66 left of 594)
    assert tuple(round(v, 2) for v in p.clip) == mm(12, 12, 157, 66)
    assert (round(p.x, 2), round(p.y, 2)) == mm(12 - 263, 12 - 528)
    assert _round(sheets[-1].marks) == sorted(
        [
            mm(12, 5, 12, 10),
            mm(12, 80, 12, 85),
            mm(169, 5, 169, 10),
            mm(169, 80, 169, 85),
            mm(5, 12, 10, 12),
            mm(171, 12, 176, 12),
            mm(5, 78, 10, 78),
            mm(171, 78, 176, 78),
        ]
    )
    assert [len(s.marks) for s in sheets] == [12, 10, 12, 10, 12, 10, 10, 8]
    assert [s.labels[0].text for s in sheets][-1] == "row 4, column 2 of 4 x 2"


def test_a4_tiles_print_nothing_in_the_5mm_margin_and_every_mark_whole(tmp_path):
    plan = plan_tiles(*A2, 0.0, "A4")
    sheets = list(tile(make_layout(width=A2[0], height=A2[1]), plan))
    for s in sheets:
        for x1, y1, x2, y2 in s.marks:
            assert abs(x2 - x1) + abs(y2 - y1) == pytest.approx(5 * MM)
            assert min(x1, x2) >= 5 * MM - 1e-6 and max(x1, x2) <= s.width - 5 * MM + 1e-6
            assert min(y1, y2) >= 5 * MM - 1e-6 and max(y1, y2) <= s.height - 5 * MM + 1e-6
    pdf = tmp_path / "poster.pdf"
    write_pdf(sheets, pdf)
    run("pdftoppm", "-r", "72", "-png", str(pdf), str(tmp_path / "tile"))
    for n in range(1, 9):
        page = Image.open(tmp_path / f"tile-{n}.png").convert("L")
        w, h = page.size
        edge = 14  # 5 mm at 72 dpi is 14.2 px
        for box in ((0, 0, w, edge), (0, h - edge, w, h), (0, 0, edge, h), (w - edge, 0, w, h)):
            assert page.crop(box).getextrema() == (255, 255), (n, box)


def test_tiles_cover_the_whole_poster_with_its_bleed():
    bleed = 3 * MM
    poster = make_layout(width=A2[0], height=A2[1], bleed=bleed)
    plan = plan_tiles(*A2, bleed, "A4")
    parts = []
    for sheet in tile(poster, plan):
        (p,) = sheet.placements
        cx, cy, cw, ch = p.clip
        assert cx >= 12 * MM - 1e-6 and cx + cw <= sheet.width - 12 * MM + 1e-6
        assert cy >= 12 * MM - 1e-6 and cy + ch <= sheet.height - 12 * MM + 1e-6
        parts.append((cx - p.x, cy - p.y, cw, ch))
    # the parts end exactly at the poster's bleed edge, never beyond
    assert max(px + pw for px, _, pw, _ in parts) == pytest.approx(A2[0] + bleed)
    assert max(py + ph for _, py, _, ph in parts) == pytest.approx(A2[1] + bleed)
    assert min(px for px, *_ in parts) == pytest.approx(-bleed)
    step = 5.0
    y = -bleed
    while y <= A2[1] + bleed:
        x = -bleed
        while x <= A2[0] + bleed:
            assert any(
                px - 1e-6 <= x <= px + pw + 1e-6 and py - 1e-6 <= y <= py + ph + 1e-6 for px, py, pw, ph in parts
            ), (x, y)
            x += step
        y += step


def test_neighbouring_tiles_overlap_by_10mm():
    sheets = list(tile(make_layout(width=A2[0], height=A2[1]), plan_tiles(*A2, 0.0, "A4")))
    first, right, below = sheets[0].placements[0], sheets[1].placements[0], sheets[2].placements[0]
    assert (first.clip[0] - first.x + first.clip[2]) - (right.clip[0] - right.x) == pytest.approx(10 * MM)
    assert (first.clip[1] - first.y + first.clip[3]) - (below.clip[1] - below.y) == pytest.approx(10 * MM)


def test_a_card_smaller_than_the_area_is_one_tile_and_a_bigger_margin_costs_sheets():
    assert plan_tiles(100.0, 100.0, 0.0, "A4").count == 1
    # A1 (594 x 841 mm): landscape 3 columns (584/263) x 5 rows (831/176) = 15;
    # a 10 mm printer margin (17 mm borders): portrait 4 x 4 = 16 beats landscape 3 x 6
    assert plan_tiles(594 * MM, 841 * MM, 0.0, "A4").count == 15
    plan = plan_tiles(594 * MM, 841 * MM, 0.0, "A4", printer_margin=10 * MM)
    assert (plan.count, plan.cols, plan.rows, plan.sheet_w < plan.sheet_h) == (16, 4, 4, True)


def test_a_margin_that_leaves_no_room_is_a_user_error():
    with pytest.raises(UserError, match=r"^An A6 sheet leaves no room for a tile inside a 45 mm printer margin; "):
        plan_tiles(*A2, 0.0, "A6", printer_margin=45 * MM)  # 105 - 2 x 52 mm leaves 1 mm
    with pytest.raises(UserError, match=r"^A Letter sheet leaves no room for a tile inside a 100 mm printer margin; "):
        plan_tiles(*A2, 0.0, "Letter", printer_margin=100 * MM)


def test_labels_are_small_sans_in_the_mark_colour():
    sheets = list(tile(make_layout(width=A2[0], height=A2[1]), plan_tiles(*A2, 0.0, "A4")))
    labels = [s.labels[0] for s in sheets]
    assert {(lab.font, lab.size, lab.color) for lab in labels} == {("sans", 7.0, "#000000")}
    assert [lab.text for lab in labels][1:3] == ["row 1, column 2 of 4 x 2", "row 2, column 1 of 4 x 2"]


def test_the_bleed_counts_when_the_tiles_are_counted():
    # landscape A4 tiles show 273 mm and step 263: 536 mm + 2 x 3 mm bleed needs 3 columns, 536 alone 2
    assert plan_tiles(536 * MM, 100 * MM, 0.0, "A4").count == 2
    assert plan_tiles(536 * MM, 100 * MM, 3 * MM, "A4").count == 3
    # 529.9 + 6 = 535.9 mm still 2 columns (525.9 / 263 < 2)
    assert plan_tiles(529.9 * MM, 100 * MM, 3 * MM, "A4").count == 2
    assert plan_tiles(100 * MM, 529.9 * MM, 3 * MM, "A4").count == 2
    assert plan_tiles(100 * MM, 536 * MM, 3 * MM, "A4").count == 3
