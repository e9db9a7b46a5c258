"""Visual modules: chips, big-number callouts, the share bar and the full-bleed header photo.

Each is laid out on a small template of its own (so the numbers are the module's, not a
built-in template's), checked on the primitives every painter draws and, for the text,
on a real PDF read back with pdftotext."""

from __future__ import annotations

import pytest

from personadesigner.core.cardlayout import Box, Cut, TextBlock
from personadesigner.core.design_schema import DesignFileError
from personadesigner.core.layout import layout
from personadesigner.core.layout_modules import split_number
from personadesigner.core.persona import Persona, Source
from personadesigner.core.templates import Template
from personadesigner.render.pdf import write_cards_pdf
from support.poppler import pdf_text

W, H = 240.0, 320.0
MARGIN = 12.0


def _template(items: list, *, height: float | None = None, photo: dict | None = None) -> Template:
    flow = {"kind": "flow", "id": "main", "left": MARGIN, "top": MARGIN, "right": MARGIN, "items": items}
    flow["height" if height else "bottom"] = height or MARGIN
    regions = [{"kind": "rect", "left": 0, "top": 0, "right": 0, "bottom": 0, "fill": "background"}]
    if photo:
        regions.append(photo)
    return Template.from_data("modules", {"size": [W, H], "regions": [*regions, flow]}, "/designs/modules.json")


def _chip_boxes(card, field: str) -> list[Box]:
    return [b for b in card.items if isinstance(b, Box) and b.field == field and b.radius > 0]


def _texts(card, field: str | None = None) -> list[str]:
    return [
        line.text
        for b in card.items
        if isinstance(b, TextBlock) and (field is None or b.field == field)
        for line in b.lines
    ]


CHANNELS = [f"Channel number {i}" for i in range(12)]


def test_chips_wrap_inside_the_column_in_rows():
    card = layout(
        Persona(name="Ada", channels=CHANNELS),
        _template([{"kind": "chips", "field": "channels", "heading": False}]),
        "classic",
    )
    boxes = _chip_boxes(card, "channels")
    assert len(boxes) == 12  # every channel is a pill
    rows = sorted({round(b.y, 2) for b in boxes})
    assert len(rows) >= 4  # they wrapped
    assert all(b.x >= MARGIN - 0.01 and b.x + b.w <= W - MARGIN + 0.01 for b in boxes)
    assert sorted(_texts(card, "channels")) == sorted(CHANNELS)
    assert not card.preflight


def test_a_row_limit_ends_in_a_more_chip_that_counts_what_is_left_out():
    tpl = _template([{"kind": "chips", "field": "channels", "max_rows": 2, "heading": False}])
    card = layout(Persona(name="Ada", channels=CHANNELS), tpl, "classic")
    texts = _texts(card, "channels")
    shown = [t for t in texts if t in CHANNELS]
    more = [t for t in texts if t.startswith("+")]
    assert more == [f"+{12 - len(shown)} more"]
    assert len({round(b.y, 2) for b in _chip_boxes(card, "channels")}) == 2
    assert shown == CHANNELS[: len(shown)]  # in the persona's order


def test_max_items_says_how_many_more_on_a_chip():
    tpl = _template([{"kind": "chips", "field": "tools", "max_items": 3, "heading": False}])
    card = layout(Persona(name="Ada", tools=["Excel", "Slack", "Figma", "Notion", "Jira"]), tpl, "classic")
    assert _texts(card, "tools") == ["Excel", "Slack", "Figma", "+2 more"]


def test_chips_that_run_out_of_room_say_so_on_the_card_and_in_the_preflight():
    tpl = _template([{"kind": "chips", "field": "channels", "heading": False}], height=60)
    card = layout(Persona(name="Ada", channels=CHANNELS), tpl, "classic")
    texts = _texts(card, "channels")
    shown = [t for t in texts if t in CHANNELS]
    assert 0 < len(shown) < 12
    assert texts[-1] == f"+{12 - len(shown)} more"
    cut = {c.item for c in card.preflight if isinstance(c, Cut) and c.field == "channels"}
    assert cut == set(range(len(shown), 12))  # exactly the channels not on the card


CALLOUTS = {"kind": "callouts", "fields": ["age", "company_size", "income", "budget"]}


def test_callouts_skip_empty_fields_and_stay_in_equal_columns():
    p = Persona(name="Ada", age="34-40", income="$2M", company_size="")
    card = layout(p, _template([CALLOUTS]), "classic")
    blocks = [b for b in card.items if isinstance(b, TextBlock) and b.field in ("age", "company_size", "income")]
    assert [b.field for b in blocks] == ["age", "income"]  # the empty company size and budget are skipped
    assert blocks[0].w == pytest.approx(blocks[1].w) and blocks[0].w > (W - 2 * MARGIN) / 2 - 20
    assert [line.text for line in blocks[0].lines] == ["34\u201340", "AGE"]
    assert [line.text for line in blocks[1].lines] == ["$2M", "INCOME"]


def test_a_long_callout_shrinks_then_wraps_inside_its_column():
    long = "Annual software budget fixed every fourth quarter after the board review"
    p = Persona(name="Ada", age="29", budget=long, company_size="250 employees")
    card = layout(p, _template([CALLOUTS]), "classic")
    blocks = {
        b.field: b for b in card.items if isinstance(b, TextBlock) and b.field in ("age", "budget", "company_size")
    }
    big = {f: max(run.size for line in b.lines for run in line.runs) for f, b in blocks.items()}
    assert big["budget"] < big["age"]  # shrunk
    assert len(blocks["budget"].lines) > 2  # then wrapped (and its label under it)
    for b in blocks.values():
        for line in b.lines:
            for run in line.runs:
                assert b.x - 0.01 <= run.x and run.x + run.width <= b.x + b.w + 0.01
    # the number read out of "250 employees" is the figure, its words go under the label
    assert [line.text for line in blocks["company_size"].lines] == ["250", "COMPANY SIZE", "employees"]
    assert not card.preflight


@pytest.mark.parametrize(
    ("value", "figure", "words"),
    [
        ("34-40", "34\u201340", ""),
        ("$2M", "$2M", ""),
        ("250 employees", "250", "employees"),
        ("1,200+ staff", "1,200+", "staff"),
        ("Gothenburg, Sweden", "Gothenburg, Sweden", ""),
    ],
)
def test_numbers_are_read_out_of_text(value, figure, words):
    assert split_number(value) == (figure, words)


def _bars(card) -> list[Box]:
    return sorted((b for b in card.items if isinstance(b, Box) and b.field == "sources"), key=lambda b: -b.w)


@pytest.mark.parametrize(
    "persona",
    [
        Persona(name="Ada", segment="Segment 2 of 4 (34 % of respondents)"),
        Persona(name="Ada", sources=[Source(kind="survey", title="Survey survey.csv, n = 204 of 600")]),
    ],
    ids=["segment", "survey source"],
)
def test_the_share_bar_is_filled_to_the_share(persona):
    card = layout(persona, _template([{"kind": "share_bar"}]), "classic")
    track, fill = _bars(card)
    assert track.w == pytest.approx(W - 2 * MARGIN)
    assert fill.w / track.w == pytest.approx(0.34, abs=0.002)
    assert any("34 % of" in t and "respondents" in t for t in _texts(card, "sources"))


def test_no_share_no_bar():
    p = Persona(name="Ada", segment="Small agencies", sources=[Source(kind="interview", title="Spring round")])
    card = layout(p, _template([{"kind": "share_bar"}, {"kind": "text", "field": "segment"}]), "classic")
    assert _bars(card) == []
    assert not any("respondents" in t for t in _texts(card))


def test_the_pdf_text_layer_has_the_chips_callouts_and_share(tmp_path):
    tpl = _template([CALLOUTS, {"kind": "chips", "field": "channels", "heading": False}, {"kind": "share_bar"}])
    p = Persona(
        name="Ada",
        age="34",
        company_size="250 employees",
        channels=["LinkedIn", "Trade fairs"],
        segment="Segment 1 of 3 (27% of respondents)",
    )
    out = tmp_path / "modules.pdf"
    write_cards_pdf([layout(p, tpl, "classic")], out)
    words = " ".join(pdf_text(out).split())
    for text in ("34", "AGE", "250", "COMPANY SIZE", "LinkedIn", "Trade fairs", "Represents 27% of respondents"):
        assert text in words


def test_every_new_kind_validates_and_a_misspelled_key_is_refused_in_one_line():
    _template([CALLOUTS, {"kind": "chips", "field": "goals", "max_rows": 2}, {"kind": "share_bar"}])
    with pytest.raises(DesignFileError) as info:
        _template([{"kind": "chips", "field": "channels", "max_row": 2}])
    message = str(info.value)
    assert "\n" not in message and "regions[1].items[0].max_row" in message and "max_rows" in message
    with pytest.raises(DesignFileError) as info:
        _template([{"kind": "callouts", "fields": ["age", "agge"]}])
    assert "items[0].fields[1]" in str(info.value) and '"agge" is not a text field' in str(info.value)


def test_a_full_bleed_header_photo_reaches_into_the_bleed_and_keeps_its_initials_on_the_card():
    photo = {"kind": "photo", "left": 0, "top": 0, "right": 0, "height": 120, "clip": "rect"}
    card = layout(Persona(name="Ada Lovelace"), _template([], photo=photo), "classic", bleed=9.0)
    (band,) = [b for b in card.items if isinstance(b, Box) and b.field == "photo" and b.w > W]
    assert (band.x, band.y, band.w, band.h) == pytest.approx((-9.0, -9.0, W + 18, 129.0))
    (initials,) = [b for b in card.items if isinstance(b, TextBlock) and b.field == "photo"]
    run = initials.lines[0].runs[0]
    assert initials.lines[0].text == "AL"
    assert run.x + run.width / 2 == pytest.approx(W / 2, abs=0.5)  # centred on the trimmed card, not the bleed


def test_a_chip_wider_than_its_column_is_shortened_and_reported():
    long = "The quarterly newsletter of the regional association of independent bookkeepers"
    tpl = _template([{"kind": "chips", "field": "channels", "heading": False}])
    card = layout(Persona(name="Ada", channels=["Email", long]), tpl, "classic")
    texts = _texts(card, "channels")
    assert texts[0] == "Email" and texts[1].endswith("\u2026") and len(texts[1]) < len(long)
    (cut,) = [c for c in card.preflight if isinstance(c, Cut)]
    assert (cut.field, cut.item, cut.total_chars) == ("channels", 1, len(long))


def test_a_channel_chip_carries_its_icon_inside_the_pill_before_its_words():
    from personadesigner.core.cardlayout import Icon

    tpl = _template([{"kind": "chips", "field": "channels", "heading": False, "item_icons": True}])
    card = layout(Persona(name="Ada", channels=["LinkedIn groups", "Trade shows"]), tpl, "classic")
    icons = [i for i in card.items if isinstance(i, Icon)]
    assert [(i.name, i.item) for i in icons] == [("brand-linkedin", 0), ("calendar-event", 1)]
    pills = _chip_boxes(card, "channels")
    words = [b for b in card.items if isinstance(b, TextBlock) and b.field == "channels"]
    for icon, pill, text in zip(icons, pills, words, strict=True):
        run = text.lines[0].runs[0]
        assert pill.x < icon.x and icon.x + icon.size < run.x  # inside the pill, before the words
        assert run.x + run.width <= pill.x + pill.w  # and the words still fit in it
        assert pill.y < icon.y and icon.y + icon.size < pill.y + pill.h


def test_an_inline_share_bar_sits_beside_its_sentence_in_the_colours_asked():
    item = {"kind": "share_bar", "inline": True, "track": "#ffffff40", "fill": "on_type"}
    card = layout(Persona(name="Ada", segment="Segment 1 of 3 (25% of respondents)"), _template([item]), "classic")
    track, fill = _bars(card)
    (sentence,) = [b for b in card.items if isinstance(b, TextBlock) and b.field == "sources"]
    run = sentence.lines[-1].runs[-1]
    assert track.x > run.x + run.width  # beside the words, not under them
    assert sentence.y <= track.y and track.y + track.h <= sentence.y + sentence.h
    assert track.x + track.w == pytest.approx(W - MARGIN)
    assert fill.w / track.w == pytest.approx(0.25, abs=0.002)
    assert (track.fill, fill.fill) == ("#ffffff40", "#ffffff")


def test_right_to_left_chips_start_at_the_right_edge():
    tpl = _template([{"kind": "chips", "field": "channels", "heading": False}])
    card = layout(
        Persona(name="Ada", channels=["\u0644\u064a\u0646\u0643\u062f\u0625\u0646", "\u0628\u0631\u064a\u062f"]),
        tpl,
        "classic",
    )
    first, second = _chip_boxes(card, "channels")
    assert first.x + first.w == pytest.approx(W - MARGIN)  # the first chip hangs from the right edge
    assert second.x + second.w < first.x  # and the next one is to its left
