"""Backs printed behind their fronts, measured in the written PDF.

Each card's trim origin is read from the PDF's own content stream (the clip and
the translation the painter writes for every placed card) and matched to its
persona by the name poppler finds inside that clip. Expected slots are worked out
by hand (points; 1 mm = 72/25.4 pt): Letter is 612 x 792, a US business card
252 x 144, A4 595.28 x 841.89, A6 297.64 x 419.53.
"""

from __future__ import annotations

import re

import pikepdf
import pytest

from personadesigner.core.export_options import ExportOptions
from personadesigner.core.persona import Persona
from personadesigner.core.units import PT_PER_MM, Length
from personadesigner.render.export import export_personas
from support.poppler import pdf_pages, pdf_text, run

MM = PT_PER_MM
NAMES = [
    "Alfa",
    "Bravo",
    "Charlie",
    "Delta",
    "Echo",
    "Foxtrot",
    "Golf",
    "Hotel",
    "India",
    "Juliett",
    "Kilo",
    "Lima",
    "Mike",
]


def people(n: int) -> list[Persona]:
    return [
        Persona(
            name=f"{NAMES[i]} Person",
            role="Tester",
            goals=[f"Goal of {NAMES[i]}"],
            story=f"Storyword{NAMES[i]} rides to work and reads the back of the card.",
        )
        for i in range(n)
    ]


def export(tmp_path, personas, **options):
    out = tmp_path / "cards.pdf"
    export_personas(personas, out, ExportOptions(format="pdf", backs=True, **options))
    return out


def placements(pdf_path, page: int) -> list[tuple[tuple[float, ...], tuple[float, float]]]:
    """(clip x, y, w, h) and trim origin (x, y) of every card on a page, y down, as the PDF draws them."""
    found = []
    with pikepdf.open(pdf_path) as pdf:
        ops = [
            (str(op), [float(v) for v in operands] if str(op) in ("re", "cm") else [])
            for operands, op in pikepdf.parse_content_stream(pdf.pages[page - 1])
        ]
    for k, (op, args) in enumerate(ops):
        if op == "re" and k + 2 < len(ops) and ops[k + 1][0] == "W":
            cm = next(a for o, a in ops[k + 1 :] if o == "cm")
            assert cm[:4] == [1, 0, 0, 1]  # a plain translation to the card's trim corner
            found.append((tuple(args), (cm[4], cm[5])))
    return found


def words(pdf_path, page: int) -> list[tuple[str, float, float]]:
    """(word, centre x, centre y) of every word poppler finds on a page (y down)."""
    html = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf_path), "-")
    out = []
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html):
        x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
        out.append((m.group(5), (x0 + x1) / 2, (y0 + y1) / 2))
    return out


def origins(pdf_path, page: int) -> dict[str, tuple[float, float]]:
    """Persona first name -> trim origin of its card on the page."""
    cards = placements(pdf_path, page)
    found: dict[str, tuple[float, float]] = {}
    for text, cx, cy in words(pdf_path, page):
        word = text.removesuffix(" Person")  # the name is one span of text ("Alfa Person")
        if word == text or word not in NAMES:
            continue
        for (x, y, w, h), origin in cards:
            if x <= cx <= x + w and y <= cy <= y + h:
                assert found.setdefault(word, origin) == origin  # one card per name
    return found


def close(a, b, tol=0.002):
    return abs(a[0] - b[0]) <= tol and abs(a[1] - b[1]) <= tol


def letter_slot(i: int) -> tuple[float, float]:
    """Letter 10-up business cards: 2 x 5 butted, block 504 x 720 centred at (54, 36)."""
    row, col = divmod(i, 2)
    return 54 + 252 * col, 36 + 144 * row


@pytest.mark.parametrize("flip", ["long", "short"])
def test_letter_10_up_business_cards_every_back_is_behind_its_front(tmp_path, flip):
    pdf = export(tmp_path, people(10), template="business-card", page_size="Letter", per_page=10, duplex=flip)
    assert pdf_pages(pdf) == 2
    fronts, backs = origins(pdf, 1), origins(pdf, 2)
    assert sorted(fronts) == sorted(backs) == sorted(NAMES[:10])
    for i, name in enumerate(NAMES[:10]):
        row, col = divmod(i, 2)
        assert close(fronts[name], letter_slot(i))
        # portrait sheet: the long edge mirrors the columns, the short edge the rows (by hand)
        expected = (54 + 252 * (1 - col), 36 + 144 * row) if flip == "long" else (54 + 252 * col, 36 + 144 * (4 - row))
        assert close(backs[name], expected), (name, backs[name], expected)
        x, y = fronts[name]
        flipped = (612 - x - 252, y) if flip == "long" else (x, 792 - y - 144)
        assert close(backs[name], flipped)


def test_4_up_a4_cards_long_edge(tmp_path):
    """A6 cards butted 2 x 2 on A4 with no printer margin: block 595.28 x 839.06 at (0, 1.42)."""
    a4_w, a4_h, a6_w, a6_h = 210 * MM, 297 * MM, 105 * MM, 148 * MM
    pdf = export(
        tmp_path,
        people(4),
        template="card",
        page_size="A4",
        per_page=4,
        duplex="long",
        printer_margin=Length.parse("0mm"),
    )
    fronts, backs = origins(pdf, 1), origins(pdf, 2)
    top = (a4_h - 2 * a6_h) / 2
    for i, name in enumerate(NAMES[:4]):
        row, col = divmod(i, 2)
        assert close(fronts[name], (a6_w * col, top + a6_h * row))
        assert close(backs[name], (a6_w * (1 - col), top + a6_h * row))
        assert close(backs[name], (a4_w - fronts[name][0] - a6_w, fronts[name][1]))


def test_odd_count_keeps_empty_slots_blank_on_both_sides_and_pages_pair_up(tmp_path):
    """13 business cards 10-up: front sheet, its backs, front sheet of 3, its 3 backs."""
    pdf = export(tmp_path, people(13), template="business-card", page_size="Letter", per_page=10, duplex="short")
    assert pdf_pages(pdf) == 4
    pages = [origins(pdf, k) for k in (1, 2, 3, 4)]
    assert sorted(pages[0]) == sorted(pages[1]) == sorted(NAMES[:10])
    assert sorted(pages[2]) == sorted(pages[3]) == sorted(NAMES[10:13])
    assert len(placements(pdf, 3)) == len(placements(pdf, 4)) == 3  # empty slots: nothing drawn
    for i, name in enumerate(NAMES[10:13]):
        x, y = letter_slot(i)
        assert close(pages[2][name], (x, y))
        assert close(pages[3][name], (x, 792 - y - 144))
    # the backs carry the story, the fronts do not
    assert "StorywordKilo" in pdf_text(pdf, first=4, last=4)
    assert "StorywordKilo" not in pdf_text(pdf, first=3, last=3)


def test_bleed_and_crop_marks_on_the_back_sheet_mirror_the_front(tmp_path):
    """A6 cards with 3 mm bleed and crop marks on A3: the back's bleed clip and marks mirror the front's."""
    b = 3 * MM
    pdf = export(
        tmp_path,
        people(3),
        template="card",
        page_size="A3",
        per_page="auto",
        duplex="long",
        bleed=Length.parse("3mm"),
        crop_marks=True,
    )
    w_sheet = 297 * MM
    front, back = placements(pdf, 1), placements(pdf, 2)
    fronts, backs = origins(pdf, 1), origins(pdf, 2)
    for name in NAMES[:3]:
        x, y = fronts[name]
        assert close(backs[name], (w_sheet - x - 105 * MM, y))
    for (cx, cy, cw, ch), (x, y) in front + back:
        assert close((cx, cy), (x - b, y - b), 0.01) and close((cw, ch), (105 * MM + 2 * b, 148 * MM + 2 * b), 0.01)
    front_marks, back_marks = _marks(pdf, 1), _marks(pdf, 2)
    assert len(back_marks) == len(front_marks) >= 8  # every card's marks, on both sides
    for x1, y1, x2, y2 in front_marks:  # turned over the long edge: x -> sheet width - x
        mirrored = (w_sheet - x1, y1, w_sheet - x2, y2)
        assert any(all(abs(u - v) <= 0.02 for u, v in zip(mirrored, seg)) for seg in back_marks), mirrored


def _marks(pdf_path, page: int) -> list[tuple[float, float, float, float]]:
    """The crop marks of the page: hairlines (x1 y1 m x2 y2 l) in the page's own coordinates,
    i.e. in a top-level q...Q group that moves nothing (a card's group translates to its corner)."""
    with pikepdf.open(pdf_path) as pdf:
        ops = [(str(op), operands) for operands, op in pikepdf.parse_content_stream(pdf.pages[page - 1])]
    marks, group, depth, moved, start = [], [], 0, False, None
    for op, operands in ops:
        if op == "q":
            depth += 1
            if depth == 1:
                group, moved = [], False
        elif op == "Q":
            depth -= 1
            if depth == 0 and not moved:
                marks += group
        elif op == "cm" and depth >= 1 and [float(v) for v in operands][:4] == [1, 0, 0, 1]:
            moved = True
        elif op == "m":
            start = tuple(float(v) for v in operands)
        elif op == "l" and start is not None and depth == 1:
            group.append((*start, *(float(v) for v in operands)))
            start = None
    return marks


def test_single_cards_print_front_back_front_back(tmp_path):
    pdf = export(tmp_path, people(2), template="card")
    assert pdf_pages(pdf) == 4
    texts = [pdf_text(pdf, first=k, last=k) for k in (1, 2, 3, 4)]
    assert "Alfa" in texts[0] and "Alfa" in texts[1] and "Bravo" in texts[2] and "Bravo" in texts[3]
    assert "StorywordAlfa" not in texts[0] and "StorywordAlfa" in texts[1]
    assert "StorywordBravo" in texts[3]
    boxes = run("pdfinfo", "-box", "-f", "1", "-l", "4", str(pdf))
    trims = re.findall(r"Page\s+\d+ TrimBox:\s+([\d. ]+)", boxes)
    assert len(trims) == 4 and len(set(trims)) == 1  # the back's trim is the front's


def test_without_backs_nothing_changes(tmp_path):
    out = tmp_path / "plain.pdf"
    export_personas(people(2), out, ExportOptions(format="pdf", template="card"))
    assert pdf_pages(out) == 2
    assert "Storyword" not in pdf_text(out)


def test_a_sheet_whose_cards_have_no_back_still_gets_its_back_page():
    """Mixed templates: the middle sheet's cards have no back. Its back page is blank paper, so the
    third sheet's backs are printed behind the third sheet, not behind the second."""
    from personadesigner.core.card_back import lay_out_with_back
    from personadesigner.core.templates import load_template
    from personadesigner.core.themes import load_theme
    from personadesigner.render.page_plan import plan_pages

    cards = [lay_out_with_back(p, load_template("card"), load_theme("classic")) for p in people(6)]
    for lay in cards[2:4]:
        lay.back = None
    options = ExportOptions(format="pdf", backs=True, duplex="long", page_size="A4", per_page=2)
    pages = list(plan_pages(cards, options))
    assert [p.name for p in pages] == ["Page 1", "Page 1-back", "Page 2", "Page 2-back", "Page 3", "Page 3-back"]
    assert pages[3].sheet.placements == []  # blank paper behind the sheet without backs
    assert {p.layout.persona_name for p in pages[5].sheet.placements} == {"Echo Person", "Foxtrot Person"}
