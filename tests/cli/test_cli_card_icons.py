"""Icons through the command line: a template that asks for them prints them, one that names
an icon we do not bundle is refused in one line (file and key), nothing written."""

from __future__ import annotations

import json

import pikepdf
import pytest

from personadesigner.core import templates
from personadesigner.paths import resource
from support.card_icons import template_data, with_icons, without_icons
from support.poppler import pdf_text


@pytest.fixture
def icon_folder(tmp_path, monkeypatch):
    """The bundled templates plus ``icons.json`` (card with icons on) where the CLI reads templates."""
    folder = tmp_path / "templates"
    folder.mkdir()
    for path in resource("templates").glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "icons.json").write_text(json.dumps(with_icons(template_data("card"))), encoding="utf-8")
    (folder / "plain.json").write_text(json.dumps(without_icons(template_data("card"))), encoding="utf-8")
    monkeypatch.setattr(templates, "_templates_dir", lambda: folder)
    templates.reload_templates()
    yield folder
    templates.reload_templates()


def _icon_strokes(path) -> int:
    """How many round-capped stroke paths (icons) the PDF's first page draws."""
    with pikepdf.open(path) as pdf:
        return sum(
            1
            for operands, op in pikepdf.parse_content_stream(pdf.pages[0])
            if str(op) == "J" and float(operands[0]) == 1
        )


def test_export_with_an_icon_template_draws_section_and_channel_icons(cli, icon_folder, sample_library, tmp_path):
    out, plain = tmp_path / "kenji.pdf", tmp_path / "plain.pdf"
    assert cli("export", "--library", sample_library, "Kenji Sato", "--template", "icons", "--out", out).code == 0
    assert cli("export", "--library", sample_library, "Kenji Sato", "--template", "plain", "--out", plain).code == 0
    # goals, pain points, behaviours headings; channels heading plus Newsletter, LinkedIn, Conference talks
    assert _icon_strokes(out) >= 7 and _icon_strokes(plain) == 0
    assert "Newsletter" in pdf_text(out) and "LinkedIn" in pdf_text(out)


def test_a_template_naming_an_icon_we_do_not_bundle_is_refused_in_one_line(cli, icon_folder, sample_library, tmp_path):
    data = with_icons(template_data("card"))
    main = next(k for k, r in enumerate(data["regions"]) if r.get("id") == "main")
    data["regions"][main]["items"][1]["icon"] = "nosuch"
    (icon_folder / "icons.json").write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "cards.pdf"
    r = cli("export", "--library", sample_library, "Kenji Sato", "--template", "icons", "--out", out)
    assert r.code == 2 and not out.exists()
    (line,) = r.err.strip().splitlines()
    assert str(icon_folder / "icons.json") in line and f"regions[{main}].items[1].icon" in line and "nosuch" in line
    assert "Traceback" not in r.err
