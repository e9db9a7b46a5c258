"""PDF and PNG export from the command line: real files checked with poppler, preflight, --strict."""

from __future__ import annotations

import subprocess

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from support.cli_helpers import count


def _pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_pdf_one_card_per_page(cli, sample_library, tmp_path):
    out = tmp_path / "cards.pdf"
    r = cli("export", "--library", sample_library, "--all", "--out", out)
    assert r.code == 0, r.err
    assert _pdf_pages(out) == 8
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Rosa Delgado" in text and "Free-tier Felix" in text


def test_pdf_imposed_on_a4_with_marks_and_bleed(cli, sample_library, tmp_path):
    out = tmp_path / "sheets.pdf"
    r = cli(
        "export",
        "--library",
        sample_library,
        "--all",
        "--out",
        out,
        "--page-size",
        "a4",
        "--per-page",
        "2",
        "--bleed",
        "--crop-marks",
    )
    assert r.code == 0, r.err
    assert _pdf_pages(out) == 4
    sizes = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "pts (A4)" in sizes


def test_png_files_named_after_the_persona(cli, sample_library, tmp_path):
    folder = tmp_path / "pngs"
    folder.mkdir()
    r = cli(
        "export",
        "--library",
        sample_library,
        "Lea Hoffmann",
        "Kenji Sato",
        "--out",
        folder,
        "--format",
        "png",
        "--dpi",
        "72",
    )
    assert r.code == 0, r.err
    assert sorted(p.name for p in folder.iterdir()) == ["Kenji Sato.png", "Lea Hoffmann.png"]
    assert (folder / "Lea Hoffmann.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _overflowing(tmp_path):
    path = tmp_path / "long.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Verbose Vera", quote="so many words " * 300))
    return path


def test_preflight_cuts_are_listed_on_stderr(cli, tmp_path):
    lib = _overflowing(tmp_path)
    out = tmp_path / "vera.pdf"
    r = cli("export", "--library", lib, "Verbose Vera", "--out", out)
    assert r.code == 0
    assert 'preflight: "Verbose Vera": quote:' in r.err and "characters cut" in r.err
    assert out.exists()


def test_strict_preflight_exits_3_and_writes_nothing(cli, tmp_path):
    lib = _overflowing(tmp_path)
    out = tmp_path / "vera.pdf"
    r = cli("export", "--library", lib, "Verbose Vera", "--out", out, "--strict")
    assert r.code == 3
    assert "Verbose Vera" in r.err and "Traceback" not in r.err
    assert not out.exists()
    assert count(lib) == 1


def _goal_heavy(tmp_path):
    """A persona with 15 long goals: most of them cannot fit on the card."""
    path = tmp_path / "goals.sqlite"
    persona = Persona(name="Goal Gina", goals=[f"Goal {k}: " + "reach every target on time " * 12 for k in range(15)])
    with Library.open(str(path)) as lib:
        lib.add(persona)
    from personadesigner.core.layout import layout

    expected = [str(c) for c in layout(persona, persona.card.template, persona.card.theme).preflight]
    return path, expected


def _preflight_lines(err: str) -> list[str]:
    return [line.removeprefix("preflight: ") for line in err.splitlines() if line.startswith("preflight: ")]


def test_strict_lists_every_cut_then_exits_3(cli, tmp_path):
    lib, expected = _goal_heavy(tmp_path)
    assert len(expected) >= 5  # the card shows a few goals; the rest are each a cut
    out = tmp_path / "gina.pdf"
    r = cli("export", "--library", lib, "Goal Gina", "--out", out, "--strict")
    assert r.code == 3
    assert _preflight_lines(r.err) == expected  # one line per cut, not just the first
    assert "(and " in r.err and "Traceback" not in r.err
    assert not out.exists()


def test_without_strict_the_same_cuts_are_listed_and_the_file_written(cli, tmp_path):
    lib, expected = _goal_heavy(tmp_path)
    out = tmp_path / "gina.pdf"
    r = cli("export", "--library", lib, "Goal Gina", "--out", out)
    assert r.code == 0, r.err
    assert _preflight_lines(r.err) == expected
    assert _pdf_pages(out) == 1
