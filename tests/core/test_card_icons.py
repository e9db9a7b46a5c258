"""Card icons in the layout: which icon a heading and a channel get, where they sit, and the
template keys that ask for them (checked at load like every other key)."""

from __future__ import annotations

import dataclasses

import pytest

from personadesigner.core import text as T
from personadesigner.core.cardlayout import Icon
from personadesigner.core.design_schema import DesignFileError
from personadesigner.core.icons import CHANNEL_KEYWORDS, FIELD_ICONS, GENERIC, channel_icon, icon_names, load_icon
from personadesigner.core.layout import layout
from personadesigner.core.layout_icons import CAP_HEIGHT, ICON_SCALE
from personadesigner.core.template_schema import parse_template
from personadesigner.core.templates import template_names
from support.card_icons import icon_template, template_data, with_icons, without_icons
from support.layout_samples import full


@pytest.mark.parametrize(
    ("words", "icon"),
    [
        ("LinkedIn groups", "brand-linkedin"),
        ("Marketing newsletters", "mail"),
        ("E-mail", "mail"),
        ("Slack communities", "brand-slack"),
        ("Instagram", "brand-instagram"),
        ("YouTube tutorials", "brand-youtube"),
        ("TikTok", "brand-tiktok"),
        ("WhatsApp", "brand-whatsapp"),
        ("Facebook ads", "brand-facebook"),
        ("X (Twitter)", "brand-x"),
        ("twitter", "brand-x"),
        ("Sales calls", "phone"),
        ("Phone", "phone"),
        ("Trade shows", "calendar-event"),
        ("Conference talks", "calendar-event"),
        ("Industry events", "calendar-event"),
        ("Podcasts", "microphone"),
        ("Industry blogs", "world"),
        ("Vendor comparison sites", "world"),
        ("Google search", "brand-google"),
        ("Search engines", "search"),
        ("Architecture forums", "messages"),
        ("Reddit", "brand-reddit"),
        ("Local business association", GENERIC),
        ("Print magazines", "news"),
        ("Word of mouth", "users-group"),
        ("Referrals from peers", "users-group"),
        ("Colleagues", "users-group"),
        ("In-store displays", "building-store"),
        ("Retail", "building-store"),
        ("TV", "device-tv"),
        ("Local radio", "radio"),
        ("SMS reminders", "message"),
        ("Webinars", "presentation"),
        ("Carrier pigeon", GENERIC),
        ("", GENERIC),
    ],
)
def test_channels_are_recognised_by_their_words(words, icon):
    assert channel_icon(words) == icon


def test_a_word_inside_another_word_is_not_a_channel():
    assert channel_icon("Xylophone recitals") == GENERIC  # not X
    assert channel_icon("Seasonal mailers") == "mail"  # a plural still counts
    assert channel_icon("Teletext") == GENERIC  # not "tv"/"text message"


def test_every_icon_the_tables_name_is_bundled_and_draws_something():
    named = set(FIELD_ICONS.values()) | {name for name, _words in CHANNEL_KEYWORDS} | {GENERIC}
    assert named == icon_names()  # nothing missing, nothing bundled for nobody
    for name in named:
        shape = load_icon(name)
        assert shape.strokes and shape.box == 24


def test_a_template_draws_no_icon_unless_it_asks_for_one():
    for name in template_names():
        card = layout(full(), icon_template(name, without_icons(template_data(name))), "classic")
        assert not [it for it in card.items if isinstance(it, Icon)], name
        assert [it for it in layout(full(), name, "classic").items if isinstance(it, Icon)], name  # the built-ins ask


def _icons(card) -> list[Icon]:
    return [it for it in card.items if isinstance(it, Icon)]


def _block(card, field, text_start):
    return next(b for b in card.text_blocks() if b.field == field and b.text.upper().startswith(text_start))


def test_a_heading_icon_sits_left_of_its_words_on_the_caps_in_the_heading_colour():
    card = layout(full(), icon_template("card"), "classic")
    goals = next(i for i in _icons(card) if i.field == "goals")
    assert goals.name == "target"
    heading = _block(card, "goals", "GOALS")
    run = heading.lines[0].runs[0]
    cap = run.size * CAP_HEIGHT
    assert goals.size == pytest.approx(cap * ICON_SCALE)
    assert goals.x + goals.size < run.x <= goals.x + goals.size + run.size  # just before the words
    assert goals.y + goals.size / 2 == pytest.approx(run.y - cap / 2)  # centred on the capitals
    assert goals.color == run.color
    assert goals.stroke_width == pytest.approx(goals.size / 12)  # Tabler's 2-unit pen in 24 units

    plain_card = layout(full(), icon_template("card", without_icons(template_data("card"))), "classic")
    plain_run = _block(plain_card, "goals", "GOALS").lines[0].runs[0]
    assert run.x > plain_run.x  # the words moved right to make room


def test_auto_names_each_sections_own_icon_and_a_name_or_false_is_honoured():
    data = without_icons(template_data("profile"))
    asked = {"facts": "auto", "traits": "auto", "story": "auto", "pain_points": "auto", "goals": "diamond"}
    for region in data["regions"]:
        for item in region.get("items", []):
            key = item.get("field") or item.get("kind")
            if key in asked:
                item["icon"] = asked[key]
    card = layout(full(), icon_template("profile", data), "classic")
    assert sorted(i.name for i in _icons(card)) == sorted(["user", "adjustments", "book", "mood-sad", "diamond"])
    assert {i.field for i in _icons(card)} == {None, "traits", "story", "pain_points", "goals"}

    for region in data["regions"]:
        for item in region.get("items", []):
            if item.get("field") == "goals":
                item["icon"] = False
    card = layout(full(), icon_template("profile", data), "classic")
    assert "goals" not in {i.field for i in _icons(card)} and len(_icons(card)) == 4


def test_item_icons_replace_a_lists_bullets_and_are_hit_as_their_item():
    data = template_data("card")
    flow = next(r for r in data["regions"] if r.get("id") == "main")
    flow["items"] = [{"kind": "list", "field": "channels", "item_icons": True}]
    persona = dataclasses.replace(full(), channels=["LinkedIn groups", "Trade shows", "Carrier pigeon"])
    card = layout(persona, icon_template("card", data), "classic")
    icons = [i for i in _icons(card) if i.field == "channels"]
    assert [(i.name, i.item) for i in icons] == [("brand-linkedin", 0), ("calendar-event", 1), (GENERIC, 2)]
    bullets = [b for b in card.items if getattr(b, "shape", None) == "ellipse" and b.field == "channels"]
    assert bullets == []
    for icon in icons:
        assert card.hit_test(icon.x + icon.size / 2, icon.y + icon.size / 2) == ("channels", icon.item)


def test_inline_item_icons_stand_before_each_item_on_whichever_line_it_lands():
    data = template_data("card")
    flow = next(r for r in data["regions"] if r.get("id") == "main")
    flow["items"] = [{"kind": "inline", "field": "channels", "item_icons": True, "heading": False}]
    words = ["LinkedIn", "Newsletters", "Trade shows", "Podcasts", "Instagram", "YouTube", "Webinars", "Radio"] * 2
    persona = dataclasses.replace(full(), channels=words)
    card = layout(persona, icon_template("card", data), "classic")
    icons = [i for i in _icons(card) if i.field == "channels"]
    assert [i.name for i in icons] == [channel_icon(w) for w in words]
    (block,) = [b for b in card.text_blocks() if b.field == "channels"]
    assert len(block.lines) > 1 and len({round(i.y, 2) for i in icons}) == len(block.lines)
    for line in block.lines:
        run = line.runs[0]
        on_line = sorted(
            (i for i in icons if abs(i.y + i.size / 2 - (run.y - run.size * CAP_HEIGHT / 2)) < 0.01), key=lambda i: i.x
        )
        starts = _word_starts(line.text, run)
        assert len(on_line) == len(starts)
        for icon, start in zip(on_line, starts, strict=True):
            assert start - run.size * 0.5 < icon.x + icon.size <= start  # right before its channel's words
    assert "\u2003" not in "".join(w for w in words)  # the placeholders are ours, not the persona's


def _word_starts(text: str, run) -> list[float]:
    """Where each channel's words begin on a line (after its icon's placeholder)."""
    from personadesigner.core.layout_icons import PLACEHOLDER

    out, at = [], text.find(PLACEHOLDER)
    while at >= 0:
        end = at + len(PLACEHOLDER)
        out.append(run.x + T.measure(text[:end], run.font, run.size))
        at = text.find(PLACEHOLDER, end)
    return out


def test_an_unknown_icon_name_is_refused_in_one_line_naming_the_key(tmp_path):
    data = with_icons(template_data("card"))
    main = next(k for k, r in enumerate(data["regions"]) if r.get("id") == "main")
    data["regions"][main]["items"][1]["icon"] = "nosuch"
    with pytest.raises(DesignFileError) as err:
        parse_template(data, tmp_path / "mine.json")
    message = str(err.value)
    assert "\n" not in message
    assert f"regions[{main}].items[1].icon" in message and "nosuch" in message and "auto" in message
    data["regions"][main]["items"][1]["icon"] = 3
    with pytest.raises(DesignFileError, match=rf"regions\[{main}\]\.items\[1\]\.icon"):
        parse_template(data, tmp_path / "mine.json")


def test_item_icons_is_a_key_of_lists_and_inline_lines_only(tmp_path):
    data = template_data("card")
    main = next(k for k, r in enumerate(data["regions"]) if r.get("id") == "main")
    quote = next(k for k, it in enumerate(data["regions"][main]["items"]) if it["kind"] == "quote")
    data["regions"][main]["items"][quote]["item_icons"] = True
    with pytest.raises(DesignFileError, match="item_icons"):
        parse_template(data, tmp_path / "mine.json")


def test_every_icon_of_a_card_is_inside_the_card_and_no_two_overlap():
    persona = dataclasses.replace(full(), channels=["LinkedIn", "Email", "Slack communities", "Events"])
    card = layout(persona, icon_template("card"), "classic")
    icons = _icons(card)
    assert len(icons) >= 5
    for k, icon in enumerate(icons):
        assert icon.x >= 0 and icon.x + icon.size <= card.width and icon.y >= 0 and icon.y + icon.size <= card.height
        for other in icons[k + 1 :]:
            apart_x = icon.x + icon.size <= other.x or other.x + other.size <= icon.x
            apart_y = icon.y + icon.size <= other.y or other.y + other.size <= icon.y
            assert apart_x or apart_y, (icon.name, other.name)
