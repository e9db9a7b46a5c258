"""A template file the user broke never takes the CLI down: it is named in one line (exit 2)
and every other template keeps working."""

from __future__ import annotations

import json
import subprocess

import pytest

from personadesigner.core import templates, themes
from personadesigner.paths import resource


@pytest.fixture
def broken_folder(tmp_path, monkeypatch):
    """The bundled templates plus one with a misspelled key, where the CLI reads templates."""
    folder = tmp_path / "templates"
    folder.mkdir()
    for path in resource("templates").glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    data = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    data["regions"][2]["fil"] = "type"
    (folder / "mine.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(templates, "_templates_dir", lambda: folder)
    return folder


def test_templates_lists_the_good_ones_and_names_the_broken_one(cli, broken_folder):
    r = cli("templates")
    assert r.code == 2
    assert [line.split()[0] for line in r.out.splitlines()] == [
        "card",
        "mini",
        "business-card",
        "profile",
        "slide",
        "poster",
    ]
    lines = r.err.strip().splitlines()
    assert len(lines) == 1
    assert str(broken_folder / "mine.json") in lines[0] and "regions[2].fil" in lines[0] and "fill" in lines[0]


def test_export_with_a_good_template_works_beside_a_broken_one(cli, broken_folder, sample_library, tmp_path):
    out = tmp_path / "cards.pdf"
    r = cli("export", "--library", sample_library, "Lea Hoffmann", "--template", "profile", "--out", out)
    assert r.code == 0, r.err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Lea Hoffmann" in text


def test_export_with_the_broken_template_is_refused_in_one_line(cli, broken_folder, sample_library, tmp_path):
    out = tmp_path / "cards.pdf"
    r = cli("export", "--library", sample_library, "Lea Hoffmann", "--template", "mine", "--out", out)
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1 and "regions[2].fil" in r.err and "Traceback" not in r.err
    assert not out.exists()


def test_themes_lists_the_good_ones_and_names_the_broken_one(cli, tmp_path, monkeypatch):
    for path in resource("themes").glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "dark.json").write_text('{"colors": {"background": "black"}}', encoding="utf-8")
    monkeypatch.setattr(themes, "_themes_dir", lambda: tmp_path)
    r = cli("themes")
    assert r.code == 2
    assert [line.split()[0] for line in r.out.splitlines()] == ["classic", "high-contrast", "mono", "warm"]
    assert "dark.json" in r.err and "colors.background" in r.err and "#rrggbb" in r.err
