"""`personadesigner templates` with library templates and `export --template` with a name or a FILE:
a library or file template lays the cards out; a broken or newer file is one line naming the file
and the key, exit 2, and the library is unchanged."""

from __future__ import annotations

import json
import subprocess

import pytest

from personadesigner.core.templates import use_templates
from personadesigner.storage.library import Library
from support.damage import truncate
from support.template_files import branded_data, broken_data


@pytest.fixture(autouse=True)
def _no_leftover_templates():
    """Library and file templates are process-wide (core.templates.use_templates): each test starts without them."""
    use_templates([])
    yield
    use_templates([])


def _write(path, data) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _library_templates(library) -> list[str]:
    with Library.open(str(library)) as lib:
        return [t.name for t in lib.templates()[0]]


def test_export_with_a_template_file_lays_the_card_out_with_it(cli, sample_library, tmp_path):
    acme = _write(tmp_path / "acme.json", branded_data())
    out = tmp_path / "felix.pdf"
    r = cli("export", "--library", sample_library, "Free-tier Felix", "--template", acme, "--out", out)
    assert r.code == 0, r.err
    text = _text(out)
    assert "Felix" in text and "NOT FOR ACME" in text  # the file's negative band, not the built-in's
    assert _library_templates(sample_library) == []  # using a file does not store it


def test_a_broken_template_file_is_one_line_naming_file_and_key(cli, sample_library, tmp_path):
    broken = _write(tmp_path / "broken.json", broken_data())
    out = tmp_path / "x.pdf"
    r = cli("export", "--library", sample_library, "Lea Hoffmann", "--template", broken, "--out", out)
    assert r.code == 2 and not out.exists()
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and "broken.json" in lines[0] and "styles.name.size" in lines[0]
    r = cli("templates", "--library", sample_library, "--import", broken)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "styles.name.size" in r.err
    assert _library_templates(sample_library) == []


def test_a_template_file_from_a_newer_version_is_refused(cli, sample_library, tmp_path):
    newer = _write(tmp_path / "newer.json", {**branded_data(), "version": 2})
    r = cli("export", "--library", sample_library, "Lea Hoffmann", "--template", newer, "--out", tmp_path / "x.pdf")
    assert r.code == 2 and "newer.json" in r.err and "made by a newer PersonaDesigner" in r.err
    r = cli("templates", "--library", sample_library, "--import", newer)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "made by a newer PersonaDesigner" in r.err
    assert _library_templates(sample_library) == []


def test_import_list_export_and_delete_a_library_template(cli, sample_library, tmp_path):
    acme = _write(tmp_path / "acme.json", branded_data())
    r = cli("templates", "--library", sample_library, "--import", acme, "--name", "Acme card")
    assert r.code == 0, r.err
    r = cli("templates", "--library", sample_library)
    names = [line.split("  ")[0] for line in r.out.splitlines()]
    assert r.code == 0 and names[0] == "card" and names[-1] == "Acme card"  # built-in first, then the library's
    assert r.out.splitlines()[-1].rstrip().endswith("library")
    out = tmp_path / "exported.json"
    r = cli("templates", "--library", sample_library, "--export", "Acme card", "--out", out)
    assert r.code == 0, r.err
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["version"] == 1 and exported["negative"]["text"] == "NOT FOR ACME"
    r = cli("templates", "--library", sample_library, "--delete", "card")
    assert r.code == 2 and "built-in" in r.err
    r = cli("templates", "--library", sample_library, "--delete", "Acme card")
    assert r.code == 0 and _library_templates(sample_library) == []


def test_a_persona_whose_card_names_a_library_template_prints_with_it(cli, sample_library, tmp_path):
    with Library.open(str(sample_library)) as lib:
        lib.save_template("Acme card", branded_data())
        ben = next(s for s in lib.list() if s.name == "Free-tier Felix")
        persona = lib.get(ben.id)
        persona.card.template = "Acme card"
        lib.update(persona)
    out = tmp_path / "felix.pdf"
    r = cli("export", "--library", sample_library, "Free-tier Felix", "--out", out)
    assert r.code == 0, r.err
    assert "NOT FOR ACME" in _text(out)
    out = tmp_path / "by-name.pdf"
    r = cli("export", "--library", sample_library, "Free-tier Felix", "--template", "Acme card", "--out", out)
    assert r.code == 0 and "NOT FOR ACME" in _text(out)


def test_templates_without_a_default_library_yet_lists_the_built_ins(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PERSONADESIGNER_LIBRARY", str(tmp_path / "not-yet.sqlite"))
    r = cli("templates")
    assert r.code == 0 and r.err == "" and r.out.splitlines()[0].startswith("card")
    assert not (tmp_path / "not-yet.sqlite").exists()  # listing never creates the library


def test_templates_with_a_damaged_default_library_says_so_instead_of_only_the_built_ins(
    cli, sample_library, monkeypatch
):
    """It listed the built-ins with exit 0, as if the library's own templates had never existed."""
    with Library.open(str(sample_library)) as lib:
        lib.save_template("Acme card", branded_data())
    truncate(sample_library)
    monkeypatch.setenv("PERSONADESIGNER_LIBRARY", str(sample_library))
    r = cli("templates")
    assert r.code == 2 and r.out == ""
    assert len(r.err.strip().splitlines()) == 1 and str(sample_library) in r.err
