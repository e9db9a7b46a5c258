"""The set-level pages (cover, overview, grid, committee map, sources) in PDF and PNG, from CardLayouts."""

from __future__ import annotations

import re
import subprocess

from personadesigner.core.persona import Relation
from personadesigner.core.themes import load_theme
from personadesigner.deck.pages import committee, relations
from personadesigner.deck.spec import DeckSpec
from personadesigner.samples import sample_personas


def test_a_pdf_deck_has_every_set_page_around_the_cards(tmp_path, cli, sample_library):
    out = tmp_path / "deck.pdf"
    run = cli("export", "--library", sample_library, "--all", "--deck", "--deck-title", "Acme personas", "--out", out)
    assert run.code == 0, run.err
    text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True).stdout
    pages = [re.sub(r"\s+", " ", p) for p in text.split("\f") if p.strip()]
    assert "Acme personas" in pages[0] and "8 personas" in pages[0]
    assert "The personas at a glance" in pages[1] and all(p.name in pages[1] for p in sample_personas())
    assert "How the personas compare" in pages[2] and "Decision process" in pages[2]
    committee_page = next(p for p in pages if "The buying committee" in p)
    for label in ("Buys for", "Approves for", "Influences", "Small professional-services firms".upper()):
        assert label in committee_page
    assert "Appendix: research sources" in pages[-1]
    assert len(pages) == 1 + 1 + 2 + 1 + 8 + 1


def test_chosen_pages_only_and_png_pages(tmp_path, cli, sample_library):
    out = tmp_path / "deck"
    run = cli(
        "export",
        "--library",
        sample_library,
        "--all",
        "--deck",
        "--deck-pages",
        "overview,committee",
        "--format",
        "png",
        "--dpi",
        "40",
        "--out",
        out,
    )
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.glob("*.png")) == ["deck-committee.png", "deck-overview.png"]
    bad = cli(
        "export",
        "--library",
        sample_library,
        "--all",
        "--deck",
        "--deck-pages",
        "cover,charts",
        "--out",
        tmp_path / "x.pdf",
    )
    assert bad.code == 2 and "--deck-pages" in bad.err


def test_one_link_told_from_both_sides_is_one_arrow():
    personas = sample_personas()  # Tomasz buys for Lea; Lea uses what Tomasz buys: one link
    links = relations(personas)
    assert ("Tomasz Wójcik", "Lea Hoffmann", "buys_for") in links
    assert not any(kind == "uses_what_is_bought_by" for *_, kind in links)
    assert len(links) == 3


def test_the_map_groups_by_segment_and_says_when_there_are_no_links():
    personas = sample_personas()
    (lay,) = committee(personas, DeckSpec(), load_theme("classic"))
    segments = [b.text for b in lay.text_blocks() if b.field == "segment"]
    assert segments == ["SMALL PROFESSIONAL-SERVICES FIRMS", "NO SEGMENT"]
    for p in personas:
        p.related = []
    (lonely,) = committee(personas, DeckSpec(), load_theme("classic"))
    assert any("No relationships" in b.text for b in lonely.text_blocks())


def test_a_link_by_library_id_is_found():
    a, b = sample_personas()[:2]
    a.id, b.id = "id-a", "id-b"
    a.related, b.related = [Relation("id-b", "approves_for")], []
    assert relations([a, b]) == [(a.name, b.name, "approves_for")]


def test_separate_committees_are_spread_over_pages_of_at_most_eight():
    personas = []
    for copy in range(3):  # three separate committees of four
        for p in sample_personas()[:4]:
            p.name = f"{p.name} {copy}"
            p.related = [Relation(f"{r.persona} {copy}", r.relation) for r in p.related]
            personas.append(p)
    pages = committee(personas, DeckSpec(), load_theme("classic"))
    assert len(pages) == 2
    shown = [[b.text for b in lay.text_blocks() if b.field == "name"] for lay in pages]
    assert [len(names) for names in shown] == [8, 4]
    assert "The buying committee (1 of 2)" in [b.text for b in pages[0].text_blocks()]


def test_the_grid_rows_are_the_fields_chosen(tmp_path, cli, sample_library):
    out = tmp_path / "grid.pdf"
    run = cli(
        "export",
        "--library",
        sample_library,
        "--all",
        "--deck",
        "--deck-pages",
        "grid",
        "--deck-grid",
        "tools,objections",
        "--out",
        out,
    )
    assert run.code == 0, run.err
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True).stdout
    assert "Objections" in text and "Decision process" not in text
    assert "Another subscription to" in text  # Tomasz's first objection
    bad = cli(
        "export",
        "--library",
        sample_library,
        "--all",
        "--deck",
        "--deck-grid",
        "goals,shoe_size",
        "--out",
        tmp_path / "x.pdf",
    )
    assert bad.code == 2 and "shoe_size" in bad.err and not (tmp_path / "x.pdf").exists()
