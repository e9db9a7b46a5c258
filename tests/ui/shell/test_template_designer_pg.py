"""A team library on PostgreSQL: a template designed on the canvas of one app (a built-in's section
moved, saved as a copy) is seen by a second app on the same database, whose card then shows the moved
section, and the export of the persona prints it in the new order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from test_shell_editing import select

from personadesigner.core.templates import use_templates
from personadesigner.storage.library import Library
from personadesigner.ui.template_designer_geometry import section_rect
from support.card_template import PAINS
from support.cli import run_process
from support.poppler import pdf_text
from support.shell import sample_personas

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(pg_url):
    setup = Library.open(pg_url)
    people = sample_personas()
    people[0].pain_points = ["Reports take a day", "Too many tools"]
    setup.add_many(people)
    setup.close()
    first, second = Library.open(pg_url), Library.open(pg_url)
    use_templates([])
    yield pg_url, first, second
    use_templates([])
    first.close()
    second.close()


def _headings(window) -> list[str]:
    return [b.field for b in window.canvas.current_layout().text_blocks() if b.text in ("GOALS", "PAIN POINTS")]


def test_a_template_designed_in_one_app_is_seen_by_a_second_app_on_postgresql(team, make_window, tmp_path):
    url, first, second = team
    mine, theirs = make_window(first), make_window(second)
    for window in (mine, theirs):
        select(window, "Anna Berg")
        bar = window.design_bar
        if bar.design()[0] != "card":
            bar.set_design("card", bar.design()[1])
            bar.designChanged.emit(*bar.design())
    persona_id = mine.document.persona.id
    assert _headings(theirs) == ["goals", "pain_points"]

    mine.design_template_action.trigger()
    canvas = mine.canvas
    x, y, w, h = section_rect(canvas.current_layout(), *PAINS)
    point = canvas.mapFromScene(QPointF(x + w / 2, y + h / 2))
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    mine.template_designer.ask_name = lambda default: "Team card"
    mine.template_designer_panel.save_button.click()
    assert _headings(mine) == ["pain_points", "goals"]

    use_templates([])  # the second app is another process: it knows only what it reads from the database
    theirs.refresh_from_library()  # its 2 s tick
    combo = theirs.design_bar.template_combo
    assert combo.findData("Team card") >= 0
    assert theirs.document.persona.card.template == "Team card"
    assert _headings(theirs) == ["pain_points", "goals"]

    out = tmp_path / "anna.pdf"
    r = run_process("export", "--library", url, persona_id, "--out", out)
    assert r.returncode == 0, r.stderr
    text = pdf_text(out)
    assert text.index("PAIN POINTS") < text.index("GOALS")
