"""The template designer on a real canvas (offscreen): click, drag, keys, hide/show, resize, undo.

The pointer and the keys go to the canvas as a user's would (QTest on its
viewport); what is checked is the card the canvas then shows (its layout) and
the template's JSON, never the designer's internals alone.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from personadesigner.ui.template_designer import TemplateDesigner
from personadesigner.ui.template_designer_geometry import flow_area, section_rect
from personadesigner.ui.template_designer_panel import TemplateDesignerPanel
from support.card_template import FOOTER, GOALS, MAIN, PAINS, card_json


@pytest.fixture
def designer(canvas, persona, qtbot):
    canvas.set_persona(persona)
    d = TemplateDesigner(canvas, parent=canvas)  # goes with the canvas
    assert d.start("card")
    panel = TemplateDesignerPanel(d)
    qtbot.addWidget(panel)
    d.panel = panel
    return d


def view_point(canvas, x: float, y: float) -> QPoint:
    return canvas.mapFromScene(QPointF(x, y))


def centre_of(canvas, region: int, item: int) -> QPoint:
    x, y, w, h = section_rect(canvas.current_layout(), region, item)
    return view_point(canvas, x + w / 2, y + h / 2)


def headings(canvas) -> list[str]:
    """The headings of the goals and pain points (and whatever words they were given), in card order."""
    blocks = canvas.current_layout().text_blocks()
    return [b.text for b in blocks if b.text.isupper() and b.field in ("goals", "pain_points")]


def drag(canvas, start: QPoint, end: QPoint, steps: int = 6) -> None:
    vp = canvas.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, steps + 1):
        QTest.mouseMove(vp, start + (end - start) * (k / steps))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_clicking_a_section_selects_it_with_its_region(designer, canvas):
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre_of(canvas, *PAINS))  # fmt: skip
    assert designer.selected == PAINS
    state = designer.overlay.state
    assert state.selected == section_rect(canvas.current_layout(), *PAINS)
    assert state.region_label == "main"
    assert designer.panel.section_group.title() == "Section: Pain points"
    assert canvas.selected_field() is None  # designing does not select persona fields


def test_dragging_a_section_into_another_region_lays_it_out_there(designer, canvas):
    footer = flow_area(canvas.current_layout(), FOOTER)
    drag(canvas, centre_of(canvas, *GOALS), view_point(canvas, footer.x + 40, footer.y + footer.h - 2))
    items = designer.data["regions"][FOOTER]["items"]
    assert items[-1]["field"] == "goals"
    goals = section_rect(canvas.current_layout(), FOOTER, len(items) - 1)
    footer = flow_area(canvas.current_layout(), FOOTER)
    assert goals is not None and footer.y - 1 <= goals[1] <= footer.y + footer.h
    assert designer.selected == (FOOTER, len(items) - 1)
    assert "GOALS" in headings(canvas)


def test_dragging_within_a_flow_reorders_it(designer, canvas):
    x, y, w, h = section_rect(canvas.current_layout(), *GOALS)
    drag(canvas, centre_of(canvas, *PAINS), view_point(canvas, x + w / 2, y + 2))  # above the goals
    fields = [it.get("field") for it in designer.data["regions"][MAIN]["items"]]
    assert fields.index("pain_points") == GOALS[1] and fields.index("goals") == PAINS[1]
    assert headings(canvas).index("PAIN POINTS") < headings(canvas).index("GOALS")


def test_keyboard_reorders_and_moves_between_flows(designer, canvas):
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Down)  # the arrows pick a section without the mouse
    assert designer.selected is not None
    for _ in range(30):
        if designer.selected == PAINS:
            break
        QTest.keyClick(canvas, Qt.Key.Key_Down)
    assert designer.selected == PAINS
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    assert designer.selected == GOALS
    QTest.keyClick(canvas, Qt.Key.Key_Down)
    QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert designer.selected == GOALS and designer.data["regions"][MAIN]["items"][GOALS[1]]["field"] == "pain_points"
    assert headings(canvas).index("PAIN POINTS") < headings(canvas).index("GOALS")
    QTest.keyClick(canvas, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)  # the previous flow
    assert designer.selected[0] == FOOTER
    assert designer.data["regions"][FOOTER]["items"][designer.selected[1]]["field"] == "pain_points"


def test_hide_with_the_delete_key_and_show_from_the_panel(designer, canvas):
    designer.select(GOALS)
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert "GOALS" not in headings(canvas)
    hidden = designer.panel.hidden_list
    assert [hidden.item(i).text() for i in range(hidden.count())] == ["Goals"]
    hidden.setCurrentRow(0)
    designer.panel.show_button.click()
    assert "GOALS" in headings(canvas) and hidden.count() == 0
    assert designer.data == card_json()


def test_dragging_a_region_edge_resizes_it(designer, canvas):
    designer.select(GOALS)
    before = flow_area(canvas.current_layout(), MAIN)
    edge = view_point(canvas, before.x + before.w, before.y + before.h / 2)
    drag(canvas, edge, edge - QPoint(60, 0))
    after = flow_area(canvas.current_layout(), MAIN)
    assert after.x == before.x and after.w < before.w - 20
    assert designer.data["regions"][MAIN]["right"] > card_json()["regions"][MAIN]["right"]


def test_every_change_is_one_undo_step_and_undo_restores_the_template_exactly(designer, canvas):
    original = card_json()
    designer.select(GOALS)
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    designer.panel.columns_spin.setValue(2)
    designer.panel.heading_check.setChecked(False)
    QTest.keyClick(canvas, Qt.Key.Key_H)
    assert designer.stack.count() == 4
    assert designer.data != original
    for _ in range(4):
        designer.stack.undo()
    assert designer.data == original
    assert headings(canvas)[:2] == ["GOALS", "PAIN POINTS"]


def test_the_panel_sets_a_sections_style(designer, canvas):
    panel = designer.panel
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre_of(canvas, *GOALS))  # fmt: skip
    panel.label_edit.setText("What she wants")
    panel.label_edit.editingFinished.emit()
    assert "WHAT SHE WANTS" in headings(canvas)
    goals = [b for b in canvas.current_layout().text_blocks() if b.field == "goals" and not b.text.isupper()]
    assert len(goals) > 1  # one block per bullet
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("inline"))
    panel.kind_combo.activated.emit(panel.kind_combo.currentIndex())
    goals = [b for b in canvas.current_layout().text_blocks() if b.field == "goals" and not b.text.isupper()]
    assert len(goals) == 1  # the goals on one line
    panel.heading_check.setChecked(False)
    assert "WHAT SHE WANTS" not in headings(canvas)
    assert designer.data["regions"][MAIN]["items"][GOALS[1]] == {
        **card_json()["regions"][MAIN]["items"][GOALS[1]],
        "kind": "inline", "field": "goals", "label": "What she wants", "style": "chips", "heading": False,
    }  # fmt: skip


def test_the_panel_sets_paper_size_orientation_and_columns(designer, canvas):
    panel = designer.panel
    panel.orientation_combo.setCurrentIndex(panel.orientation_combo.findData("landscape"))
    panel.orientation_combo.activated.emit(panel.orientation_combo.currentIndex())
    card = canvas.current_layout()
    assert card.width > card.height and round(card.width) == 420  # 148 mm across
    panel.size_combo.setCurrentIndex(panel.size_combo.findData("A5"))
    panel.size_combo.activated.emit(panel.size_combo.currentIndex())
    assert round(canvas.current_layout().width) == 595  # A5 landscape
    designer.select((MAIN, None))
    panel.columns_spin.setValue(2)
    area = flow_area(canvas.current_layout(), MAIN)
    assert area.columns == 2
    assert all(s.w < area.w / 2 for s in canvas.current_layout().sections if s.region == MAIN)


def test_a_dragged_edge_snaps_to_another_region_and_shows_the_guide_and_safe_area(designer, canvas):
    designer.select(GOALS)
    card = canvas.current_layout()
    main, footer = flow_area(card, MAIN), flow_area(card, FOOTER)
    edge = view_point(canvas, main.x + main.w, main.y + main.h / 2)
    near = view_point(canvas, footer.x + footer.w / 2 + 1.5, main.y + main.h / 2)  # just off the footer's centre
    vp = canvas.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    for k in range(1, 7):
        QTest.mouseMove(vp, edge + (near - edge) * (k / 6))
    state = designer.overlay.state
    assert ("v", footer.x + footer.w / 2) in state.guides
    assert state.safe is not None and state.safe[0] == card.safe_margin
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, near)
    after = flow_area(canvas.current_layout(), MAIN)
    assert abs(after.x + after.w - (footer.x + footer.w / 2)) < 0.5  # the edge sits on the guide
    assert designer.overlay.state.guides == [] and designer.overlay.state.safe is None


def test_the_marks_follow_the_card_when_another_persona_is_shown(designer, canvas, long_goals_persona):
    designer.select(PAINS)
    before = designer.overlay.state.selected
    canvas.set_persona(long_goals_persona)  # longer goals push the pain points down
    after = designer.overlay.state.selected
    assert after == section_rect(canvas.current_layout(), *PAINS) and after != before
