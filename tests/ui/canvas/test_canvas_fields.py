"""A field added through the registry shows on the canvas of the templates that name it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from personadesigner.core.persona import Persona

pytestmark = pytest.mark.gui

JOBS = ["When a campaign ends, I want the numbers in one place, so I can prove the ROI"]


@pytest.mark.parametrize("template", ["profile", "poster"])
def test_jobs_to_be_done_show_on_the_card_and_a_click_names_them(canvas, qtbot, template):
    canvas.set_persona(Persona(name="Anna Berg", role="Marketer", goals=["Ship faster"], jobs_to_be_done=JOBS))
    canvas.set_design(template, "classic")
    blocks = [b for b in canvas.current_layout().text_blocks() if b.field == "jobs_to_be_done" and b.text.strip()]
    shown = " ".join(" ".join(b.text.split()) for b in blocks)
    assert JOBS[0] in shown
    assert any(b.text.strip().lower() == "jobs to be done" for b in blocks), "the section has its heading"
    job = next(b for b in blocks if b.item == 0)
    at = canvas.mapFromScene(QPointF(job.x + min(job.w, 30) / 2, job.y + job.h / 2))
    with qtbot.waitSignal(canvas.fieldClicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert clicked.args == ["jobs_to_be_done", 0]
