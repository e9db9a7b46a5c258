"""`export --format pptx --deck`: an editable deck that python-pptx and LibreOffice Impress open."""

from __future__ import annotations

import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from personadesigner.samples import sample_personas
from support.soffice import convert_to_pdf, pdf_pages, pdf_text


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _frames(slide) -> list[str]:
    """Every text frame's text on ``slide``, its paragraphs (the layout's lines) joined by spaces."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(_norm(" ".join(p.text for p in shape.text_frame.paragraphs)))
    return out


@pytest.fixture
def deck(tmp_path, cli, sample_library):
    out = tmp_path / "deck.pptx"
    run = cli("export", "--library", sample_library, "--all", "--format", "pptx", "--deck", "--out", out)
    assert run.code == 0, run.err
    return out, run


def test_every_persona_name_and_first_goal_is_editable_text(deck):
    out, run = deck
    prs = Presentation(out)
    slides = list(prs.slides)
    assert f"({len(slides)} pages" in run.out
    text = " | ".join(t for s in slides for t in _frames(s))
    for p in sample_personas():
        assert p.name in text
        if p.goals:
            assert _norm(p.goals[0]) in text, p.name
    area = prs.slide_width * prs.slide_height
    for n, slide in enumerate(slides, 1):
        assert _frames(slide), f"slide {n} has no editable text"
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                assert shape.width * shape.height < 0.5 * area, f"slide {n} is a picture of the page"


def test_the_deck_has_its_set_pages_and_speaker_notes_with_the_evidence(deck):
    prs = Presentation(deck[0])
    titles = [" ".join(_frames(s)) for s in prs.slides]
    for wanted in (
        "Our personas",
        "The personas at a glance",
        "How the personas compare",
        "The buying committee",
        "Appendix: research sources",
    ):
        assert any(wanted in t for t in titles), wanted
    committee = next(t for t in titles if "The buying committee" in t)
    for label in ("Buys for", "Approves for", "Influences"):
        assert label in committee
    noted = [s for s in prs.slides if s.has_notes_slide and s.notes_slide.notes_text_frame.text]
    assert len(noted) == len(sample_personas())
    tomasz = next(s for s in noted if "Tomasz" in s.notes_slide.notes_text_frame.text)
    notes = tomasz.notes_slide.notes_text_frame.text
    assert "Confidence: high" in notes and "Last validated: 2026-04-15" in notes and "Interview" in notes


def test_text_keeps_the_layouts_fonts_sizes_and_colours(deck):
    prs = Presentation(deck[0])
    fonts, sizes = set(), set()
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for para in shape.text_frame.paragraphs:
                    for run in para.runs:
                        fonts.add(run.font.name)
                        sizes.add(run.font.size.pt)
                        assert run.font.color.rgb is not None
    assert {"Noto Sans", "Noto Serif"} <= fonts
    assert prs.core_properties.comments.startswith("Fonts: ") and "Noto Serif" in prs.core_properties.comments
    assert max(sizes) >= 30 and min(sizes) <= 9


def test_libreoffice_opens_the_deck_one_pdf_page_per_slide_with_its_text(deck, tmp_path):
    out, _ = deck
    pdf = convert_to_pdf(out, tmp_path)
    assert pdf_pages(pdf) == len(Presentation(out).slides)
    text = _norm(pdf_text(pdf))
    for p in sample_personas():
        assert p.name in text
    assert "The buying committee" in text and "Approves for" in text


def test_four_by_three_slides_and_common_fonts(tmp_path, cli, sample_library):
    out = tmp_path / "deck.pptx"
    run = cli("export", "--library", sample_library, "--all", "--out", out, "--aspect", "4:3", "--pptx-fonts", "common")
    assert run.code == 0, run.err
    prs = Presentation(out)
    assert prs.slide_width * 3 == prs.slide_height * 4
    names = {
        r.font.name
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert {"Arial", "Georgia"} <= names and "Noto Sans" not in names
    for slide in prs.slides:  # the 16:9 card is fitted, never off the slide
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width + 12700


def test_very_long_text_is_fitted_with_a_preflight_line_and_stays_on_the_slide(tmp_path, cli):
    import json

    data = {
        "format": "personadesigner.personas/1",
        "personas": [
            {
                "name": "Verbose Vera",
                "type": "customer",
                "goals": ["word " * 400, "second goal"],
                "quote": "long " * 300,
            }
        ],
    }
    src = tmp_path / "vera.json"
    src.write_text(json.dumps(data))
    lib = tmp_path / "lib.pdlib"
    assert cli("import", "--library", lib, src).code == 0
    out = tmp_path / "vera.pptx"
    run = cli("export", "--library", lib, "--all", "--deck", "--out", out)
    assert run.code == 0, run.err
    assert "preflight:" in run.err and "Verbose Vera" in run.err
    prs = Presentation(out)
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.top + shape.height <= prs.slide_height + 12700
            assert shape.left + shape.width <= prs.slide_width + 12700


def test_pptx_flags_are_refused_for_other_formats(tmp_path, cli, sample_library):
    run = cli(
        "export",
        "--library",
        sample_library,
        "--all",
        "--out",
        tmp_path / "a.pdf",
        "--pptx-template",
        tmp_path / "x.pptx",
    )
    assert run.code == 2 and "--pptx-template applies to PPTX exports" in run.err
    run = cli("export", "--library", sample_library, "--all", "--out", tmp_path / "a.json", "--deck")
    assert run.code == 2 and "--deck applies to" in run.err
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "a.json").exists()
