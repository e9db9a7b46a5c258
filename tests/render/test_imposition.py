"""N-up sheets, pinned: the grid, every slot, every mark (position and length), the printer margin.

Expected numbers are worked out by hand in the comments (points; 1 mm = 72/25.4 pt),
never taken from the code under test.
"""

from __future__ import annotations

import pytest
from PIL import Image

from personadesigner.core.units import PT_PER_MM
from personadesigner.errors import UserError
from personadesigner.render.imposition import impose, plan_grid
from personadesigner.render.pdf import write_pdf
from support.hand_layouts import make_layout
from support.poppler import run

MM = PT_PER_MM
BUSINESS = (252.0, 144.0)  # 3.5 x 2 in US business card
MINI = (85 * MM, 55 * MM)
GAP, LENGTH = 2 * MM, 5 * MM  # a mark starts 2 mm beyond the bleed and is 5 mm long


def cards(n, size=BUSINESS, bleed=0.0):
    return [make_layout(width=size[0], height=size[1], bleed=bleed, name=f"Card {i}") for i in range(n)]


def _round(segments):
    return sorted(tuple(round(v, 2) for v in s) for s in segments)


def letter_10_up_marks():
    """Letter 612 x 792, 2 x 5 business cards butted: block 504 x 720 at (54, 36)."""
    xs, ys = (54, 306, 558), (36, 180, 324, 468, 612, 756)
    top = [(x, 36 - GAP - LENGTH, x, 36 - GAP) for x in xs]
    bottom = [(x, 756 + GAP, x, 756 + GAP + LENGTH) for x in xs]
    left = [(54 - GAP - LENGTH, y, 54 - GAP, y) for y in ys]
    right = [(558 + GAP, y, 558 + GAP + LENGTH, y) for y in ys]
    return _round(top + bottom + left + right)


def test_letter_10_up_business_cards_is_the_butted_2_by_5_sheet_centred():
    grid = plan_grid(*BUSINESS, 0.0, "Letter", 10, marks=True)
    assert (grid.sheet_w, grid.sheet_h, grid.cols, grid.rows, grid.per_page, grid.gutter) == (612, 792, 2, 5, 10, 0)
    assert grid.origin == (54.0, 36.0)  # (612 - 504) / 2, (792 - 720) / 2
    assert [grid.slot(i) for i in range(10)] == [(54 + 252 * c, 36 + 144 * r) for r in range(5) for c in range(2)]


def test_letter_10_up_marks_are_pinned_whole_and_inside_the_5mm_margin():
    grid = plan_grid(*BUSINESS, 0.0, "Letter", 10, marks=True)
    (sheet,) = impose(cards(10), grid, with_marks=True)
    assert _round(sheet.marks) == letter_10_up_marks()
    assert len(sheet.marks) == 18  # one per cut line end: 3 + 3 vertical, 6 + 6 horizontal
    m = 5 * MM
    for x1, y1, x2, y2 in sheet.marks:
        assert abs(x2 - x1) + abs(y2 - y1) == pytest.approx(LENGTH)  # whole, never a stub
        assert min(x1, x2) >= m - 1e-6 and max(x1, x2) <= 612 - m + 1e-6
        assert min(y1, y2) >= m - 1e-6 and max(y1, y2) <= 792 - m + 1e-6


def test_a_partly_filled_sheet_marks_only_its_cards():
    grid = plan_grid(*BUSINESS, 0.0, "Letter", 10, marks=True)
    (sheet,) = impose(cards(1), grid, with_marks=True)
    # the first slot alone: its two top marks and its two left marks; the others would cross slots
    assert _round(sheet.marks) == _round(
        [
            (54, 36 - GAP - LENGTH, 54, 36 - GAP),
            (306, 36 - GAP - LENGTH, 306, 36 - GAP),
            (54 - GAP - LENGTH, 36, 54 - GAP, 36),
            (54 - GAP - LENGTH, 180, 54 - GAP, 180),
        ]
    )


def test_letter_10_up_pdf_prints_nothing_in_the_printer_margin(tmp_path):
    grid = plan_grid(*BUSINESS, 0.0, "Letter", 10, marks=True)
    pdf = tmp_path / "sheet.pdf"
    assert write_pdf(impose(cards(10), grid, with_marks=True), pdf) == 1
    run("pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    page = Image.open(tmp_path / "page.png").convert("L")
    assert page.size == (612, 792)
    edge = 14  # 5 mm = 14.17 px at 72 dpi
    for box in ((0, 0, 612, edge), (0, 792 - edge, 612, 792), (0, 0, edge, 792), (612 - edge, 0, 612, 792)):
        assert page.crop(box).getextrema() == (255, 255), box
    # the marks print: the top one at x = 54 between y = 16.2 and 30.3
    assert page.crop((53, 18, 56, 29)).getextrema()[0] < 160


def test_23_cards_10_up_on_letter_make_3_pages(tmp_path):
    grid = plan_grid(*BUSINESS, 0.0, "Letter", 10, marks=True)
    pdf = tmp_path / "sheets.pdf"
    assert write_pdf(impose(cards(23), grid, with_marks=True), pdf) == 3
    info = run("pdfinfo", "-box", str(pdf))
    assert "Pages:           3" in info
    assert "612 x 792 pts (letter)" in info
    lines = {line.split(":")[0]: line.split(":")[1].split() for line in info.splitlines() if "Box:" in line}
    assert lines["TrimBox"] == lines["MediaBox"]  # a shared sheet has no card's TrimBox


def test_85x55_mini_10_up_on_letter_says_how_many_fit():
    # landscape, butted: 3 x 240.9 = 722.8 <= 763.7 - 2 x 19.8 (marks); 3 x 155.9 <= 583.7 - 39.7
    with pytest.raises(UserError) as err:
        plan_grid(*MINI, 0.0, "Letter", 10, marks=True)
    assert str(err.value) == (
        "Only 9 cards with crop marks fit on a Letter sheet inside the 5 mm printer margin, not 10; "
        "ask for fewer per page, a smaller --printer-margin or a larger sheet."
    )
    grid = plan_grid(*MINI, 0.0, "Letter", 9, marks=True)
    assert (grid.cols, grid.rows, grid.gutter, grid.sheet_w) == (3, 3, 0, 792)


def test_a_smaller_printer_margin_fits_more():
    # 5 mm: portrait 763.7 / 155.9 = 4.9 rows -> 2 x 4; landscape 3 x 3 -> 9
    assert plan_grid(*MINI, 0.0, "Letter", "auto").per_page == 9
    # no margin: 5 rows of 155.9 = 779.5 <= 792 portrait, 2 columns -> 10
    grid = plan_grid(*MINI, 0.0, "Letter", "auto", 0.0)
    assert (grid.per_page, grid.cols, grid.rows, grid.sheet_w) == (10, 2, 5, 612)


def test_auto_picks_the_most_that_fit_preferring_a_gutter_on_a_tie():
    # A4 595.3 x 841.9, printable 566.9 x 813.5; with a 6 mm gutter 2 x 5 = 10, butted also 10
    grid = plan_grid(*BUSINESS, 0.0, "A4", "auto")
    assert (grid.cols, grid.rows, grid.per_page) == (2, 5, 10)
    assert grid.gutter == pytest.approx(6 * MM)
    ox, oy = grid.origin  # centred: block 521.0 x 788.0
    assert ox == pytest.approx((595.276 - 521.008) / 2, abs=0.01)
    assert oy == pytest.approx((841.890 - 788.031) / 2, abs=0.01)
    # Letter: with a gutter 2 x 4 = 8, butted 2 x 5 = 10 -> butted
    letter = plan_grid(*BUSINESS, 0.0, "Letter", "auto", marks=True)
    assert (letter.per_page, letter.gutter) == (10, 0)


def test_auto_turns_the_sheet_when_landscape_holds_more():
    # 130 x 80 mm on A4: portrait 1 x 3, landscape 2 x 2
    grid = plan_grid(130 * MM, 80 * MM, 0.0, "A4", "auto")
    assert (grid.per_page, grid.cols, grid.rows, grid.sheet_w > grid.sheet_h) == (4, 2, 2, True)


def test_bleed_sets_the_gutter_and_keeps_the_bleed_inside_the_margin():
    bleed = 3 * MM
    grid = plan_grid(*BUSINESS, bleed, "A3", "auto", marks=True)
    assert grid.gutter == pytest.approx(2 * bleed)
    (sheet,) = impose(cards(grid.per_page, bleed=bleed), grid, with_marks=True)
    m = 5 * MM
    for x, y, w, h in (p.clip for p in sheet.placements):
        room = m + GAP + LENGTH  # the bleed box, with room for the outer marks
        assert x >= room - 1e-6 and y >= room - 1e-6
        assert x + w <= grid.sheet_w - room + 1e-6 and y + h <= grid.sheet_h - room + 1e-6
    for x1, y1, x2, y2 in sheet.marks:
        assert abs(x2 - x1) + abs(y2 - y1) == pytest.approx(LENGTH)


def _crosses(segment, box) -> bool:
    """Does an axis-aligned segment run through a box or along its edge?"""
    x1, y1, x2, y2 = segment
    bx, by, bw, bh = box
    if x1 == x2:
        return bx - 0.01 <= x1 <= bx + bw + 0.01 and min(max(y1, y2), by + bh) - max(min(y1, y2), by) > 0.01
    return by - 0.01 <= y1 <= by + bh + 0.01 and min(max(x1, x2), bx + bw) - max(min(x1, x2), bx) > 0.01


@pytest.mark.parametrize("bleed", [0.0, 3 * MM])
def test_no_mark_touches_a_card(bleed):
    grid = plan_grid(*BUSINESS, bleed, "A4", "auto", marks=True)
    (sheet,) = impose(cards(grid.per_page, bleed=bleed), grid, with_marks=True)
    assert sheet.marks
    for mark in sheet.marks:
        assert not any(_crosses(mark, p.clip) for p in sheet.placements), mark


def test_empty_slots_are_blank_paper(tmp_path):
    grid = plan_grid(*BUSINESS, 0.0, "A4", 10)  # 6 mm gutters
    pdf = tmp_path / "last.pdf"
    write_pdf(impose(cards(3), grid, with_marks=True), pdf)
    run("pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    page = Image.open(tmp_path / "page.png").convert("L")
    scale = 50 / 72

    def area(i):
        x, y = grid.slot(i)
        return page.crop(
            (
                round(x * scale) + 1,
                round(y * scale) + 1,
                round((x + BUSINESS[0]) * scale) - 1,
                round((y + BUSINESS[1]) * scale) - 1,
            )
        )

    assert area(3).getextrema() == (255, 255)
    assert area(2).getextrema()[0] < 128


def test_too_many_per_page_and_zero_per_page_are_user_errors():
    # without marks 3 x 4 butted on a landscape sheet (756 x 576 <= 763.7 x 583.7); 13 never
    assert plan_grid(*BUSINESS, 0.0, "Letter", 12).sheet_w == 792
    with pytest.raises(
        UserError, match=r"^Only 12 cards fit on a Letter sheet inside the 5 mm printer margin, not 13;"
    ):
        plan_grid(*BUSINESS, 0.0, "Letter", 13)
    # with marks (19.8 pt beyond each outer card) the landscape sheet holds 2 x 3 only
    with pytest.raises(UserError, match=r"^Only 10 cards with crop marks fit on a Letter sheet inside the 5 mm"):
        plan_grid(*BUSINESS, 0.0, "Letter", 11, marks=True)
    with pytest.raises(UserError, match=r"^Cards per page must be at least 1\.$"):
        plan_grid(*BUSINESS, 0.0, "Letter", 0)


def test_a_card_larger_than_the_printable_sheet_is_a_user_error():
    with pytest.raises(UserError, match=r"^The card does not fit on an A6 sheet inside the 5 mm printer margin; "):
        plan_grid(100 * MM, 140 * MM, 0.0, "A6", "auto")  # printable 95 x 138 mm
    with pytest.raises(UserError, match=r"^The card with its crop marks does not fit on an A5 sheet"):
        plan_grid(130 * MM, 195 * MM, 0.0, "A5", "auto", marks=True)  # needs 144 mm of 138
    assert plan_grid(130 * MM, 195 * MM, 0.0, "A5", "auto").per_page == 1


def test_mixed_card_sizes_cannot_share_a_sheet():
    grid = plan_grid(*BUSINESS, 0.0, "A4", "auto")
    with pytest.raises(
        UserError, match=r"^Cards of different sizes cannot share a sheet; export them with one template\.$"
    ):
        list(impose(cards(2) + [make_layout()], grid))


def test_a_card_fits_to_the_point():
    # Letter, 5 mm margin: 583.65 x 763.65 pt printable; a card exactly that wide fits, 0.5 pt more does not
    printable_w = 612 - 2 * 5 * MM
    assert plan_grid(printable_w, 100.0, 0.0, "Letter", "auto").per_page == 7  # 7 rows of 100 + 6 mm
    with pytest.raises(UserError):
        plan_grid(printable_w + 0.5, 792 - 2 * 5 * MM + 0.5, 0.0, "Letter", "auto")
    # two columns of 252 + a 6 mm gutter = 521 pt, with marks 560.7 <= 583.65: the gutter stays
    assert plan_grid(252.0, 144.0, 0.0, "Letter", 2, marks=True).gutter == pytest.approx(6 * MM)


def test_cards_that_differ_by_half_a_point_or_in_bleed_cannot_share_a_sheet():
    grid = plan_grid(*BUSINESS, 0.0, "A4", "auto")
    with pytest.raises(UserError):
        list(impose(cards(1) + cards(1, size=(BUSINESS[0] + 0.5, BUSINESS[1])), grid))
    with pytest.raises(UserError):
        list(impose(cards(1) + cards(1, size=(BUSINESS[0], BUSINESS[1] - 0.5)), grid))
    with pytest.raises(UserError):
        list(impose(cards(1) + cards(1, bleed=3 * MM), grid))
    assert len(list(impose(cards(2, size=(BUSINESS[0] + 0.005, BUSINESS[1])), grid))) == 1


def test_no_cards_no_sheets():
    assert list(impose([], plan_grid(*BUSINESS, 0.0, "A4", "auto"), with_marks=True)) == []


def test_marks_off_means_no_marks_and_placements_clip_to_the_bleed_box():
    bleed = 3 * MM
    grid = plan_grid(*BUSINESS, bleed, "A4", "auto")
    (sheet,) = impose(cards(2, bleed=bleed), grid)
    assert sheet.marks == []
    (x, y), first = grid.slot(0), sheet.placements[0]
    assert (first.x, first.y) == (x, y)
    assert first.clip == pytest.approx((x - bleed, y - bleed, 252 + 2 * bleed, 144 + 2 * bleed))
    assert sheet.placements[1].x == pytest.approx(x + 252 + 2 * bleed)  # the gutter is twice the bleed


def test_planned_without_marks_the_marks_that_would_enter_the_margin_are_left_out():
    # A4, 6 mm gutters: the block starts 26.9 pt (9.5 mm) from the top: a mark above would end 2.5 mm from
    # the edge, inside the 5 mm margin; left and right there are 13.1 mm, room for a whole mark
    grid = plan_grid(*BUSINESS, 0.0, "A4", 10)
    (sheet,) = impose(cards(10), grid, with_marks=True)
    assert all(y1 == y2 for x1, y1, x2, y2 in sheet.marks)  # horizontal only
    assert len(sheet.marks) == 20  # 5 rows x 2 edges x left and right
    ox = grid.origin[0]
    assert sorted({round(x1, 2) for x1, *_ in sheet.marks}) == [
        round(ox - GAP - LENGTH, 2),
        round(595.276 - ox + GAP, 2),
    ]


def test_one_per_page_a_tiny_bleed_and_ties():
    assert plan_grid(*BUSINESS, 0.0, "A4", 1).per_page == 1
    assert plan_grid(*BUSINESS, 0.5, "A4", "auto").gutter == 1.0  # any bleed: the gutter is twice the bleed
    # 130 x 130 mm on A4: 1 x 2 upright or 2 x 1 turned: the upright sheet wins the tie
    tie = plan_grid(130 * MM, 130 * MM, 0.0, "A4", "auto")
    assert (tie.cols, tie.rows, tie.sheet_w < tie.sheet_h) == (1, 2, True)


def test_an_asked_count_takes_the_fewest_slots_then_the_squarest_block():
    # 10 on Letter without marks: 2 x 5 upright (10 slots) beats 3 x 4 turned (12 slots)
    ten = plan_grid(*BUSINESS, 0.0, "Letter", 10)
    assert (ten.cols, ten.rows, ten.sheet_w) == (2, 5, 612)
    # 4 cards of 100 x 50 mm on A4: 1 x 4 upright or 2 x 2 turned: the square block
    four = plan_grid(100 * MM, 50 * MM, 0.0, "A4", 4)
    assert (four.cols, four.rows, four.sheet_w > four.sheet_h) == (2, 2, True)
    # 2 on A4: one row of two, centred vertically
    two = plan_grid(*BUSINESS, 0.0, "A4", 2)
    assert (two.cols, two.rows) == (2, 1)
    assert two.origin[1] == pytest.approx((841.89 - 144) / 2, abs=0.01)


def test_an_asked_count_for_a_card_that_never_fits():
    with pytest.raises(UserError, match=r"^The card does not fit on an A6 sheet inside the 5 mm printer margin; "):
        plan_grid(100 * MM, 140 * MM, 0.0, "A6", 1)
    with pytest.raises(UserError):
        list(
            impose(
                cards(1) + cards(1, size=(BUSINESS[0], BUSINESS[1] + 0.005 + 0.5)), plan_grid(*BUSINESS, 0.0, "A4", 2)
            )
        )
    assert len(list(impose(cards(2, size=(BUSINESS[0], BUSINESS[1] + 0.005)), plan_grid(*BUSINESS, 0.0, "A4", 2)))) == 1
