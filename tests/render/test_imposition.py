"""N-up sheets: page counts, orientation, marks that never touch a card, blank empty slots."""

from __future__ import annotations

import pytest
from PIL import Image

from support.hand_layouts import make_layout
from support.poppler import run
from personadesigner.core.units import PT_PER_MM
from personadesigner.errors import UserError
from personadesigner.render.imposition import impose, plan_grid
from personadesigner.render.pdf import write_pdf

MINI = (252.0, 144.0)  # 3.5 x 2 in business card


def minis(n, bleed=0.0):
    return [make_layout(width=MINI[0], height=MINI[1], bleed=bleed, name=f"Card {i}") for i in range(n)]


def test_23_mini_cards_10_up_on_letter_make_3_pages(tmp_path):
    grid = plan_grid(*MINI, 0.0, "Letter", 10)
    assert (grid.cols * grid.rows, grid.per_page) == (10, 10)
    pdf = tmp_path / "sheets.pdf"
    assert write_pdf(impose(minis(23), grid, with_marks=True), pdf) == 3
    info = run("pdfinfo", "-box", str(pdf))
    assert "Pages:           3" in info
    assert "612 x 792 pts (letter)" in info
    assert _no_card_trim_box(info)


def _no_card_trim_box(info: str) -> bool:
    """An imposed page's TrimBox is the whole sheet (poppler's default), not one card."""
    lines = {line.split(":")[0]: line.split(":")[1].split() for line in info.splitlines() if "Box:" in line}
    return lines["TrimBox"] == lines["MediaBox"]


def test_auto_fills_a4_in_the_orientation_that_holds_more():
    portrait = plan_grid(*MINI, 0.0, "A4", "auto")
    assert (portrait.per_page, portrait.sheet_w < portrait.sheet_h) == (10, True)
    # 130 x 80 mm cards: 3 fit upright, 4 on a landscape sheet
    landscape = plan_grid(130 * PT_PER_MM, 80 * PT_PER_MM, 0.0, "A4", "auto")
    assert landscape.per_page == 4 and landscape.sheet_w > landscape.sheet_h
    assert len(list(impose(minis(23), portrait))) == 3


def test_cards_stay_on_the_sheet_and_never_overlap():
    grid = plan_grid(*MINI, 3 * PT_PER_MM, "A3", "auto")
    sheet = next(impose(minis(grid.per_page, bleed=3 * PT_PER_MM), grid, with_marks=True))
    boxes = [p.clip for p in sheet.placements]
    for i, (x, y, w, h) in enumerate(boxes):
        assert x >= 0 and y >= 0 and x + w <= grid.sheet_w + 1e-6 and y + h <= grid.sheet_h + 1e-6
        for bx, by, bw, bh in boxes[i + 1 :]:
            assert x + w <= bx + 1e-6 or bx + bw <= x + 1e-6 or y + h <= by + 1e-6 or by + bh <= y + 1e-6


def _crosses(segment, box) -> bool:
    """Does an axis-aligned segment run through the inside of a box?"""
    x1, y1, x2, y2 = segment
    bx, by, bw, bh = box
    if x1 == x2:
        return bx < x1 < bx + bw and min(max(y1, y2), by + bh) - max(min(y1, y2), by) > 0.01
    return by < y1 < by + bh and min(max(x1, x2), bx + bw) - max(min(x1, x2), bx) > 0.01


@pytest.mark.parametrize("bleed", [0.0, 3 * PT_PER_MM])
def test_crop_marks_are_outside_every_card(bleed):
    grid = plan_grid(*MINI, bleed, "A4", 10)
    sheet = next(impose(minis(7, bleed), grid, with_marks=True))
    assert len(sheet.marks) >= 7 * 2  # at least the marks in the outer margins
    for mark in sheet.marks:
        assert not any(_crosses(mark, p.clip) for p in sheet.placements), mark


def test_empty_slots_are_blank_paper(tmp_path):
    grid = plan_grid(*MINI, 0.0, "Letter", 10)
    pdf = tmp_path / "last.pdf"
    write_pdf(impose(minis(3), grid, with_marks=True), pdf)
    run("pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    page = Image.open(tmp_path / "page.png").convert("L")
    scale = 50 / 72
    x, y = grid.slot(3)  # the fourth slot is empty
    empty = page.crop((round(x * scale), round(y * scale), round((x + MINI[0]) * scale), round((y + MINI[1]) * scale)))
    assert empty.getextrema() == (255, 255)
    x, y = grid.slot(2)  # the third is not
    filled = page.crop((round(x * scale), round(y * scale), round((x + MINI[0]) * scale), round((y + MINI[1]) * scale)))
    assert filled.getextrema()[0] < 128


def test_too_many_per_page_is_a_user_error():
    # 12 fit only butted together on a landscape sheet; 13 never do
    assert plan_grid(*MINI, 0.0, "Letter", 12).gutter == 0
    with pytest.raises(UserError, match="Only 12 cards fit on a Letter sheet"):
        plan_grid(*MINI, 0.0, "Letter", 13)


def test_mixed_card_sizes_cannot_share_a_sheet():
    grid = plan_grid(*MINI, 0.0, "A4", "auto")
    with pytest.raises(UserError):
        list(impose(minis(2) + [make_layout()], grid))
