"""``export --backs`` and ``--duplex``: what is printed, and one line for every misuse."""

from __future__ import annotations

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from support.poppler import pdf_pages, pdf_text


def _library(tmp_path):
    path = tmp_path / "backs.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Ana Back", goals=["Goal A"], story="Storyword of Ana."))
        lib.add(Persona(name="Ben Back", goals=["Goal B"], story="Storyword of Ben."))
    return path


def test_duplex_without_backs_is_a_usage_error(cli, tmp_path):
    lib = _library(tmp_path)
    r = cli("export", "--library", lib, "--all", "--out", tmp_path / "x.pdf", "--per-page", "4", "--duplex", "long")
    assert r.code == 1
    assert r.err.strip().count("\n") == 0 and "--duplex needs --backs" in r.err
    assert not (tmp_path / "x.pdf").exists()


def test_duplex_on_single_cards_is_a_usage_error(cli, tmp_path):
    lib = _library(tmp_path)
    r = cli("export", "--library", lib, "--all", "--out", tmp_path / "x.pdf", "--backs", "--duplex", "short")
    assert r.code == 1
    assert r.err.strip().count("\n") == 0 and "N-up sheets" in r.err and "--per-page" in r.err


def test_duplex_on_a_sheet_sized_profile_is_a_usage_error(cli, tmp_path):
    """A profile on A4 is one card per page, not an N-up sheet: found once it is laid out."""
    lib = _library(tmp_path)
    r = cli(
        "export", "--library", lib, "--all", "--out", tmp_path / "x.pdf", "--template", "profile",
        "--page-size", "A4", "--backs", "--duplex", "long",
    )  # fmt: skip
    assert r.code == 1
    assert r.err.strip().count("\n") == 0 and "N-up sheets" in r.err
    assert not (tmp_path / "x.pdf").exists()


def test_backs_on_a_format_without_pages_is_refused(cli, tmp_path):
    lib = _library(tmp_path)
    r = cli("export", "--library", lib, "--all", "--out", tmp_path / "x.pptx", "--backs")
    assert r.code == 2
    assert "--backs applies to PDF and PNG exports" in r.err


def test_a_template_without_a_back_prints_the_fronts_and_says_so(cli, tmp_path):
    lib = _library(tmp_path)
    out = tmp_path / "slides.pdf"
    r = cli("export", "--library", lib, "--all", "--out", out, "--template", "slide", "--backs")
    assert r.code == 0
    assert pdf_pages(out) == 2
    notes = [line for line in r.err.splitlines() if "back" in line]
    assert notes == ["note: the slide template has no back; no back was printed for its cards."]


def test_backs_and_duplex_pdf(cli, tmp_path):
    lib = _library(tmp_path)
    out = tmp_path / "sheet.pdf"
    r = cli(
        "export", "--library", lib, "--all", "--out", out, "--template", "business-card", "--page-size", "Letter",
        "--per-page", "auto", "--backs", "--duplex", "short", "--crop-marks",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert "(2 pages" in r.out
    assert "Storyword of Ana" not in pdf_text(out, first=1, last=1)
    assert "Storyword of Ana" in pdf_text(out, first=2, last=2)


def test_png_backs_are_files_named_after_the_front(cli, tmp_path):
    lib = _library(tmp_path)
    out = tmp_path / "pngs"
    r = cli("export", "--library", lib, "--all", "--out", out, "--format", "png", "--template", "mini", "--backs")
    assert r.code == 0, r.err
    assert sorted(p.name for p in out.iterdir()) == [
        "Ana Back-back.png",
        "Ana Back.png",
        "Ben Back-back.png",
        "Ben Back.png",
    ]


def test_text_cut_on_a_back_is_reported_and_strict_refuses(cli, tmp_path):
    path = tmp_path / "long.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Long Story", goals=["One goal"], story="A long story of many words. " * 120))
    out = tmp_path / "mini.pdf"
    plain = cli("export", "--library", path, "--all", "--out", out, "--template", "mini")
    assert plain.code == 0 and "story" not in plain.err.lower()  # the front has no story: nothing is cut
    r = cli("export", "--library", path, "--all", "--out", out, "--template", "mini", "--backs")
    assert r.code == 0, r.err
    assert "Long Story" in r.err and "story" in r.err.lower()
    strict = cli(
        "export", "--library", path, "--all", "--out", tmp_path / "s.pdf", "--template", "mini", "--backs", "--strict"
    )
    assert strict.code == 3
    assert not (tmp_path / "s.pdf").exists()
