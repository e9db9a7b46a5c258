"""The template designer's edits (core.template_edit) and the layout's section provenance.

Every edit is checked on the layout it produces: where a section lands on the
card, what is laid out at all, the page's size; and that each result is a valid
template while the input dict is left as it was (an undo step keeps it).
"""

from __future__ import annotations

import copy

import pytest

from personadesigner.core import template_edit as E
from personadesigner.core.design_schema import DesignFileError
from personadesigner.core.layout import layout
from personadesigner.core.templates import Template
from personadesigner.samples import sample_personas
from support.card_template import FOOTER, GOALS, MAIN, PAINS, card_json

G = GOALS[1]  # the goals' place in the main flow


@pytest.fixture
def card() -> dict:
    return card_json()


@pytest.fixture
def persona():
    return sample_personas()[0]


def laid(data: dict, persona):
    return layout(persona, Template.from_data("designed", data), "classic")


def where(card_layout, region: int, item: int):
    found = [s for s in card_layout.sections if (s.region, s.item) == (region, item)]
    return found[0] if found else None


def heading_order(card_layout) -> list[str]:
    return [b.text for b in card_layout.text_blocks() if b.text.isupper() and b.field in ("goals", "pain_points")]


def test_the_layout_says_which_template_item_drew_each_area(card, persona):
    out = laid(card, persona)
    goals = where(out, *GOALS)
    assert goals is not None
    assert out.hit_test(goals.x + 5, goals.y + goals.h / 2)[0] == "goals"
    assert out.section_at(goals.x + 5, goals.y + goals.h / 2) == goals
    assert {"main", "footer"} <= {f.id for f in out.flows}


def test_reordering_a_section_moves_it_up_the_card_and_keeps_the_input(card, persona):
    before = copy.deepcopy(card)
    moved = E.move_section(card, PAINS, MAIN, 0)  # pain points first
    assert card == before
    old, new = laid(card, persona), laid(moved, persona)
    assert moved["regions"][MAIN]["items"][0]["field"] == "pain_points"
    assert where(new, MAIN, 0).y < where(old, *GOALS).y  # now above where the goals were
    assert heading_order(new)[0] == "PAIN POINTS"


def test_a_section_moved_into_another_flow_is_drawn_in_that_region(card, persona):
    moved = E.move_section(card, GOALS, FOOTER, 2)  # the goals into the footer
    out = laid(moved, persona)
    footer = next(f for f in out.flows if f.id == "footer")
    goals = where(out, FOOTER, 2)
    assert goals is not None and footer.y <= goals.y < footer.y + footer.h
    assert all(it.get("field") != "goals" for it in moved["regions"][MAIN]["items"])


def test_hidden_sections_are_not_laid_out_and_come_back_in_place(card, persona):
    hidden = E.hide_section(card, *GOALS)
    assert E.hidden_sections(hidden) == [(*GOALS, "Goals")]
    out = laid(hidden, persona)
    assert where(out, *GOALS) is None
    assert not any(b.field == "goals" for b in out.text_blocks())
    shown = E.show_section(hidden, *GOALS)
    assert shown == card
    assert E.hidden_sections(shown) == []


def test_resizing_a_region_keeps_how_it_is_placed(card, persona):
    out = laid(card, persona)
    main = next(f for f in out.flows if f.id == "main")
    old = (main.x, main.y, main.w, main.h)
    wider = E.resize_region(
        card, MAIN, old, (main.x - 8, main.y + 20, main.w + 8, main.h - 20), (out.width, out.height)
    )
    spec, was = wider["regions"][MAIN], card["regions"][MAIN]
    assert (spec["left"], spec["right"], spec["top"]) == (main.x - 8, was["right"], main.y + 20)
    assert spec["bottom"] == "above:footer"  # the bottom edge did not move: its reference stays
    area = next(f for f in laid(wider, persona).flows if f.id == "main")
    assert (area.x, area.y, round(area.w, 3)) == (main.x - 8, main.y + 20, round(main.w + 8, 3))


def test_a_region_placed_from_the_right_stays_so():
    data = {"size": [200, 100], "regions": [{"kind": "flow", "right": 10, "width": 50, "top": 0, "height": 40}]}
    out = E.resize_region(data, 0, (140, 0, 50, 40), (120, 0, 70, 40), (200, 100))
    assert out["regions"][0] == {"kind": "flow", "right": 10, "width": 70, "top": 0, "height": 40}


def test_columns_of_a_flow(card, persona):
    two = E.set_flow(card, MAIN, columns=2, gutter=12)
    out = laid(two, persona)
    xs = {round(s.x) for s in out.sections if s.region == MAIN}
    assert len(xs) == 2  # sections in two columns
    assert E.set_flow(two, MAIN, columns=1)["regions"][MAIN].get("columns") is None


def test_leaving_the_gutter_as_it_is_changes_nothing(card):
    assert "gutter" not in card["regions"][MAIN]
    assert E.set_flow(card, MAIN, gutter=16) == card  # the default, shown in the panel: no undo step
    assert E.set_flow(card, MAIN, gutter=10)["regions"][MAIN]["gutter"] == 10


def test_section_style_heading_label_kind_and_max_items(card, persona):
    styled = E.set_section_style(card, *GOALS, label="What she wants", max_items=1)
    assert "WHAT SHE WANTS" in heading_order(laid(styled, persona))
    no_heading = E.set_section_style(styled, *GOALS, heading=False)
    assert "WHAT SHE WANTS" not in heading_order(laid(no_heading, persona))
    assert E.set_section_style(no_heading, *GOALS, heading=True)["regions"][MAIN]["items"][G].get("heading") is None
    inline = E.set_section_style(card, *GOALS, kind="inline")
    spec = inline["regions"][MAIN]["items"][G]
    assert spec["kind"] == "inline" and spec["style"] == "chips" and spec["field"] == "goals"
    goals = [b for b in laid(inline, persona).text_blocks() if b.field == "goals" and not b.text.isupper()]
    assert len(goals) == 1  # one line of goals instead of one block per bullet
    back = E.set_section_style(inline, *GOALS, kind="list")
    assert back["regions"][MAIN]["items"][G] == card["regions"][MAIN]["items"][G]


def test_page_size_and_orientation(card, persona):
    landscape = E.set_page_size(card, orientation="landscape")
    assert landscape["size"] == ["148mm", "105mm"]
    out = laid(landscape, persona)
    assert out.width > out.height
    a5 = E.set_page_size(card, "a5")
    assert a5["size"] == "A5" and E.orientation_of(a5) == "portrait"
    assert laid(E.set_page_size(a5, orientation="landscape"), persona).width == pytest.approx(595.28, abs=0.1)
    turned = E.set_page_size(landscape, "A5")  # a new size keeps the orientation
    assert turned["size"] == "A5" and E.orientation_of(turned) == "landscape"


def test_an_edit_that_would_break_the_template_is_refused(card):
    with pytest.raises(DesignFileError, match="max_items"):
        E.set_section_style(card, *GOALS, max_items=0)
    with pytest.raises(IndexError):
        E.move_section(card, GOALS, 0, 0)  # the background rect is not a flow


def test_resizing_under_the_negative_band_stores_the_edge_without_the_band(card):
    from personadesigner.core.persona import Persona

    negative = Persona(name="Nora Neg", type="negative", goals=["Cheapest price"], pain_points=["Any fee"])
    out = laid(card, negative)
    main = next(f for f in out.flows if f.id == "main")
    assert main.offset > 0  # the band moved the region down
    new = (main.x, main.y + 10, main.w, main.h - 10)
    moved = E.resize_region(card, MAIN, (main.x, main.y, main.w, main.h), new, (out.width, out.height), main.offset)
    assert moved["regions"][MAIN]["top"] == card["regions"][MAIN]["top"] + 10
    again = next(f for f in laid(moved, negative).flows if f.id == "main")
    assert again.y == pytest.approx(main.y + 10)


def test_a_heading_turned_on_stays_on_for_kinds_without_one_by_default(card):
    callouts = next(
        (r, k)
        for r in E.flow_regions(card)
        for k, s in enumerate(card["regions"][r]["items"])
        if s.get("kind") == "callouts"
    )
    on = E.set_section_style(card, *callouts, heading=True)
    assert on["regions"][callouts[0]]["items"][callouts[1]]["heading"] is True  # callouts have none unless asked
    assert "heading" not in E.set_section_style(card, *GOALS, heading=True)["regions"][MAIN]["items"][GOALS[1]]


def test_a_list_switched_to_chips_is_drawn_as_pills(card):
    chips = E.set_section_style(card, *GOALS, kind="chips")["regions"][MAIN]["items"][GOALS[1]]
    assert chips["kind"] == "chips" and "style" not in chips  # the kind's own pill style, not the inline text style
