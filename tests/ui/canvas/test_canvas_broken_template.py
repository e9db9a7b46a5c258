"""A template file the user broke: the canvas says which file and key in one sentence instead
of a wrong card, and switching to a good template shows the card again."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel

from personadesigner.core import templates
from personadesigner.paths import resource

pytestmark = pytest.mark.gui


@pytest.fixture
def broken_card(tmp_path, monkeypatch):
    for path in resource("templates").glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    data = json.loads((tmp_path / "card.json").read_text(encoding="utf-8"))
    data["regions"][2]["fil"] = "type"  # a misspelled "fill": silently a white header before
    (tmp_path / "card.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(templates, "_templates_dir", lambda: tmp_path)
    return tmp_path / "card.json"


def test_the_canvas_names_the_broken_file_and_key_and_other_templates_still_show(canvas, persona, qtbot, broken_card):
    canvas.set_design("card", "classic")
    canvas.set_persona(persona)
    qtbot.wait(10)
    problem = canvas.findChild(QLabel, "canvasProblem")
    assert problem.isVisible()
    assert str(broken_card) in problem.text() and "regions[2].fil" in problem.text() and "fill" in problem.text()
    assert canvas.current_layout() is None
    canvas.set_design("mini", "classic")
    qtbot.wait(10)
    assert not problem.isVisible()
    assert canvas.current_layout().persona_name == persona.name
