"""The form's editors: lists, traits, records, photo; navigation and accessibility."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from conftest import reread
from personadesigner.core.persona import ALL_FIELDS
from personadesigner.ui.persona_form import SECTIONS
from test_shell_editing import select


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
    goals.list.setFocus()
    goals.list.setCurrentRow(2)
    qtbot.keyClick(goals.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(goals.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert reread(library_path, "Anna Berg").goals == ["Hire a designer", "Ship campaigns faster", "Prove the ROI"]
    assert goals.list.currentRow() == 0, "the moved item stays selected"
    qtbot.keyClick(goals.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Hire a designer", "Prove the ROI"]
    qtbot.keyClick(goals.list, Qt.Key.Key_Delete)
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove the ROI"]
    # Each gesture was one undo step: undo the removal brings the item back in place.
    window.undo_action.trigger()
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Hire a designer", "Prove the ROI"]


def test_list_item_edited_in_place_with_f2(qtbot, window, library_path):
    from PySide6.QtWidgets import QLineEdit

    select(window, "Anna Berg")
    goals = window.form.editors["goals"]
    goals.list.setFocus()
    goals.list.setCurrentRow(0)
    qtbot.keyClick(goals.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and goals.list.isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "Ship campaigns in days")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the item view commits an edit from its event queue
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns in days", "Prove the ROI"]
    assert [goals.list.item(i).text() for i in range(goals.list.count())] == ["Ship campaigns in days", "Prove the ROI"]
    window.undo_action.trigger()
    assert goals.list.item(0).text() == "Ship campaigns faster"


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
    form.sections["Goals & pains"].set_expanded(False)
    form.focus_field("goals", 1)
    assert form.sections["Goals & pains"].is_expanded()
    goals = form.editors["goals"]
    assert QApplication.focusWidget() is goals.list
    assert goals.list.currentRow() == 1
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
    assert order[:4] == [e["name"], e["type"], e["role"], e["quote"]]
    assert order[4] is e["photo"].choose_button
    # Through the added trait rows into the next section, in reading order.
    traits = e["traits"]
    traits.row_widgets(0)[3].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is traits.add_button, QApplication.focusWidget().accessibleName()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.sections["Evidence"].header


def test_list_reorder_by_drag_is_one_undo_step(window, library_path):
    from PySide6.QtCore import QModelIndex

    select(window, "Anna Berg")
    goals = window.form.editors["goals"]
    # What an internal drag and drop does to the list's model: move row 1 to the top.
    assert goals.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert reread(library_path, "Anna Berg").goals == ["Prove the ROI", "Ship campaigns faster"]
    assert [goals.list.item(i).text() for i in range(2)] == ["Prove the ROI", "Ship campaigns faster"]
    window.undo_action.trigger()
    assert reread(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove the ROI"]
    assert [goals.list.item(i).text() for i in range(2)] == ["Ship campaigns faster", "Prove the ROI"]
