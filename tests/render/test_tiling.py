"""Poster tiling: how many sheets, labels on each, and no part of the poster left out."""

from __future__ import annotations

from support.hand_layouts import make_layout
from support.poppler import run
from personadesigner.core.units import PT_PER_MM, Length
from personadesigner.render.pdf import write_pdf
from personadesigner.render.tiling import plan_tiles, tile

A2 = (Length.mm(420).pt, Length.mm(594).pt)


def test_a2_poster_on_a4_takes_8_landscape_sheets(tmp_path):
    plan = plan_tiles(*A2, 0.0, "A4")
    assert (plan.rows, plan.cols, plan.count) == (4, 2, 8)
    pdf = tmp_path / "poster.pdf"
    assert write_pdf(tile(make_layout(width=A2[0], height=A2[1]), plan), pdf) == 8
    info = run("pdfinfo", str(pdf))
    assert "Pages:           8" in info and "841.89 x 595.276 pts (A4)" in info
    text = run("pdftotext", "-f", "3", "-l", "3", str(pdf), "-")
    assert "row 2, column 1 of 4 x 2" in text


def test_tiles_cover_the_whole_poster_with_its_bleed():
    bleed = 3 * PT_PER_MM
    poster = make_layout(width=A2[0], height=A2[1], bleed=bleed)
    plan = plan_tiles(*A2, bleed, "A4")
    # each tile: the part of the poster (trim coordinates) it shows
    parts = []
    for sheet in tile(poster, plan):
        (p,) = sheet.placements
        cx, cy, cw, ch = p.clip
        assert 0 <= cx and cx + cw <= sheet.width and 0 <= cy and cy + ch <= sheet.height
        parts.append((cx - p.x, cy - p.y, cw, ch))
    step = 5.0  # sample the poster every 5 pt, bleed included
    y = -bleed
    while y <= A2[1] + bleed:
        x = -bleed
        while x <= A2[0] + bleed:
            assert any(px - 1e-6 <= x <= px + pw + 1e-6 and py - 1e-6 <= y <= py + ph + 1e-6 for px, py, pw, ph in parts), (x, y)
            x += step
        y += step


def test_neighbouring_tiles_overlap_for_pasting():
    plan = plan_tiles(*A2, 0.0, "A4")
    sheets = list(tile(make_layout(width=A2[0], height=A2[1]), plan))
    first, right = sheets[0].placements[0], sheets[1].placements[0]
    first_end = first.clip[0] - first.x + first.clip[2]
    right_start = right.clip[0] - right.x
    assert abs((first_end - right_start) - 10 * PT_PER_MM) < 0.01


def test_a_card_smaller_than_the_sheet_is_one_tile():
    plan = plan_tiles(100.0, 100.0, 0.0, "A4")
    assert plan.count == 1
