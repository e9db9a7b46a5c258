"""The canvas on hand-made layouts: clicks, in-place edits, zoom, guides, cut markers.

Layouts placed by hand keep these tests about the canvas itself, whatever the
layout engine decides.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from support.canvas import hand_layout, make_persona

pytestmark = pytest.mark.gui


def view_point(canvas, x: float, y: float) -> QPoint:
    return canvas.mapFromScene(QPointF(x, y))


def block_centre(canvas, field, item=None) -> QPoint:
    for b in canvas.current_layout().text_blocks():
        if b.field == field and b.item == item:
            return view_point(canvas, b.x + min(b.w, 40) / 2, b.y + b.h / 2)
    raise AssertionError(f"no block for {field} {item}")


def test_card_is_painted_with_its_band_colour(canvas, qtbot):
    canvas.set_layout(hand_layout())
    qtbot.wait(10)
    image = canvas.viewport().grab().toImage()
    band = image.pixelColor(view_point(canvas, 250, 60))
    assert (band.red(), band.green(), band.blue()) == pytest.approx((0xC0, 0x39, 0x2B), abs=3)
    paper = image.pixelColor(view_point(canvas, 150, 300))
    assert paper == QColor("white")
    outside = image.pixelColor(QPoint(2, 2))
    assert outside != QColor("white")  # grey desk around the card


def test_clicking_a_text_names_its_field_and_item(canvas, qtbot):
    canvas.set_layout(hand_layout())
    with qtbot.waitSignal(canvas.fieldClicked) as quote:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=block_centre(canvas, "quote"))
    assert quote.args == ["quote", None]
    with qtbot.waitSignal(canvas.fieldClicked) as goal:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=block_centre(canvas, "goals", 1))
    assert goal.args == ["goals", 1]


def test_clicking_the_desk_emits_nothing(canvas, qtbot):
    canvas.set_layout(hand_layout())
    with qtbot.assertNotEmitted(canvas.fieldClicked):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


def test_double_click_edits_a_list_item_in_place(canvas, qtbot):
    persona = make_persona()
    canvas.set_layout(hand_layout(), persona)
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=block_centre(canvas, "goals", 1))
    editor = canvas.editor()
    assert editor is not None and editor.isVisible()
    assert editor.text() == "Prove the ROI of marketing"  # the model's text, not the drawn one
    editor.selectAll()
    qtbot.keyClicks(editor, "Double the pipeline")
    with qtbot.waitSignal(canvas.fieldEdited) as edited:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert edited.args == ["goals", 1, "Double the pipeline"]
    assert canvas.editor() is None
    assert persona.goals[1] == "Prove the ROI of marketing"  # the canvas never edits the model


def test_escape_cancels_an_in_place_edit(canvas, qtbot):
    canvas.set_layout(hand_layout(), make_persona())
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=block_centre(canvas, "quote"))
    editor = canvas.editor()
    qtbot.keyClicks(editor, "something else")
    with qtbot.assertNotEmitted(canvas.fieldEdited):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        qtbot.wait(10)
    assert canvas.editor() is None


def test_leaving_the_editor_commits(canvas, qtbot):
    canvas.set_layout(hand_layout(), make_persona())
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=block_centre(canvas, "name"))
    editor = canvas.editor()
    editor.selectAll()
    editor.insert("Anna Bergström")  # QTest types ASCII only
    with qtbot.waitSignal(canvas.fieldEdited) as edited:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert edited.args == ["name", None, "Anna Bergström"]


def test_zoom_in_out_and_fit(canvas, qtbot):
    canvas.set_layout(hand_layout())
    assert canvas.is_fit_mode()
    fit = canvas.zoom()
    card = canvas.mapFromScene(canvas.card_rect()).boundingRect()
    assert canvas.viewport().rect().contains(card)  # fit shows the whole card
    with qtbot.waitSignal(canvas.zoomChanged) as bigger:
        canvas.zoom_in()
    assert bigger.args[0] > fit and not canvas.is_fit_mode()
    canvas.zoom_out()
    canvas.zoom_out()
    assert canvas.zoom() < bigger.args[0]
    canvas.set_zoom(2.0)
    # 100 % is the real size: 2.0 draws a point as two 1/72 inch at the screen's dpi
    assert canvas.transform().m11() == pytest.approx(2.0 * canvas.logicalDpiX() / 72)
    canvas.zoom_fit()
    assert canvas.zoom() == pytest.approx(fit)


def test_fit_mode_refits_when_the_window_resizes(canvas, qtbot):
    canvas.set_layout(hand_layout())
    before = canvas.zoom()
    canvas.resize(300, 400)
    qtbot.waitUntil(lambda: canvas.zoom() < before * 0.7)
    canvas.set_zoom(1.0)
    canvas.resize(600, 800)
    qtbot.wait(10)
    assert canvas.zoom() == 1.0  # a chosen zoom stays when not fitting


def test_ctrl_wheel_zooms(canvas, qtbot):
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    canvas.set_layout(hand_layout())
    before = canvas.zoom()
    centre = P(canvas.viewport().rect().center())
    event = QWheelEvent(
        centre,
        canvas.viewport().mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.zoom() > before


def test_template_size_sets_the_scene_aspect(canvas):
    canvas.set_layout(hand_layout())
    a6 = canvas.sceneRect()
    canvas.set_layout(hand_layout(width=400, height=200))
    wide = canvas.sceneRect()
    assert a6.width() / a6.height() == pytest.approx(105 / 148, rel=0.01)
    assert wide.width() / wide.height() == pytest.approx(2.0, rel=0.01)
    assert wide.contains(canvas.card_rect())


def test_guides_show_trim_bleed_and_safe_area(canvas):
    layout = hand_layout()
    canvas.set_layout(layout)
    assert canvas.guide_rects() == {}
    canvas.set_overlays(True, True, True)
    rects = canvas.guide_rects()
    assert rects["trim"].width() == pytest.approx(layout.width)
    assert rects["bleed"].left() == pytest.approx(-layout.bleed)
    assert rects["safe"].left() == pytest.approx(layout.safe_margin)
    canvas.set_overlays(False, False, True)
    assert set(canvas.guide_rects()) == {"safe"}


def test_cut_text_is_outlined_with_an_explanation(canvas, qtbot):
    canvas.set_layout(hand_layout(cut=True))
    markers = canvas.cut_markers()
    assert len(markers) == 1
    assert markers[0].toolTip() == "Goals 2: 42 of 52 characters cut — shorten it or choose a larger template"
    canvas.set_layout(hand_layout(cut=False))
    assert canvas.cut_markers() == []
