"""Placeholder hints: a new persona's card shows where its sections go, on the canvas only."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage

from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.core.placeholders import placeholder_hints
from personadesigner.storage.library import Library
from personadesigner.ui.canvas import CardCanvas

pytestmark = pytest.mark.gui
HINTS = ("Add a quote", "Add a goal", "Add pain points")


@pytest.fixture
def canvas(qtbot):
    c = CardCanvas()
    qtbot.addWidget(c)
    c.resize(600, 760)
    c.show()
    qtbot.waitExposed(c)
    return c


def test_a_new_persona_card_shows_hints_for_the_sections_the_template_shows(canvas):
    canvas.set_persona(Persona(name="New persona"))
    hints = {item.field: item for item in canvas.hint_items()}
    assert set(hints) == {"quote", "goals", "pain_points"}
    assert [hints[f].text() for f in ("quote", "goals", "pain_points")] == list(HINTS)
    assert all(item.scene() is canvas.scene() and item.isVisible() for item in hints.values())
    # Placed where the template puts those sections: under the header, in reading order.
    tops = [hints[f].rect().top() for f in ("quote", "goals", "pain_points")]
    assert tops == sorted(tops)
    assert tops[0] > next(b for b in canvas.current_layout().text_blocks() if b.field == "name").y
    # The hints are not part of the layout every painter draws.
    texts = " ".join(line.text for b in canvas.current_layout().text_blocks() for line in b.lines)
    assert not any(h in texts for h in HINTS)


def test_filling_the_goal_removes_its_hint_and_keeps_the_others(canvas):
    canvas.set_persona(Persona(name="New persona"))
    canvas.set_persona(Persona(name="New persona", goals=["Ship campaigns faster"]))
    fields = [item.field for item in canvas.hint_items()]
    assert "goals" not in fields and "pain_points" in fields
    goal = next(b for b in canvas.current_layout().text_blocks() if b.field == "goals" and b.item == 0)
    for item in canvas.hint_items():
        assert not item.rect().intersects(QRectF(goal.x, goal.y, goal.w, goal.h)), f"{item.field} hint covers the goal"


def test_filling_the_quote_keeps_the_hints_below_it(canvas):
    canvas.set_persona(Persona(name="New persona", quote="I want proof, not promises."))
    assert [item.field for item in canvas.hint_items()] == ["goals", "pain_points"]
    quote = next(b for b in canvas.current_layout().text_blocks() if b.field == "quote")
    assert min(item.rect().top() for item in canvas.hint_items()) >= quote.y + quote.h - 1


def test_a_full_persona_has_no_hints(canvas, persona):
    canvas.set_persona(persona)
    assert canvas.hint_items() == []


def test_clicking_a_hint_asks_for_its_field(qtbot, canvas):
    canvas.set_persona(Persona(name="New persona"))
    hint = next(item for item in canvas.hint_items() if item.field == "goals")
    at = canvas.mapFromScene(hint.rect().center())
    with qtbot.waitSignal(canvas.fieldClicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert clicked.args == ["goals", None]


def test_pdf_and_png_exports_of_a_new_persona_have_no_hints(tmp_path, cli, canvas):
    path = tmp_path / "new.sqlite"
    lib = Library.open(str(path))
    lib.add(Persona(name="New persona"))
    lib.close()
    pdf = tmp_path / "new.pdf"
    assert cli("export", "--library", path, "New persona", "--out", pdf).code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "New persona" in text
    for hint in (*HINTS, "GOALS", "PAIN POINTS"):
        assert hint not in text
    out = tmp_path / "png"
    assert cli("export", "--library", path, "New persona", "--format", "png", "--dpi", 72, "--out", out).code == 0
    (png,) = out.glob("*.png")
    image = QImage(str(png))
    # Where the canvas shows hints, the exported card is blank paper.
    canvas.set_persona(Persona(name="New persona"))
    assert canvas.hint_items()
    sx = image.width() / canvas.current_layout().width
    for item in canvas.hint_items():
        r = item.rect()
        colors = {
            image.pixel(int(x * sx), int(y * sx))
            for x in range(int(r.left()), int(r.right()), 2)
            for y in range(int(r.top()), int(r.bottom()), 2)
        }
        assert len(colors) == 1, f"something is drawn where the {item.field} hint shows on the canvas"


def test_hints_come_from_the_layout_engine_for_every_bundled_template():
    from personadesigner.core.templates import template_names

    for name in template_names():
        p = Persona(name="New persona")
        p.card.template = name
        shown = layout(p, name, "classic")
        hints = placeholder_hints(p, name, "classic", shown=shown)
        assert {h.field for h in hints} >= {"goals", "pain_points"}, name
        for h in hints:
            assert h.x >= 0 and h.x + h.w <= shown.width and h.y >= 0 and h.y + h.h <= shown.height, (name, h.field)


def test_selecting_an_empty_section_frames_its_hint(canvas):
    canvas.set_persona(Persona(name="New persona"))
    canvas.select_field("pain_points", None)  # the form's cursor went to the empty pain points
    hint = next(item for item in canvas.hint_items() if item.field == "pain_points")
    assert canvas.selection_rect().contains(hint.rect())
    canvas.set_persona(Persona(name="New persona", pain_points=["Surprise bills"]))
    assert not canvas.selection_rect().contains(hint.rect()), "the frame follows the real text"
