"""``--uniform-type``: the cards of a deck share one body type size, read back from the PDF."""

from __future__ import annotations

import re
import subprocess

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library


def _library(tmp_path):
    path = tmp_path / "deck.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(
            Persona(
                name="Thin Tom",
                quote="Keep it short.",
                goals=["Quickword goal"],
                pain_points=["Slow"],
                channels=["Email"],
                motivations=["Calm"],
            )
        )
        lib.add(
            Persona(
                name="Dense Dora",
                quote="A long quote that goes on for a while. " * 3,
                goals=[f"Quickword goal {i} with several more words to wrap" for i in range(6)],
                pain_points=[f"Pain {i} that is described at some length here" for i in range(5)],
            )
        )
    return path


def _word_heights(pdf, word: str) -> list[float]:
    """Height of every box of ``word`` in the PDF, one per page (poppler's -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    heights = []
    for page in html.split("<page ")[1:]:
        # a box starting with the word (a run written with its ActualText reads as one box)
        m = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}[^<]*</word>', page)
        heights.append(round(float(m.group(2)) - float(m.group(1)), 1))
    return heights


def test_uniform_type_gives_every_card_the_same_body_size(cli, tmp_path):
    lib = _library(tmp_path)
    own, uniform = tmp_path / "own.pdf", tmp_path / "uniform.pdf"
    assert cli("export", "--library", lib, "--all", "--out", own, "--template", "card").code == 0
    r = cli("export", "--library", lib, "--all", "--out", uniform, "--template", "card", "--uniform-type")
    assert r.code == 0, r.err
    apart = _word_heights(own, "Quickword")
    together = _word_heights(uniform, "Quickword")
    assert len(apart) == len(together) == 2
    assert apart[0] != apart[1]  # each card fitted on its own: the thin one grew
    assert together[0] == together[1] == min(apart)


def test_uniform_type_with_a_deck_keeps_every_page_and_pairs_cards_with_their_personas(cli, tmp_path):
    # The deck pages were once added before the uniform pass, which then zipped personas
    # with the cover and overview: cards went to the wrong persona and the last pages vanished.
    lib = _library(tmp_path)
    plain, uniform = tmp_path / "plain.pdf", tmp_path / "uniform.pdf"
    assert cli("export", "--library", lib, "--all", "--out", plain, "--deck").code == 0
    r = cli("export", "--library", lib, "--all", "--out", uniform, "--deck", "--uniform-type")
    assert r.code == 0, r.err

    def pages(pdf):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        return text.split("\f")[:-1]

    assert len(pages(uniform)) == len(pages(plain))  # the cover, overview... are all there
    text = "".join(pages(uniform))
    assert "Keep it short." in text and "A long quote" in text  # both cards, each its own persona's
