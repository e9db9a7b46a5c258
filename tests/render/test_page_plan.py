"""The public page plan (render.page_plan): what the export writes and the preview shows."""

from __future__ import annotations

import pytest

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.core.units import Length
from personadesigner.render.page_plan import lay_out_for_export, page_count, plan_pages


def cards(n: int, options: ExportOptions):
    return [lay_out_for_export(Persona(name=f"Card {k}"), options) for k in range(n)]


def test_23_mini_cards_10_up_make_3_named_pages_that_count_the_cards_done():
    options = ExportOptions(template="business-card", page_size="Letter", per_page=10, crop_marks=True)
    pages = list(plan_pages(cards(23, options), options))
    assert [p.name for p in pages] == ["Page 1", "Page 2", "Page 3"]
    assert [p.cards_done for p in pages] == [10, 20, 23]
    assert [len(p.sheet.placements) for p in pages] == [10, 10, 3]
    assert all(p.sheet.marks for p in pages)


def test_one_card_per_page_pdf_has_room_for_marks_png_is_the_trim():
    pdf = ExportOptions(template="card", crop_marks=True)
    png = ExportOptions(format="png", template="card", crop_marks=True)
    lay = cards(1, pdf)[0]
    [pdf_page] = plan_pages([lay], pdf)
    [png_page] = plan_pages([lay], png)
    assert pdf_page.name == "Card 0" and pdf_page.sheet.marks
    assert (png_page.sheet.width, png_page.sheet.height) == pytest.approx((lay.width, lay.height))
    assert not png_page.sheet.marks


@pytest.mark.parametrize("options", [
    ExportOptions(template="card"),
    ExportOptions(template="mini", page_size="A4", per_page="auto"),
    ExportOptions(template="mini", page_size="Letter", per_page=4, bleed=Length.parse("3mm")),
    ExportOptions(template="poster", page_size="A2", tile_to="A4"),
    ExportOptions(template="profile", page_size="A4"),
])
def test_page_count_agrees_with_the_plan(options):
    layouts = cards(7, options)
    assert page_count(layouts[0], options, len(layouts)) == len(list(plan_pages(layouts, options)))


def test_no_cards_no_pages():
    assert list(plan_pages([], ExportOptions())) == []
