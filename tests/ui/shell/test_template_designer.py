"""The template designer in the window: design mode on the shown card, a section moved, Ctrl+Z,
the copy of a built-in saved in the library, used by the persona, seen by a second library and
by the export (the PDF's section order changed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from personadesigner.core.templates import load_template, template_data, template_names, use_templates
from personadesigner.storage.library import Library
from personadesigner.ui.template_designer_geometry import section_rect
from support.card_template import GOALS, MAIN, PAINS
from support.cli import run_process
from support.poppler import pdf_text


def _click_section(canvas, region: int, item: int) -> None:
    from PySide6.QtCore import QPointF

    x, y, w, h = section_rect(canvas.current_layout(), region, item)
    point = canvas.mapFromScene(QPointF(x + w / 2, y + h / 2))
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _order(canvas) -> list[str]:
    return [b.field for b in canvas.current_layout().text_blocks() if b.text in ("GOALS", "PAIN POINTS")]


@pytest.fixture
def window(make_window, library):
    """The window showing a persona with goals and pain points (the sections moved)."""
    for summary in library.list():
        persona = library.get(summary.id)
        persona.pain_points = ["Reports take a day", "Too many tools"]
        library.update(persona)
    return make_window()


def _design_card(window, qtbot):
    bar = window.design_bar
    if bar.design()[0] != "card":
        bar.set_design("card", bar.design()[1])
        bar.designChanged.emit("card", bar.design()[1])
    window.design_template_action.trigger()
    designer = window.template_designer
    assert designer.active and window.template_designer_dock.isVisible()
    return designer


def test_move_a_section_undo_redo_and_leave_design_mode(window, qtbot, messages):
    canvas = window.canvas
    designer = _design_card(window, qtbot)
    assert _order(canvas) == ["goals", "pain_points"]
    _click_section(canvas, *PAINS)
    QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _order(canvas) == ["pain_points", "goals"]
    assert window.undo_action.text() == "&Undo Reorder section"
    window.undo_action.trigger()  # Ctrl+Z
    assert _order(canvas) == ["goals", "pain_points"]
    window.redo_action.trigger()
    assert _order(canvas) == ["pain_points", "goals"]
    window.design_template_action.trigger()  # leave with unsaved changes: asked; closing the box keeps designing
    assert "Save the changes to the copy of “card” in the library?" in messages.messages[-1]
    assert designer.active and window.design_template_action.isChecked()
    assert _order(canvas) == ["pain_points", "goals"]
    messages.answer = "Discard changes"
    window.design_template_action.trigger()  # leave: the card shows its own template again, unchanged
    assert not designer.active and not window.template_designer_dock.isVisible()
    assert not window.design_template_action.isChecked()
    assert _order(canvas) == ["goals", "pain_points"]
    assert "card" in template_names() and load_template("card").regions[MAIN].items[GOALS[1]].field == "goals"


def test_save_a_designed_copy_in_the_library_and_export_with_it(window, qtbot, library_path, tmp_path):
    try:
        canvas = window.canvas
        persona = window.document.persona
        designer = _design_card(window, qtbot)
        _click_section(canvas, *PAINS)
        QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        designer.ask_name = lambda default: "Acme card"
        window.template_designer_panel.save_button.click()
        assert window.design_bar.design()[0] == "Acme card"
        assert window.document.persona.card.template == "Acme card"
        assert load_template("card").regions[MAIN].items[GOALS[1]].field == "goals"  # the built-in is unchanged
        with Library.open(str(library_path)) as other:  # a second app on the same library
            templates, problems = other.templates()
            assert [t.name for t in templates] == ["Acme card"] and problems == []
            assert templates[0].regions[MAIN].items[GOALS[1]].field == "pain_points"
            assert other.get(persona.id).card.template == "Acme card"
        out = tmp_path / "card.pdf"
        r = run_process("export", "--library", library_path, persona.id, "--out", out)
        assert r.returncode == 0, r.stderr
        text = pdf_text(out)
        assert text.index("PAIN POINTS") < text.index("GOALS")
        # a second change is saved under the same name, without asking again
        designer.ask_name = lambda default: (_ for _ in ()).throw(AssertionError("asked again"))
        _click_section(canvas, *GOALS)
        QTest.keyClick(canvas, Qt.Key.Key_Delete)
        window.template_designer_panel.save_button.click()
        assert window.library.template_data("Acme card")["regions"][MAIN]["items"][GOALS[1]].get("hidden") is True
    finally:
        use_templates([])


def test_picking_another_template_while_designing_designs_that_one(window, qtbot, messages):
    canvas = window.canvas
    designer = _design_card(window, qtbot)
    _click_section(canvas, *PAINS)
    QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    messages.answer = "Discard changes"
    bar = window.design_bar
    bar.set_design("mini", bar.design()[1])
    bar.designChanged.emit(*bar.design())
    assert "Save the changes" in messages.messages[-1]
    assert designer.active and designer.base == "mini" and not designer.unsaved
    assert canvas.current_layout().width < 260  # the mini card (85 mm) is on the canvas


def _edit_role(window, role: str) -> None:
    from personadesigner.ui.undo_commands import SetFieldCommand

    doc = window.document
    doc.push_step(SetFieldCommand, "role", doc.persona.role, role)


def test_leaving_design_mode_leaves_no_dead_undo_step(window, qtbot, messages):
    """Discarded: Ctrl+Z after leaving undoes the persona edit made before designing, named so."""
    canvas = window.canvas
    role = window.document.persona.role
    _edit_role(window, "Head of growth")
    designer = _design_card(window, qtbot)
    _click_section(canvas, *PAINS)
    QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.undo_action.text() == "&Undo Reorder section"
    messages.answer = "Discard changes"
    window.design_template_action.trigger()
    assert not designer.active and _order(canvas) == ["goals", "pain_points"]
    assert window.undo_action.text() == "&Undo Edit role"
    assert not window.redo_action.isEnabled()
    window.undo_action.trigger()  # one Ctrl+Z: the role, not a step of the draft that is gone
    assert window.document.persona.role == role
    assert window.library.get(window.document.persona.id).role == role


def test_after_saving_and_leaving_undo_takes_the_template_choice_back(window, qtbot, messages):
    try:
        canvas = window.canvas
        _edit_role(window, "Head of growth")
        designer = _design_card(window, qtbot)
        _click_section(canvas, *PAINS)
        QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        designer.ask_name = lambda default: "Acme card"
        window.template_designer_panel.save_button.click()
        window.design_template_action.trigger()  # saved: leaves without asking
        assert not designer.active and window.document.persona.card.template == "Acme card"
        assert window.undo_action.text() == "&Undo Edit card design"
        window.undo_action.trigger()
        assert window.design_bar.design()[0] == "card" and window.document.persona.card.template == "card"
        assert window.undo_action.text() == "&Undo Edit role"
        assert window.library.template_data("Acme card") is not None  # the saved template stays in the library
    finally:
        use_templates([])


def test_steps_of_a_template_designed_before_are_gone(window, qtbot, messages):
    canvas = window.canvas
    _edit_role(window, "Head of growth")
    designer = _design_card(window, qtbot)
    _click_section(canvas, *PAINS)
    QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    messages.answer = "Discard changes"
    bar = window.design_bar
    bar.set_design("mini", bar.design()[1])
    bar.designChanged.emit(*bar.design())
    assert window.undo_action.text() == "&Undo Edit card design"  # the pick of "mini", not the card's reorder
    window.undo_action.trigger()
    assert window.document.persona.card.template == "card"
    assert designer.active and designer.base == "card" and _order(canvas) == ["goals", "pain_points"]
    assert window.undo_action.text() == "&Undo Edit role"  # not the reorder of the draft discarded before


def test_a_template_of_the_library_opened_while_designing_is_designed_from_that_library(
    window, qtbot, messages, tmp_path
):
    try:
        other_path = tmp_path / "other.sqlite"
        with Library.open(str(other_path)) as other:
            mine = template_data(load_template("card"))
            mine["title"] = "Only in the other library"
            other.save_template("Other card", mine)
        designer = _design_card(window, qtbot)
        window.set_library(Library.open(str(other_path)))  # File > Open library… while designing
        bar = window.design_bar
        bar.set_design("Other card", bar.design()[1])
        bar.designChanged.emit(*bar.design())
        assert designer.active and designer.base == "Other card"
        assert designer.data["title"] == "Only in the other library"  # read from the library now open
    finally:
        use_templates([])
