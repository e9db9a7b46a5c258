"""The form's editors: lists, traits, records, photo; navigation and accessibility."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from test_shell_editing import select

from personadesigner.core.persona import ALL_FIELDS
from personadesigner.ui.persona_form import SECTIONS
from support.shell import reread


def png_file(path, size=(300, 200), color=(200, 80, 40)) -> str:
    Image.new("RGB", size, color).save(path, format="PNG")
    return str(path)


def test_every_field_has_an_editor_with_a_label_and_accessible_name(window):
    form = window.form
    not_in_form = {"id", "created_at", "updated_at", "card"}  # card: the design bar
    assert set(form.editors) == set(ALL_FIELDS) - not_in_form
    labels = {lab.buddy() for lab in form.findChildren(QLabel) if lab.buddy() is not None}
    alone = {fields[0] for _title, fields in SECTIONS if len(fields) == 1}  # the section title names it
    for name, editor in form.editors.items():
        assert editor.accessibleName(), name
        assert editor in labels or name in alone, f"{name} has no label buddy"
        editor.setFocus()
        assert editor.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is editor, name


def test_list_editor_add_remove_and_reorder_by_keyboard(qtbot, window, library_path):
    select(window, "Anna Berg")
    goals = window.form.editors["goals"]
    qtbot.keyClicks(goals.entry, "Hire a designer")
    qtbot.keyClick(goals.entry, Qt.Key.Key_Return)
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove the ROI", "Hire a designer"]
    goals.focus_item(2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert reread(library_path, "Anna Berg").goals == ["Hire a designer", "Ship campaigns faster", "Prove the ROI"]
    assert goals.row_of(QApplication.focusWidget()) == 0, "the moved item keeps the cursor"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Hire a designer", "Prove the ROI"]
    # Emptying an item and pressing Backspace removes it, as in an outliner.
    edit = QApplication.focusWidget()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove the ROI"]
    assert goals.row_of(QApplication.focusWidget()) == 0, "the cursor goes to the item above"
    # Each gesture was one undo step: undo the removal brings the item back in place.
    window.undo_action.trigger()
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Hire a designer", "Prove the ROI"]


def test_list_item_edited_in_place(qtbot, window, library_path):
    select(window, "Anna Berg")
    goals = window.form.editors["goals"]
    goals.focus_item(0)
    editor = QApplication.focusWidget()
    assert goals.row_of(editor) == 0
    editor.selectAll()
    qtbot.keyClicks(editor, "Ship campaigns in days")
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns in days", "Prove the ROI"]
    assert goals.row_texts() == ["Ship campaigns in days", "Prove the ROI"]
    window.undo_action.trigger()
    assert goals.row_texts()[0] == "Ship campaigns faster"
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove the ROI"]


def test_trait_slider_change_is_saved_and_can_be_added_and_removed(qtbot, window, library_path):
    select(window, "Anna Berg")
    traits = window.form.editors["traits"]
    left, slider, right, _remove = traits.row_widgets(0)
    assert (left.text(), slider.value(), right.text()) == ("Introvert", 70, "Extrovert")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert reread(library_path, "Anna Berg").traits[0].value == 68
    qtbot.mouseClick(traits.add_button, Qt.MouseButton.LeftButton)
    assert len(reread(library_path, "Anna Berg").traits) == 2
    qtbot.mouseClick(traits.row_widgets(0)[3], Qt.MouseButton.LeftButton)
    stored = reread(library_path, "Anna Berg").traits
    assert [(t.left, t.right, t.value) for t in stored] == [("Introvert", "Extrovert", 50)]


def test_sources_custom_and_related_rows_are_saved(qtbot, window, library_path):
    select(window, "Björk Ek")
    form = window.form
    sources = form.editors["sources"]
    kind, title, _date, note, _rm = sources.row_widgets(0)
    assert title.text() == "Student survey"
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " 2026")
    qtbot.keyClicks(note, "n=120")
    custom = form.editors["custom"]
    qtbot.mouseClick(custom.add_button, Qt.MouseButton.LeftButton)
    label, value, _rm = custom.row_widgets(0)
    label.selectAll()
    qtbot.keyClicks(label, "Quote bank")
    value.setFocus()
    value.insertPlainText("“Too pricey” — 高い")
    related = form.editors["related"]
    qtbot.mouseClick(related.add_button, Qt.MouseButton.LeftButton)
    relation, persona_combo, _rm = related.row_widgets(0)
    persona_combo.setCurrentIndex(persona_combo.findText("Carl Diaz"))
    persona_combo.activated.emit(persona_combo.currentIndex())
    stored = reread(library_path, "Björk Ek")
    assert (stored.sources[0].title, stored.sources[0].note) == ("Student survey 2026", "n=120")
    assert [(c.label, c.value) for c in stored.custom] == [("Quote bank", "“Too pricey” — 高い")]
    assert stored.related[0].persona == reread(library_path, "Carl Diaz").id
    assert stored.related[0].relation == relation.currentData()


def test_photo_from_a_png_file_then_removed(qtbot, window, library_path, tmp_path):
    select(window, "Dana Fox")
    assert window.set_photo_from_file(png_file(tmp_path / "dana.png"))
    stored = reread(library_path, "Dana Fox")
    assert stored.photo is not None
    assert Image.open(io.BytesIO(stored.photo)).size == (300, 200)
    photo_editor = window.form.editors["photo"]
    assert photo_editor.preview.pixmap() is not None and not photo_editor.preview.pixmap().isNull()
    row = window.sidebar.model.row_of(stored.id)
    assert window.sidebar.model.thumbnail(window.sidebar.model.summary(row).photo_hash) is not None
    qtbot.mouseClick(photo_editor.remove_button, Qt.MouseButton.LeftButton)
    assert reread(library_path, "Dana Fox").photo is None
    assert not photo_editor.remove_button.isEnabled()


@pytest.mark.parametrize("kind", ["broken", "too_large", "gif"])
def test_refused_image_shows_one_message_and_changes_nothing(window, library_path, tmp_path, messages, kind):
    select(window, "Dana Fox")
    path = tmp_path / f"bad-{kind}.png"
    if kind == "broken":
        good = io.BytesIO()
        Image.new("RGB", (400, 400), (1, 2, 3)).save(good, format="PNG")
        path.write_bytes(good.getvalue()[:200])
    elif kind == "too_large":
        Image.new("1", (9000, 9000)).save(path, format="PNG")
    else:
        Image.new("RGB", (10, 10)).save(path, format="GIF")
    before = reread(library_path, "Dana Fox")
    assert not window.set_photo_from_file(str(path))
    assert len(messages.messages) == 1
    assert "not changed" in messages.messages[0]
    after = reread(library_path, "Dana Fox")
    assert after.photo is None and after.version == before.version
    assert window.document.undo_stack.count() == 0


def test_photo_crop_to_a_square(qtbot, window, library_path, tmp_path, monkeypatch):
    from personadesigner.ui.editors.crop_dialog import CropDialog

    select(window, "Dana Fox")
    window.set_photo_from_file(png_file(tmp_path / "wide.png", size=(400, 200)))
    monkeypatch.setattr(CropDialog, "exec", lambda self: CropDialog.DialogCode.Accepted)
    window.form.editors["photo"].crop()
    assert Image.open(io.BytesIO(reread(library_path, "Dana Fox").photo)).size == (200, 200)


def test_focus_field_opens_the_section_and_focuses_the_item(window):
    select(window, "Anna Berg")
    form = window.form
    form.sections["Essentials"].set_expanded(False)
    form.focus_field("goals", 1)
    assert form.sections["Essentials"].is_expanded()
    goals = form.editors["goals"]
    assert goals.row_of(QApplication.focusWidget()) == 1
    top = goals.mapTo(form.widget(), goals.rect().topLeft()).y()
    assert form.verticalScrollBar().value() <= top <= form.verticalScrollBar().value() + form.viewport().height()
    window.canvas.fieldClicked.emit("notes", None)
    assert QApplication.focusWidget() is form.editors["notes"]


def test_tab_order_follows_the_form(qtbot, window):
    select(window, "Anna Berg")
    form = window.form
    window.activateWindow()
    order = []
    form.editors["name"].setFocus()
    for _ in range(6):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    e = form.editors
    goals = e["goals"].focus_chain()
    assert order[:6] == [e["name"], e["type"], e["role"], e["quote"], goals[0], goals[1]]
    # Through the added trait rows into the next section, in reading order.
    traits = e["traits"]
    traits.row_widgets(0)[3].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is traits.add_button, QApplication.focusWidget().accessibleName()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.sections["Evidence"].header


def test_list_reorder_by_drag_is_one_undo_step(window, library_path):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    select(window, "Anna Berg")
    goals = window.form.editors["goals"]
    window.show()
    QApplication.processEvents()
    # What dropping row 1 (dragged by its handle) above row 0 delivers to the editor.
    mime = goals.drag_mime(1)
    top = QPointF(goals.rows[0].geometry().center().x(), goals.rows[0].geometry().top() + 2)
    move, buttons, mods = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(top.toPoint(), move, mime, buttons, mods),
        QDragMoveEvent(top.toPoint(), move, mime, buttons, mods),
        QDropEvent(top, move, mime, buttons, mods),
    ):
        QApplication.sendEvent(goals, event)
    assert reread(library_path, "Anna Berg").goals == ["Prove the ROI", "Ship campaigns faster"]
    assert goals.row_texts() == ["Prove the ROI", "Ship campaigns faster"]
    window.undo_action.trigger()
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove the ROI"]
    assert goals.row_texts() == ["Ship campaigns faster", "Prove the ROI"]
