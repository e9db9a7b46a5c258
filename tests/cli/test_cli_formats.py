"""The export command's formats come from the registry (render.formats), not from its own list."""

from __future__ import annotations

from personadesigner.cli import build_parser
from personadesigner.render import formats
from support.text_format import KEY, text_format_registered


def _format_choices() -> list[str]:
    parser = build_parser(("export",))
    sub = next(a for a in parser._actions if a.dest == "command")
    export = sub.choices["export"]
    return list(next(a for a in export._actions if a.dest == "format").choices)


def test_the_format_choices_are_the_registry_keys():
    assert _format_choices() == formats.keys() == ["pdf", "png", "pptx", "json", "csv"]


def test_a_registered_format_is_offered_inferred_and_written(cli, sample_library, tmp_path):
    with text_format_registered():
        assert KEY in _format_choices()
        out = tmp_path / "cards.txt"  # the suffix names the new format
        r = cli("export", "--library", sample_library, "Rosa Delgado", "Kenji Sato", "--out", out)
        assert r.code == 0, r.err
        text = out.read_text(encoding="utf-8")
        assert "Rosa Delgado" in text and "Kenji Sato" in text
        assert "2 pages" in r.out
        # What it does not honour is refused with the registry's words.
        r = cli("export", "--library", sample_library, "--all", "--out", out, "--crop-marks")
        assert r.code == 2 and "--crop-marks applies to PDF and PNG exports, not to TXT." in r.err
    assert KEY not in _format_choices()


def test_a_flag_names_every_format_that_honours_it(cli, sample_library, tmp_path):
    with text_format_registered():
        r = cli("export", "--library", sample_library, "--all", "--out", tmp_path / "x.csv", "--template", "mini")
    assert r.code == 2 and "--template applies to PDF, PNG, PPTX and TXT exports, not to CSV." in r.err
