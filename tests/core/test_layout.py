"""The layout engine on every template: geometry, sections, badges, avatars, fitting, cuts."""

from __future__ import annotations

import pytest

from personadesigner.core.cardlayout import Box, ImageItem, Slider
from personadesigner.core.layout import layout
from personadesigner.core.persona import TYPE_LABELS, CustomSection, Persona
from personadesigner.core.templates import template_names
from support.layout_samples import full, multilingual, negative, photo_png, plain

BLEED = 8.5


def extent(it):
    return it.x, it.y, it.x + it.w, it.y + it.h


def all_text(lay) -> str:
    return "\n".join(b.text for b in lay.text_blocks())


@pytest.mark.parametrize("template", template_names())
def test_every_template_lays_out_every_sample_inside_trim_and_bleed(template, sample):
    lay = layout(sample, template, "classic", bleed=BLEED)
    assert lay.items
    for it in lay.items:
        if hasattr(it, "x1"):  # a Rule
            x1, x2, y1, y2 = min(it.x1, it.x2), max(it.x1, it.x2), min(it.y1, it.y2), max(it.y1, it.y2)
        else:
            x1, y1, x2, y2 = extent(it)
        assert -BLEED - 0.01 <= x1 <= x2 <= lay.width + BLEED + 0.01, it
        assert -BLEED - 0.01 <= y1 <= y2 <= lay.height + BLEED + 0.01, it
    for run in lay.runs():  # text stays on the trim, away from the cutter
        assert run.x >= 0 and run.x + run.width <= lay.width + 0.01
        assert 0 < run.y <= lay.height


@pytest.mark.parametrize("template", template_names())
def test_text_lines_never_exceed_their_block(template):
    lay = layout(full(), template, "classic")
    for block in lay.text_blocks():
        for line in block.lines:
            if line.runs:
                left = min(r.x for r in line.runs)
                right = max(r.x + r.width for r in line.runs)
                assert block.x - 0.01 <= left and right <= block.x + block.w + 0.01, (block.field, line.text)


def test_a_long_letter_spaced_heading_fills_its_lines_and_keeps_its_text():
    """A 1200-character custom label once broke one word per line and pushed its text off the card."""
    label = " ".join(["Research"] * 130)
    p = Persona(
        name="Ada",
        type="end_user",
        role="Lead",
        goals=["Ship"],
        pain_points=["Slow"],
        custom=[CustomSection(label, "The secret value")],
    )
    lay = layout(p, "profile", "classic")
    heading = [b for b in lay.text_blocks() if b.field == "custom" and "RESEARCH" in b.text.upper()]
    assert heading
    for block in heading:
        assert all(line.text.count("RESEARCH") >= 2 for line in block.lines[:-1]), [ln.text for ln in block.lines]
        for line in block.lines:
            assert max(r.x + r.width for r in line.runs) <= block.x + block.w + 0.01
    assert "The secret value" in all_text(lay)


def test_backgrounds_extend_into_the_bleed_only_when_asked():
    flat = layout(plain(), "card", "classic")
    bled = layout(plain(), "card", "classic", bleed=BLEED)
    bg0, bg1 = flat.items[0], bled.items[0]
    assert (bg0.x, bg0.y, bg0.w) == (0, 0, flat.width)
    assert (bg1.x, bg1.y, bg1.w, bg1.h) == pytest.approx(
        (-BLEED, -BLEED, bled.width + 2 * BLEED, bled.height + 2 * BLEED)
    )


def test_template_sizes():
    card = layout(plain(), "card", "classic")
    assert (card.width / 72 * 25.4, card.height / 72 * 25.4) == pytest.approx((105, 148))
    mini = layout(plain(), "mini", "classic")
    assert (mini.width / 72 * 25.4, mini.height / 72 * 25.4) == pytest.approx((85, 55))
    slide = layout(plain(), "slide", "classic")
    assert (slide.width / 72, slide.height / 72) == pytest.approx((13.333, 7.5), abs=0.001)
    letter = layout(full(), "profile", "classic", page_size="Letter")
    assert (letter.width, letter.height) == pytest.approx((612, 792))
    a0 = layout(plain(), "poster", "classic", page_size="A0")
    a2 = layout(plain(), "poster", "classic")
    assert a0.width / a2.width == pytest.approx(2.0, rel=0.01)
    name0 = next(b for b in a0.text_blocks() if b.field == "name").lines[0].runs[0].size
    name2 = next(b for b in a2.text_blocks() if b.field == "name").lines[0].runs[0].size
    assert name0 == pytest.approx(2 * name2, rel=0.02)  # the poster scales, type included


def test_empty_sections_are_left_out_without_a_heading():
    p = plain()
    p.pain_points = ["", "  "]
    texts = all_text(layout(p, "card", "classic")).upper()
    assert "GOALS" in texts and "PAIN POINTS" not in texts
    assert not [b for b in layout(p, "card", "classic").text_blocks() if b.field == "pain_points"]


def test_profile_prints_every_filled_section_but_never_the_notes():
    lay = layout(full(), "profile", "classic", names={"p-anna": "Anna Berg"})
    text = all_text(lay)
    fields = {b.field for b in lay.text_blocks()}
    for f in (
        "story",
        "age",
        "industry",
        "segment",
        "quote",
        "goals",
        "pain_points",
        "motivations",
        "behaviors",
        "values",
        "channels",
        "tools",
        "objections",
        "buying_criteria",
        "budget",
        "decision_process",
        "day_in_the_life",
        "traits",
        "sources",
        "confidence",
        "last_validated",
        "related",
        "custom",
    ):
        assert f in fields, f
    assert "INTERNAL-ONLY-NOTE" not in text
    assert "Approves for: Anna Berg" in text  # the related persona by name, not by id
    assert len([s for s in lay.items if isinstance(s, Slider)]) == 2
    assert not lay.preflight


def test_negative_persona_is_unmistakable_on_every_template():
    for template in template_names():
        lay = layout(negative(), template, "classic")
        band = [b for b in lay.text_blocks() if "NOT OUR CUSTOMER" in b.text]
        assert band and band[0].w >= lay.width - 0.01, template
        assert any(b.text == TYPE_LABELS["negative"] for b in lay.text_blocks()), template
        assert "NOT OUR CUSTOMER" not in all_text(layout(plain(), template, "classic"))


@pytest.mark.parametrize("ptype", sorted(TYPE_LABELS))
def test_type_badge_shows_the_label_in_the_type_colour(ptype):
    from personadesigner.core.themes import load_theme

    p = plain()
    p.type = ptype
    lay = layout(p, "card", "classic")
    badge = [b for b in lay.text_blocks() if b.field == "type" and b.text == TYPE_LABELS[ptype]]
    assert len(badge) == 1
    colour = load_theme("classic").type_colors[ptype]
    assert badge[0].lines[0].runs[0].color == colour  # the label is set in the type's accent
    assert any(isinstance(b, Box) and b.fill == colour and b.w >= lay.width for b in lay.items)  # and the band


def test_avatar_without_photo_and_cropped_image_with_one():
    p = plain()
    lay = layout(p, "card", "classic")
    assert not [i for i in lay.items if isinstance(i, ImageItem)]
    initials = [b for b in lay.text_blocks() if b.field == "photo"]
    assert initials and initials[0].text == "AB"
    assert any(isinstance(b, Box) and b.shape == "ellipse" and b.field == "photo" for b in lay.items)

    p.photo = photo_png(300, 200)
    img = [i for i in layout(p, "card", "classic").items if isinstance(i, ImageItem)]
    assert len(img) == 1
    x, y, w, h = img[0].src
    assert (x, y, w, h) == pytest.approx((50, 0, 200, 200))  # centred square crop for a round frame
    assert img[0].clip == "ellipse"


def test_the_photo_digest_is_computed_by_the_layout_and_shared_by_the_painters():
    """The painters' image caches key on ImageItem.key: one digest per photo, not one per paint."""
    from personadesigner.core.avatar import image_key, photo_key

    p = plain()
    p.photo = photo_png(300, 200)
    keys = {i.key for t in ("card", "profile") for i in layout(p, t, "classic").items if isinstance(i, ImageItem)}
    assert keys == {photo_key(p.photo)}
    p.photo = photo_png(301, 200)
    other = [i for i in layout(p, "card", "classic").items if isinstance(i, ImageItem)][0]
    assert other.key not in keys and image_key(other) == other.key
    hand_made = ImageItem(0, 0, 10, 10, p.photo, (0, 0, 10, 10))
    assert image_key(hand_made) == other.key


def test_a_damaged_photo_falls_back_to_the_avatar():
    p = plain()
    p.photo = b"\x89PNG not really"
    lay = layout(p, "card", "classic")
    assert not [i for i in lay.items if isinstance(i, ImageItem)]
    assert any(b.field == "photo" and b.text == "AB" for b in lay.text_blocks())


def test_fifteen_long_goals_on_a_card_are_cut_and_reported():
    p = plain()
    p.goals = [
        f"Goal {i}: " + "a long and detailed objective that takes several lines to explain " * 3 for i in range(15)
    ]
    lay = layout(p, "card", "classic")
    assert lay.preflight and {c.field for c in lay.preflight} <= {"goals", "pain_points"}
    assert any(c.field == "goals" for c in lay.preflight)
    assert all(c.persona == "Anna Berg" and c.shown_chars < c.total_chars for c in lay.preflight)
    # the goals that do not fit leave the card whole, and the card says how many
    shown = {b.item for b in lay.text_blocks() if b.field == "goals" and b.item is not None and b.text[:1] != "+"}
    markers = [b.text for b in lay.text_blocks() if b.field == "goals" and b.text.startswith("+")]
    assert markers == [f"+{15 - len(shown)} more goals"]


def test_shrinking_within_the_range_is_not_a_cut():
    p = plain()
    roomy = layout(p, "card", "classic")
    p.goals = [f"Goal {i}: a clear objective that takes one or two lines on the card" for i in range(14)]
    tight = layout(p, "card", "classic")
    size = lambda lay: next(b for b in lay.text_blocks() if b.field == "goals" and b.item == 0).lines[0].runs[0].size
    assert size(tight) < size(roomy)
    assert not tight.preflight


def test_hit_test_maps_a_point_in_the_quote_to_the_quote():
    lay = layout(plain(), "card", "classic")
    q = next(b for b in lay.text_blocks() if b.field == "quote")
    assert lay.hit_test(q.x + q.w / 2, q.y + q.h / 2) == ("quote", None)
    g = next(b for b in lay.text_blocks() if b.field == "goals" and b.item == 1)
    assert lay.hit_test(g.x + 20, g.y + g.h / 2) == ("goals", 1)


def test_multilingual_text_uses_the_script_fonts_and_keeps_markup():
    lay = layout(multilingual(), "card", "classic")
    fonts = {r.font for r in lay.runs()}
    assert {"cjk", "arabic", "emoji"} <= fonts
    assert "<b>R&D</b>" in all_text(lay)
    assert "\x07" not in all_text(lay)


def test_high_contrast_keeps_text_larger():
    p = plain()
    p.goals = [f"Goal {i}: " + "a long objective " * 6 for i in range(15)]
    smallest = lambda lay: min(r.size for r in lay.runs())
    assert smallest(layout(p, "card", "high-contrast")) >= 8.0
    assert smallest(layout(p, "card", "high-contrast")) > smallest(layout(p, "card", "classic"))


def test_layout_is_deterministic():
    a = layout(full(), "profile", "warm")
    b = layout(full(), "profile", "warm")
    assert a.items == b.items


def test_sources_print_their_kind_as_the_editor_names_it():
    from personadesigner.core.persona import Source

    p = Persona(
        name="Src",
        goals=["Ship"],
        sources=[Source("support", "Zendesk export", "2026-02-01"), Source("crm", "Pipeline notes")],
    )
    text = " ".join(all_text(layout(p, "profile", "classic")).split())  # a source may wrap
    assert "Support tickets \u00b7 Zendesk export" in text and "CRM \u00b7 Pipeline notes" in text


def test_names_resolve_only_when_given():
    p = full()
    assert "Approves for: p-anna" in all_text(layout(p, "profile", "classic"))


def test_rtl_item_hangs_from_the_right_edge():
    p = Persona(name="X", goals=["שלום עולם", "Hello"])
    lay = layout(p, "card", "classic")
    block = next(b for b in lay.text_blocks() if b.field == "goals" and b.item == 0)
    bullet = next(b for b in lay.items if isinstance(b, Box) and b.field == "goals" and b.item == 0)
    runs = block.lines[0].runs
    assert bullet.x > runs[-1].x + runs[-1].width  # bullet right of the text
    assert bullet.x + bullet.w == pytest.approx(block.x + block.w - 1.0, abs=0.05)
    assert runs[0].rtl and runs[0].clusters[-1] == 0  # visual order: the first logical letter drawn last
    latin = next(b for b in lay.text_blocks() if b.field == "goals" and b.item == 1)
    assert latin.lines[0].runs[0].x > block.x  # left-to-right items keep the hanging indent on the left


def test_a_flow_continues_in_its_next_column_and_never_strands_a_heading():
    from personadesigner.core.templates import Template

    data = {
        "regions": [
            {
                "kind": "flow",
                "left": 10,
                "top": 10,
                "right": 10,
                "bottom": 10,
                "columns": 2,
                "gutter": 10,
                "items": [{"kind": "list", "field": "goals"}, {"kind": "list", "field": "pain_points"}],
            }
        ]
    }
    tpl = Template.from_data("two", {"size": [300, 200], **data})
    p = Persona(name="Cols", goals=[f"Goal {i}" for i in range(12)], pain_points=[f"Pain {i}" for i in range(6)])
    lay = layout(p, tpl, "classic")
    blocks = lay.text_blocks()
    assert {round(b.x) for b in blocks} == {10, 155}  # both columns used
    for col in (10, 155):
        last = max((b for b in blocks if round(b.x) == col), key=lambda b: b.y)
        assert last.text not in ("GOALS", "PAIN POINTS")
    assert not lay.preflight


def test_flows_of_a_fit_group_share_one_size_below_a_tall_negative_band():
    """The shared size is worked out on the page the flows are drawn on: below the band's
    own height (here 80 pt, not the template's default 20), in the same pass."""
    from personadesigner.core.templates import Template

    def column(left, field):
        return {
            "kind": "flow",
            "fit_group": "body",
            "left": left,
            "top": 10,
            "width": 130,
            "bottom": 10,
            "items": [{"kind": "list", "field": field}],
        }

    data = {
        "negative": {"height": 20},
        "regions": [{"kind": "negative_band", "height": 80}, column(10, "goals"), column(160, "pain_points")],
    }
    tpl = Template.from_data("band", {"size": [300, 260], **data})
    p = Persona(
        name="Neg",
        type="negative",
        goals=["Short"],
        pain_points=[f"Pain point number {i} that wraps over lines" for i in range(9)],
    )
    lay = layout(p, tpl, "classic")
    sizes = {
        b.field: {r.size for ln in b.lines for r in ln.runs}
        for b in lay.text_blocks()
        if b.field in ("goals", "pain_points") and b.item is not None
    }
    assert sizes["goals"] == sizes["pain_points"] and len(sizes["goals"]) == 1
    assert min(b.y for b in lay.text_blocks() if b.field == "pain_points") >= 80 + 10 - 0.01


def test_a_flow_ends_above_the_footer_or_at_the_margin_when_the_footer_is_empty():
    from personadesigner.core.templates import Template

    data = {
        "margin": 20,
        "regions": [
            {
                "kind": "flow",
                "id": "footer",
                "left": 10,
                "right": 10,
                "bottom": 0,
                "height": 30,
                "items": [{"kind": "text", "field": "segment"}],
            },
            {
                "kind": "flow",
                "id": "main",
                "left": 10,
                "top": 10,
                "right": 10,
                "bottom": "above:footer",
                "bottom_gap": 6,
                "items": [{"kind": "list", "field": "goals"}],
            },
        ],
    }
    tpl = Template.from_data("foot", {"size": [200, 200], **data})
    goals = [f"Goal number {i}" for i in range(40)]  # more than fit: the flow fills its region
    with_footer = layout(Persona(name="F", goals=goals, segment="Enterprise"), tpl, "classic")
    without = layout(Persona(name="F", goals=goals), tpl, "classic")

    def lowest_goal(lay):
        return max(b.y + b.h for b in lay.text_blocks() if b.field == "goals")

    assert lowest_goal(with_footer) <= 200 - 30 - 6 + 0.01
    assert 200 - 30 - 6 + 0.01 < lowest_goal(without) <= 200 - 20 + 0.01


def test_a_flow_starts_right_of_a_sidebar_or_at_the_margin_when_it_is_empty():
    from personadesigner.core.templates import Template

    data = {
        "margin": 20,
        "regions": [
            {
                "kind": "flow",
                "id": "side",
                "left": 20,
                "top": 10,
                "width": 60,
                "bottom": 10,
                "items": [{"kind": "list", "field": "tools"}],
            },
            {
                "kind": "flow",
                "id": "main",
                "left": "right_of:side",
                "left_gap": 15,
                "top": 10,
                "right": 10,
                "bottom": 10,
                "items": [{"kind": "list", "field": "goals"}],
            },
        ],
    }
    tpl = Template.from_data("side", {"size": [300, 200], **data})

    def goals_x(p):
        return min(b.x for b in layout(p, tpl, "classic").text_blocks() if b.field == "goals")

    assert goals_x(Persona(name="S", goals=["Ship"], tools=["Excel"])) == pytest.approx(20 + 60 + 15)
    assert goals_x(Persona(name="S", goals=["Ship"])) == pytest.approx(20)


def test_profile_without_sidebar_content_uses_the_whole_width():
    from personadesigner.core.themes import load_theme

    surface = load_theme("classic").colors["surface"]
    sparse = layout(negative(), "profile", "classic")
    rich = layout(full(), "profile", "classic")
    sidebar = lambda lay: any(isinstance(b, Box) and b.fill == surface and b.x <= 0 for b in lay.items)
    assert not sidebar(sparse)
    assert sidebar(rich)
    goals = lambda lay: next(b for b in lay.text_blocks() if b.field == "goals")
    assert goals(sparse).x < goals(rich).x


def test_the_header_band_bleeds_at_the_edges_it_touches_only():
    from personadesigner.core.themes import load_theme

    colour = load_theme("classic").type_colors["end_user"]
    lay = layout(plain(), "card", "classic", bleed=BLEED)
    band = next(b for b in lay.items if isinstance(b, Box) and b.fill == colour and b.w > lay.width)
    assert (band.x, band.y) == pytest.approx((-BLEED, -BLEED))
    assert band.x + band.w == pytest.approx(lay.width + BLEED)
    assert band.y + band.h < lay.height / 2  # its inner edge stays where the design put it


def test_a_name_shrinks_before_it_breaks_inside_a_word():
    """The slide's name style allows 34 down to 20 pt: "Παπαδοπούλου" is set smaller, whole."""
    from personadesigner.core.cardlayout import WordBroken

    lay = layout(Persona(name="Μαρία Παπαδοπούλου-Καραγιαννοπούλου", role="Λογίστρια"), "slide", "classic")
    (block,) = [b for b in lay.text_blocks() if b.field == "name"]
    words = "Μαρία Παπαδοπούλου-Καραγιαννοπούλου".replace("-", "- ").split()
    for line in block.lines:  # every line is whole words (a hyphen is a break opportunity)
        assert all(part in words for part in line.text.replace("-", "- ").split()), line.text
    assert not [p for p in lay.preflight if isinstance(p, WordBroken)]


def test_only_a_word_wider_than_the_box_at_the_minimum_size_is_broken_and_reported():
    from personadesigner.core.cardlayout import WordBroken

    word = "Παπαδοπουλοκωνσταντινοπουλοκαραγιαννοπούλου"
    lay = layout(Persona(name=word), "mini", "classic")
    (block,) = [b for b in lay.text_blocks() if b.field == "name"]
    assert len(block.lines) > 1 and "".join(line.text for line in block.lines) == word
    (broken,) = [p for p in lay.preflight if isinstance(p, WordBroken)]
    assert broken.field == "name" and broken.word == word and "wider than its box" in str(broken)


def test_a_character_without_a_font_is_reported_and_outlined():
    from personadesigner.core.cardlayout import MissingGlyphs

    lay = layout(Persona(name="Ulfilas \U00010330", role="Bishop"), "card", "classic")
    missing = {p.field: p for p in lay.preflight if isinstance(p, MissingGlyphs)}
    assert set(missing) == {"name", "photo"}  # the initials avatar shows it too
    assert missing["name"].chars == "\U00010330" and "U+10330" in str(missing["name"])
    (block,) = [b for b in lay.text_blocks() if b.field == "name"]
    assert block.missing == "\U00010330"


def test_a_kanji_only_name_of_a_japanese_persona_takes_the_japanese_bold_face():
    def name_faces(persona):
        lay = layout(persona, "card", "classic")
        return {r.font for b in lay.text_blocks() if b.field == "name" for line in b.lines for r in line.runs}

    assert name_faces(Persona(name="佐藤 花子", role="プロダクトマネージャー")) == {"cjk-jp-bold"}  # kana in the role
    assert name_faces(Persona(name="佐藤 花子", role="产品经理")) == {"cjk-sc-bold"}  # Chinese: the Chinese bold face
