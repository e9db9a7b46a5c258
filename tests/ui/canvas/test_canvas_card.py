"""The canvas on real layouts: the persona's card as the layout engine places it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from personadesigner.core.cardlayout import Box
from personadesigner.core.templates import load_template, template_names
from personadesigner.core.themes import load_theme

pytestmark = pytest.mark.gui


def centre_of(canvas, field, item=None) -> QPoint:
    for b in canvas.current_layout().text_blocks():
        if b.field == field and b.item == item and b.text.strip():
            return canvas.mapFromScene(QPointF(b.x + min(b.w, 30) / 2, b.y + b.h / 2))
    raise AssertionError(f"the card shows no {field}")


def test_the_card_shows_the_persona_in_the_theme_colours(canvas, persona, qtbot):
    canvas.set_persona(persona)
    qtbot.wait(10)
    layout = canvas.current_layout()
    assert layout.persona_name == "Anna Berg" and layout.template == "card"
    accent = load_theme("classic").color("type", persona.type)
    band = next(b for b in layout.items if isinstance(b, Box) and b.fill == accent and b.w >= layout.width)
    image = canvas.viewport().grab().toImage()
    # a point in the band, right of the photo and below the texts' baselines
    at = canvas.mapFromScene(QPointF(band.x + band.w - 12, band.y + band.h - 4))
    pixel = image.pixelColor(at)
    assert pixel.name() == accent
    # the card is not blank: the text column has dark pixels
    rect = canvas.mapFromScene(canvas.card_rect()).boundingRect()
    dark = sum(
        1
        for y in range(rect.top() + rect.height() // 3, rect.bottom(), 3)
        for x in range(rect.left(), rect.right(), 3)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 50


def test_clicking_the_quote_names_the_quote(canvas, persona, qtbot):
    canvas.set_persona(persona)
    with qtbot.waitSignal(canvas.fieldClicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(canvas, "quote"))
    assert clicked.args == ["quote", None]


def test_double_click_edits_the_quote_and_reports_the_new_text(canvas, persona, qtbot):
    canvas.set_persona(persona)
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(canvas, "quote"))
    editor = canvas.editor()
    assert editor.text() == persona.quote  # without the typographic quote marks the card adds
    editor.selectAll()
    qtbot.keyClicks(editor, "Less busywork, more ideas.")
    with qtbot.waitSignal(canvas.fieldEdited) as edited:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert edited.args == ["quote", None, "Less busywork, more ideas."]
    # the shell applies it through the model; the canvas then shows it
    persona.quote = edited.args[2]
    canvas.set_persona(persona)
    quote = next(b for b in canvas.current_layout().text_blocks() if b.field == "quote" and b.text.strip())
    assert "Less busywork" in quote.text


def test_typing_relays_the_card_out_without_new_items(canvas, persona):
    canvas.set_persona(persona)
    items_before = set(canvas.scene().items())
    for ch in " Really.":
        persona.quote += ch
        canvas.set_persona(persona)
    assert "Really." in "".join(b.text for b in canvas.current_layout().text_blocks())
    assert set(canvas.scene().items()) == items_before


def test_long_goals_are_outlined_as_cut_with_a_tooltip(canvas, long_goals_persona):
    canvas.set_persona(long_goals_persona)
    layout = canvas.current_layout()
    assert layout.preflight, "15 long goals must not fit on an A6 card"
    markers = canvas.cut_markers()
    assert markers
    tips = [m.toolTip() for m in markers]
    assert any(t.startswith("Goals") and "characters cut — shorten it or choose a larger template" in t for t in tips)
    for m in markers:  # each marker frames a text block of the card
        assert canvas.card_rect().adjusted(-1, -1, 1, 1).contains(m.rect())


def test_switching_the_template_changes_the_card_shape(canvas, persona):
    names = template_names()
    assert len(names) >= 2, "the app ships several templates"
    canvas.set_persona(persona)
    for name in names:
        canvas.set_design(name, "classic")
        t = load_template(name)
        rect = canvas.sceneRect()
        assert canvas.current_layout().template == name
        assert rect.width() / rect.height() == pytest.approx(t.width / t.height, rel=0.01)
        assert canvas.is_fit_mode()
        view = canvas.mapFromScene(canvas.card_rect()).boundingRect()
        assert canvas.viewport().rect().contains(view)


def test_a_persona_with_its_own_design_is_shown_in_it(canvas, persona):
    other = [n for n in template_names() if n != "card"]
    persona.card.template = other[0]
    canvas.set_persona(persona)
    assert canvas.design() == (other[0], "classic")
    canvas.set_design("card", "classic")  # the bar's choice wins until the persona changes design
    persona.quote += "!"
    canvas.set_persona(persona)
    assert canvas.current_layout().template == "card"


def test_texts_with_no_room_at_all_are_listed_in_a_badge(canvas, long_goals_persona, persona):
    canvas.set_persona(long_goals_persona)
    badge = canvas.cut_badge()
    assert badge.isVisible()
    assert "not shown" in badge.text()
    assert "Goals 15: " in badge.toolTip()  # the last goal has no block on the card
    canvas.set_persona(persona)
    assert not badge.isVisible()


@pytest.mark.parametrize("template", ["card", "profile"])
def test_the_repainted_area_of_a_keystroke_covers_everything_that_changed(persona, template):
    """Keystrokes repaint only changed_area(); every item drawn differently must lie inside it,
    or stale pixels stay on screen (a whole-viewport grab cannot see this: it repaints all)."""
    import copy

    from personadesigner.core.layout import layout
    from personadesigner.ui.canvas_items import changed_area, item_rect

    persona.card.template = template
    before = layout(persona, template, persona.card.theme)
    partial = 0
    for text in ("I want", "I want to spend my evenings", "Short."):
        typed = copy.deepcopy(persona)
        typed.quote = text
        typed.goals[0] = text.upper()
        after = layout(typed, template, typed.card.theme)
        area = changed_area(before, after)
        differing = set(before.items).symmetric_difference(after.items)
        assert differing, "the edit changed nothing on the card"
        if area is not None:  # None: the whole card repaints
            partial += 1
            for item in differing:
                assert area.contains(item_rect(item)), f"{item!r} changed outside the repainted area"
        before = after
    assert partial, "no keystroke took the partial-repaint path"


def test_long_texts_are_edited_in_a_wrapping_editor_that_keeps_line_breaks(canvas, persona, qtbot):
    persona.card.template = "profile"  # the profile shows the story
    canvas.set_persona(persona)
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(canvas, "story"))
    editor = canvas.editor()
    assert editor.text() == persona.story
    editor.selectAll()
    qtbot.keyClicks(editor, "First paragraph.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "Second one.")
    with qtbot.waitSignal(canvas.fieldEdited) as edited:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert edited.args == ["story", None, "First paragraph.\nSecond one."]


def test_a_design_this_installation_lacks_is_explained_not_crashed_on(canvas, persona):
    persona.card.template = "from-a-newer-version"
    canvas.set_persona(persona)
    assert canvas.current_layout() is None
    assert "from-a-newer-version" in canvas.problem()
    canvas.set_design("card", "classic")
    assert canvas.problem() is None and canvas.current_layout() is not None


def test_a_clicked_text_is_framed_and_f2_edits_it(canvas, persona, qtbot):
    canvas.set_persona(persona)
    assert canvas.selection_rect().isEmpty()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(canvas, "goals", 1))
    assert canvas.selected_field() == ("goals", 1)
    goal = next(b for b in canvas.current_layout().text_blocks() if (b.field, b.item) == ("goals", 1))
    assert canvas.selection_rect().contains(QPointF(goal.x + goal.w / 2, goal.y + goal.h / 2))
    persona.goals.insert(0, "A new first goal")  # the frame follows the item after a change
    canvas.set_persona(persona)
    moved = next(b for b in canvas.current_layout().text_blocks() if (b.field, b.item) == ("goals", 1))
    assert canvas.selection_rect().contains(QPointF(moved.x + 5, moved.y + moved.h / 2))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_F2)
    assert canvas.editor() is not None and canvas.editor().text() == persona.goals[1]
    qtbot.keyClick(canvas.editor(), Qt.Key.Key_Escape)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.selected_field() is None and canvas.selection_rect().isEmpty()


def test_a_character_no_font_has_is_outlined_with_its_code_point(canvas, persona):
    persona.role = "Bishop of the Goths \U00010330"
    canvas.set_persona(persona)
    markers = [m for m in canvas.cut_markers() if m.block.field == "role"]
    assert len(markers) == 1
    assert "U+10330" in markers[0].toolTip() and "prints as a box" in markers[0].toolTip()
    assert "1 other preflight problem" in canvas.cut_badge().text()  # counted, not called a cut
