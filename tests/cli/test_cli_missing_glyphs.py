"""No silent boxes: a character no bundled font has is a preflight line, and --strict exits 3."""

from __future__ import annotations

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library


def _gothic(tmp_path):
    path = tmp_path / "gothic.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Wulfila", role="Bishop \U00010330\U00010331", goals=["Read 𐌰𐌱 aloud"]))
    return path


def test_missing_glyphs_are_a_preflight_line_naming_persona_field_and_code_points(cli, tmp_path):
    out = tmp_path / "w.pdf"
    r = cli("export", "--library", _gothic(tmp_path), "Wulfila", "--out", out)
    assert r.code == 0, r.err
    assert 'preflight: "Wulfila": role: no bundled font has U+10330 U+10331' in r.err
    assert 'preflight: "Wulfila": goals[1]: no bundled font has U+10330 U+10331' in r.err
    assert out.exists()


def test_strict_exits_3_for_a_character_without_a_font_and_writes_nothing(cli, tmp_path):
    out = tmp_path / "w.pdf"
    r = cli("export", "--library", _gothic(tmp_path), "Wulfila", "--out", out, "--strict")
    assert r.code == 3
    assert "U+10330" in r.err and "Traceback" not in r.err
    assert not out.exists()
