"""The design bar: template and theme pickers, zoom buttons and guide toggles driving a canvas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from personadesigner.core.templates import template_names
from personadesigner.core.themes import theme_names

pytestmark = pytest.mark.gui


@pytest.fixture
def bar(qtbot, canvas, persona):
    from personadesigner.ui.design_bar import DesignBar

    b = DesignBar()
    qtbot.addWidget(b)
    canvas.set_persona(persona)
    b.attach(canvas)
    b.show()
    return b


def test_pickers_offer_every_template_and_theme(bar):
    combo = bar.template_combo
    assert [combo.itemData(i) for i in range(combo.count())] == template_names()
    card = combo.findData("card")
    assert combo.itemData(card, Qt.ItemDataRole.ToolTipRole) == "105 × 148 mm"
    themes = bar.theme_combo
    assert [themes.itemData(i) for i in range(themes.count())] == theme_names()


def test_choosing_a_template_reports_the_design_and_showing_one_does_not(bar, qtbot):
    with qtbot.assertNotEmitted(bar.designChanged):
        bar.set_design("mini", "classic")
    assert bar.design() == ("mini", "classic")
    i = bar.template_combo.findData("profile")
    with qtbot.waitSignal(bar.designChanged) as changed:
        # what picking an entry from the popup does: select it, then report the activation
        bar.template_combo.setCurrentIndex(i)
        bar.template_combo.activated.emit(i)
    assert changed.args == ["profile", "classic"]


def test_a_design_the_installation_lacks_is_shown_not_lost(bar):
    bar.set_design("gone-template", "classic")
    assert bar.design() == ("gone-template", "classic")
    assert "missing" in bar.template_combo.currentText()


def test_zoom_buttons_drive_the_canvas_and_show_its_zoom(bar, canvas, qtbot):
    qtbot.mouseClick(bar.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not canvas.is_fit_mode()
    assert bar.zoom_label.text() == f"{round(canvas.zoom() * 100)} %"
    assert not bar.fit_button.isChecked()
    qtbot.mouseClick(bar.fit_button, Qt.MouseButton.LeftButton)
    assert canvas.is_fit_mode() and bar.fit_button.isChecked()
    qtbot.mouseClick(bar.fit_button, Qt.MouseButton.LeftButton)  # fit stays on
    assert bar.fit_button.isChecked()


def test_guide_toggles_show_the_guides_on_the_canvas(bar, canvas, qtbot):
    qtbot.mouseClick(bar.bleed_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.safe_button, Qt.MouseButton.LeftButton)
    assert canvas.overlays() == (False, True, True)
    assert set(canvas.guide_rects()) == {"bleed", "safe"}


def test_every_button_explains_itself(bar):
    for button in bar.findChildren(QToolButton):
        assert button.toolTip() and button.accessibleName(), button.objectName()
