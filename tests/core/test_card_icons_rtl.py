"""Card icons on right-to-left and mixed-direction cards: an Arabic or Hebrew persona's headings
and channels get their icons on the side a right-to-left reader starts from, and a left-to-right
channel line with one Arabic item keeps every icon."""

from __future__ import annotations

import pytest

from personadesigner.core import text as T
from personadesigner.core.cardlayout import Icon
from personadesigner.core.icons import channel_icon
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from support.card_icons import icon_template, template_data, with_icons, with_inline, without_icons

ARABIC_CHANNELS = ["بريد", "LinkedIn", "واتساب", "فعاليات"]


def _inline_channels_card(persona: Persona):
    data = template_data("card")
    flow = next(r for r in data["regions"] if r.get("id") == "main")
    flow["items"] = [
        {"kind": "list", "field": "goals", "icon": "auto"},
        {"kind": "inline", "field": "channels", "item_icons": True, "icon": "auto"},
    ]
    return layout(persona, icon_template("card", data), "classic")


def _icons(card, field, item=...):
    return [i for i in card.items if isinstance(i, Icon) and i.field == field and (item is ... or i.item == item)]


def _block(card, field, heading: bool):
    """The section's heading, or its first text block after the heading."""
    return [b for b in card.text_blocks() if b.field == field][0 if heading else 1]


def _arabic() -> Persona:
    return Persona(name="فاطمة الزهراء", goals=["زيادة المبيعات", "تقليل التكاليف"], channels=ARABIC_CHANNELS)


def test_a_right_aligned_heading_over_arabic_items_has_its_icon_on_the_right_beside_its_words():
    card = _inline_channels_card(_arabic())
    heading = _block(card, "goals", heading=True)
    assert heading.align == "right"
    (icon,) = _icons(card, "goals", None)
    assert icon.name == "target"
    words = heading.lines[0].runs
    right_of_words = max(r.x + r.width for r in words)
    assert right_of_words < icon.x <= right_of_words + words[0].size  # just after the words
    assert icon.x + icon.size == pytest.approx(heading.x + heading.w)  # on the edge the bullets hang from
    # the items' bullets hang from that same edge
    bullets = [b for b in card.items if getattr(b, "shape", None) == "ellipse" and b.field == "goals"]
    assert bullets and all(b.x + b.w > icon.x for b in bullets)


def test_a_hebrew_heading_keeps_its_icon_too():
    persona = Persona(name="יעל כהן", goals=["לשפר את הזמן"], channels=["אימייל"])
    card = _inline_channels_card(persona)
    (icon,) = _icons(card, "goals", None)
    heading = _block(card, "goals", heading=True)
    assert icon.x > max(r.x + r.width for r in heading.lines[0].runs)


def test_arabic_inline_channels_each_get_their_icon_right_of_their_words_in_reading_order():
    card = _inline_channels_card(_arabic())
    icons = [i for i in _icons(card, "channels") if i.item is not None]
    assert [(i.name, i.item) for i in icons] == [(channel_icon(w), k) for k, w in enumerate(ARABIC_CHANNELS)]
    line = _block(card, "channels", heading=False).lines[0]
    assert len({round(i.y, 2) for i in icons}) == 1  # one line
    xs = [i.x for i in icons]
    assert xs == sorted(xs, reverse=True)  # the first channel is read first: rightmost
    right_end = max(r.x + r.width for r in line.runs)
    assert icons[0].x + icons[0].size == pytest.approx(right_end, abs=0.5)
    # LinkedIn (a left-to-right word inside the right-to-left line): its icon right after it
    (linkedin,) = [r for r in line.runs if r.text == "LinkedIn"]
    assert linkedin.x + linkedin.width < icons[1].x < linkedin.x + linkedin.width + linkedin.size
    for a, b in zip(icons, icons[1:]):
        assert b.x + b.size < a.x  # none overlaps the next


def test_a_left_to_right_channel_line_with_one_arabic_item_keeps_every_icon():
    words = ["LinkedIn", "واتساب", "Email", "Events"]
    card = _inline_channels_card(Persona(name="Anna Berg", goals=["Grow"], channels=words))
    icons = [i for i in _icons(card, "channels") if i.item is not None]
    assert [i.name for i in icons] == [channel_icon(w) for w in words]
    xs = [i.x for i in icons]
    assert xs == sorted(xs)  # read left to right
    line = _block(card, "channels", heading=False).lines[0]
    (email,) = [r for r in line.runs if "Email" in r.text]
    assert email.x < icons[2].x < email.x + email.width  # before "Email", inside its run


def test_an_icon_after_a_chinese_channel_is_placed_although_its_spaces_fall_into_two_faces():
    words = ["微信", "LinkedIn", "微博", "Email"]
    card = _inline_channels_card(Persona(name="王小明", goals=["提高效率"], channels=words))
    icons = [i for i in _icons(card, "channels") if i.item is not None]
    assert [i.name for i in icons] == [channel_icon(w) for w in words]
    line = _block(card, "channels", heading=False).lines[0]
    (run,) = [r for r in line.runs if "LinkedIn" in r.text]
    words_x = run.x + T.measure(run.text[: run.text.index("LinkedIn")], run.font, run.size)
    assert words_x - run.size * 0.5 < icons[1].x + icons[1].size <= words_x  # just before its words


def test_a_latin_only_line_of_a_right_to_left_paragraph_is_ordered_right_to_left():
    """Arabic channels wrapped in profile's narrow sidebar: the "YouTube Ads ·" line belongs to a
    right-to-left paragraph, so its separator ends it on the left and its icon starts it on the
    right (it was laid out left to right: the dot on the right, the icon on the left)."""
    words = ["البريد الإلكتروني", "LinkedIn", "واتساب", "YouTube Ads", "فعاليات"]
    persona = Persona(name="فاطمة الزهراء", goals=["زيادة المبيعات"], channels=words)
    inline = icon_template("profile", with_inline(with_icons(template_data("profile"))))
    plain = icon_template("profile", with_inline(without_icons(template_data("profile"))))
    for template in (inline, plain):
        card = layout(persona, template, "classic")
        block = [b for b in card.text_blocks() if b.field == "channels"][1]
        line = next(ln for ln in block.lines if "YouTube" in ln.text)
        assert "\u0627" not in line.text and len(block.lines) > 2  # a Latin-only line of a wrapped paragraph
        (word,) = [r for r in line.runs if r.text.strip() == "YouTube Ads"]
        (dot,) = [r for r in line.runs if "\u00b7" in r.text]
        assert dot.x + dot.width <= word.x + 0.01  # the separator on the left
        if template is inline:
            (icon,) = [i for i in _icons(card, "channels") if i.item == 3]
            assert icon.x >= word.x + word.width  # the icon on the right, where the line starts
