"""Card backs in the layout: the back's content, and lists continued from the front exactly."""

from __future__ import annotations

import json

import pytest

from personadesigner.core.card_back import has_back, lay_out_with_back
from personadesigner.core.design_schema import DesignFileError
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.core.templates import Template, load_template, template_names
from personadesigner.core.themes import load_theme
from personadesigner.paths import resource


def texts(lay, field: str) -> dict[int, str]:
    """item -> its text as printed, for one list field (the "+N more" marker left out)."""
    found: dict[int, str] = {}
    for block in lay.text_blocks():
        text = " ".join(line.text for line in block.lines)
        if block.field == field and block.item is not None and not text.startswith("+"):
            found[block.item] = found.get(block.item, "") + text
    return found


def markers(lay, field: str) -> list[str]:
    return [
        " ".join(line.text for line in b.lines)
        for b in lay.text_blocks()
        if b.field == field and b.lines and b.lines[0].text.startswith("+")
    ]


def many_goals(n: int = 15) -> Persona:
    return Persona(
        name="Gina Goals",
        quote="I keep a list.",
        goals=[
            f"Goalword{i:02d} needs a sentence long enough to wrap twice on a card, and more words." for i in range(n)
        ],
        pain_points=["Too little time"],
        story="Storyword: Gina plans her week on Sunday evenings.",
    )


def test_the_back_continues_exactly_the_goals_the_front_left_out():
    tpl, theme = load_template("card"), load_theme("classic")
    p = many_goals()
    front = lay_out_with_back(p, tpl, theme)
    on_front = texts(front, "goals")
    shown = {i for i, t in on_front.items() if not t.endswith("\u2026")}  # whole on the front
    cut_short = set(on_front) - shown  # ends in "…"
    hidden = set(range(15)) - set(on_front)
    assert hidden and len(shown) >= 5, "the test persona must overflow the front"
    assert markers(front, "goals") == [f"+{len(hidden)} more goals on the back"]
    back = texts(front.back, "goals")
    assert set(back) == hidden | cut_short  # exactly what the front did not show in full
    assert all(back[i] == p.goals[i] for i in back)  # whole, as typed
    assert not front.back.preflight


def test_without_backs_the_front_says_plain_more_and_lays_out_as_before():
    tpl, theme = load_template("card"), load_theme("classic")
    p = many_goals()
    plain = layout(p, tpl, theme)
    assert markers(plain, "goals") == ["+4 more goals"]
    assert plain.back is None
    # the back changes the marker's words only: the same goals are shown
    assert set(texts(plain, "goals")) == set(texts(lay_out_with_back(p, tpl, theme), "goals"))


def test_a_template_limit_is_continued_too():
    """card shows at most 3 motivations ("max_items"): the rest go on the back."""
    p = Persona(name="Mo Tivated", goals=["One goal"], motivations=[f"Motive{i}" for i in range(6)])
    front = lay_out_with_back(p, load_template("card"), load_theme("classic"))
    assert sorted(texts(front, "motivations")) == [0, 1, 2]
    assert markers(front, "motivations") == ["+3 more motivations on the back"]
    assert texts(front.back, "motivations") == {3: "Motive3", 4: "Motive4", 5: "Motive5"}
    headings = [" ".join(ln.text for ln in b.lines) for b in front.back.text_blocks()]
    assert "MOTIVATIONS, CONTINUED" in headings


def test_the_back_shows_the_story_and_the_evidence_and_nothing_is_continued_when_all_fits():
    p = Persona(name="Short Sam", goals=["Only goal"], story="Storyword short.", confidence="high")
    front = lay_out_with_back(p, load_template("card"), load_theme("classic"))
    back_text = " ".join(line.text for b in front.back.text_blocks() for line in b.lines)
    assert "Storyword short." in back_text and "High confidence" in back_text
    assert "CONTINUED" not in back_text
    assert (front.back.width, front.back.height) == (front.width, front.height)


def test_which_built_in_templates_have_a_back():
    assert {n for n in template_names() if has_back(load_template(n))} == {
        "card",
        "mini",
        "business-card",
        "profile",
        "poster",
    }


def test_a_broken_back_is_refused_naming_the_back_key():
    data = json.loads(resource("templates", "card.json").read_text(encoding="utf-8"))
    data["back"]["regions"][0]["fill"] = "chartreuse"
    with pytest.raises(DesignFileError) as err:
        Template.from_data("mine", data, "/designs/mine.json")
    assert "back.regions[0].fill" in str(err.value)
    data = json.loads(resource("templates", "card.json").read_text(encoding="utf-8"))
    data["back"]["regions"].append({"kind": "flow", "items": [{"kind": "continued", "fields": ["shoe_size"]}]})
    with pytest.raises(DesignFileError) as err:
        Template.from_data("mine", data, "/designs/mine.json")
    assert '"shoe_size" is not a list' in str(err.value)


def test_a_template_limit_names_the_back_on_one_row_in_a_narrow_column():
    """A narrow main column has no room for "+3 more motivations on the back": the marker
    says the shorter "+3 more on the back" on one row instead of wrapping onto two."""
    data = json.loads(resource("templates", "card.json").read_text(encoding="utf-8"))
    main = next(r for r in data["regions"] if r.get("id") == "main")
    main["right"] = 130  # a column about 150 pt wide
    tpl = Template.from_data("narrow", data, "/designs/narrow.json")
    p = Persona(name="Mo Tivated", goals=["One goal"], motivations=[f"Motive{i}" for i in range(6)])
    front = lay_out_with_back(p, tpl, load_theme("classic"))
    assert markers(front, "motivations") == ["+3 more on the back"]
    assert texts(front.back, "motivations") == {3: "Motive3", 4: "Motive4", 5: "Motive5"}


def chips_on(lay, field: str) -> list[str]:
    """The words of each chip of ``field`` as printed (its heading left out)."""
    return [" ".join(ln.text for ln in b.lines) for b in lay.text_blocks() if b.field == field and b.item is not None]


def more_chip(lay, field: str) -> list[str]:
    return [
        " ".join(ln.text for ln in b.lines)
        for b in lay.text_blocks()
        if b.field == field and b.item is None and b.lines and b.lines[0].text.startswith("+")
    ]


def test_chips_a_template_limit_leaves_out_go_on_the_back():
    """card.json's channels as chips with max_items 2: the chips it leaves out are on the back,
    and the front's "+N more" chip says so."""
    data = json.loads(resource("templates", "card.json").read_text(encoding="utf-8"))
    main = next(r for r in data["regions"] if r.get("id") == "main")
    next(i for i in main["items"] if i.get("field") == "channels")["max_items"] = 2
    tpl = Template.from_data("mine", data, "/designs/mine.json")
    channels = ["LinkedIn", "Email", "Podcasts", "Trade shows", "Webinars"]
    p = Persona(name="Cha Nels", goals=["One goal"], channels=channels)
    front = lay_out_with_back(p, tpl, load_theme("classic"))
    shown = chips_on(front, "channels")
    n = len(channels) - len(shown)
    assert more_chip(front, "channels") == [f"+{n} more on the back"]
    assert sorted(texts(front.back, "channels").values()) == sorted(set(channels) - set(shown))
    assert not front.preflight


def test_chips_the_front_has_no_room_for_go_on_the_back():
    p = Persona(name="Mo Bile", goals=["One goal"], channels=[f"Channel number {i}" for i in range(12)])
    front = lay_out_with_back(p, load_template("mini"), load_theme("classic"))
    shown = chips_on(front, "channels")
    assert shown and len(shown) < 12
    assert more_chip(front, "channels") == [f"+{12 - len(shown)} more on the back"]
    assert sorted(texts(front.back, "channels").values()) == sorted(set(p.channels) - set(shown))
    assert not [c for c in front.preflight if getattr(c, "field", None) == "channels"]


def test_a_more_chip_too_wide_to_name_the_back_keeps_its_plain_words():
    """In a column too narrow for a "+N more on the back" pill the chip says "+N more" (one pill,
    never wider than its column); the back still continues the chips."""
    data = json.loads(resource("templates", "card.json").read_text(encoding="utf-8"))
    main = next(r for r in data["regions"] if r.get("id") == "main")
    main["right"] = 200  # a column about 80 pt wide
    next(i for i in main["items"] if i.get("field") == "channels")["max_items"] = 2
    tpl = Template.from_data("mine", data, "/designs/mine.json")
    channels = ["LinkedIn", "Email", "Podcasts", "Trade shows", "Webinars"]
    front = lay_out_with_back(Persona(name="Cha Nels", channels=channels), tpl, load_theme("classic"))
    shown = chips_on(front, "channels")
    assert more_chip(front, "channels") == [f"+{len(channels) - len(shown)} more"]
    assert sorted(texts(front.back, "channels").values()) == sorted(set(channels) - set(shown))
