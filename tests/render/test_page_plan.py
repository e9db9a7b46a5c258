"""The public page plan (render.page_plan): what the export writes and the preview shows."""

from __future__ import annotations

import pytest

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.core.units import Length
from personadesigner.render.page_plan import lay_out_for_export, page_count, plan_pages


def cards(n: int, options: ExportOptions):
    return [lay_out_for_export(Persona(name=f"Card {k}"), options) for k in range(n)]


def test_23_business_cards_10_up_make_3_named_pages_that_count_the_cards_done():
    options = ExportOptions(template="business-card", page_size="Letter", per_page=10, crop_marks=True)
    pages = list(plan_pages(cards(23, options), options))
    assert [p.name for p in pages] == ["Page 1", "Page 2", "Page 3"]
    assert [p.cards_done for p in pages] == [10, 20, 23]
    assert [len(p.sheet.placements) for p in pages] == [10, 10, 3]
    assert [(p.sheet.width, p.sheet.height) for p in pages] == [(612, 792)] * 3
    # the third page, 3 cards (row 1, and row 2 left): tops at x 54, 306, 558; lefts at y 36, 180, 324;
    # rights at y 36, 180; none below a card (the slot below is there, empty or not)
    assert [len(p.sheet.marks) for p in pages] == [18, 18, 8]
    assert sorted({(round(x1), round(y1)) for x1, y1, x2, y2 in pages[2].sheet.marks if x1 == x2}) == [
        (54, 16),
        (306, 16),
        (558, 16),
    ]


def test_the_business_card_template_is_3_5_by_2_inches():
    (lay,) = cards(1, ExportOptions(template="business-card"))
    assert (lay.width, lay.height) == pytest.approx((252, 144))


def test_a_count_without_a_sheet_goes_on_a4_and_a_tile_sheet_turns_to_hold_the_most():
    options = ExportOptions(template="business-card", per_page="auto")
    (page,) = plan_pages(cards(3, options), options)
    assert (round(page.sheet.width, 2), round(page.sheet.height, 2)) == (595.28, 841.89)
    assert [(round(p.x, 2), round(p.y, 2)) for p in page.sheet.placements] == [
        (37.13, 26.93),
        (306.14, 26.93),
        (37.13, 187.94),
    ]  # centred 2 x 5 block, 6 mm gutters
    poster = ExportOptions(template="poster", page_size="A2", tile_to="A4")
    tiles = list(plan_pages(cards(1, poster), poster))
    assert len(tiles) == 8 and {(round(t.sheet.width), round(t.sheet.height)) for t in tiles} == {(842, 595)}
    assert [t.name for t in tiles][:2] == ["Card 0 (tile 1 of 8)", "Card 0 (tile 2 of 8)"]
    assert [t.cards_done for t in tiles] == [0] * 7 + [1]


def test_the_printer_margin_option_reaches_sheets_and_tiles():
    wide = ExportOptions(template="business-card", page_size="Letter", per_page="auto", printer_margin=Length.mm(10))
    (page,) = plan_pages(cards(1, wide), wide)
    # 10 mm: printable 555.3 x 735.3 pt: 2 x 5 butted (504 x 720) still fit, centred at (54, 36)
    assert (page.sheet.placements[0].x, page.sheet.placements[0].y) == (54, 36)
    assert page_count(cards(1, wide)[0], wide, 21) == 3
    # 30 mm: printable 442 x 622 pt: landscape, 2 x 3 butted -> 6 a page
    wider = ExportOptions(template="business-card", page_size="Letter", per_page="auto", printer_margin=Length.mm(30))
    (page,) = plan_pages(cards(1, wider), wider)
    assert (page.sheet.width, round(page.sheet.placements[0].x), round(page.sheet.placements[0].y)) == (792, 144, 90)
    assert page_count(cards(1, wider)[0], wider, 21) == 4
    # 25 mm: 32 mm tile borders: landscape 2 x 5 = 10 beats portrait 4 x 3
    tiles = ExportOptions(template="poster", page_size="A2", tile_to="A4", printer_margin=Length.mm(25))
    assert page_count(cards(1, tiles)[0], tiles, 1) == 10
    assert len(list(plan_pages(cards(1, tiles), tiles))) == 10


def test_one_card_per_page_pdf_has_room_for_marks_png_is_the_trim():
    pdf = ExportOptions(template="card", crop_marks=True)
    png = ExportOptions(format="png", template="card", crop_marks=True)
    lay = cards(1, pdf)[0]
    [pdf_page] = plan_pages([lay], pdf)
    [png_page] = plan_pages([lay], png)
    assert pdf_page.name == "Card 0" and pdf_page.sheet.marks
    assert (png_page.sheet.width, png_page.sheet.height) == pytest.approx((lay.width, lay.height))
    assert not png_page.sheet.marks


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(template="card"),
        ExportOptions(template="mini", page_size="A4", per_page="auto"),
        ExportOptions(template="mini", page_size="Letter", per_page=4, bleed=Length.parse("3mm")),
        ExportOptions(template="poster", page_size="A2", tile_to="A4"),
        ExportOptions(template="profile", page_size="A4"),
    ],
)
def test_page_count_agrees_with_the_plan(options):
    layouts = cards(7, options)
    assert page_count(layouts[0], options, len(layouts)) == len(list(plan_pages(layouts, options)))


def test_no_cards_no_pages():
    assert list(plan_pages([], ExportOptions())) == []
