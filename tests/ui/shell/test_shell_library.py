"""The sidebar and the persona actions: search, filters, sort, trash, duplicate, refresh."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_shell_editing import select

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from support.shell import reread


def listed(window) -> list[str]:
    model = window.sidebar.model
    return [model.summary(r).name for r in range(model.rowCount())]


def test_search_as_you_type_filters_the_sidebar(qtbot, window):
    assert len(listed(window)) == 4
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.search.hasFocus()
    qtbot.keyClicks(window.sidebar.search, "blog")
    assert listed(window) == ["Dana Fox"]
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.sidebar.search, Qt.Key.Key_Backspace)
    assert listed(window) == ["Dana Fox"]  # "bl" still only matches the blogger
    window.sidebar.search.clear()
    assert len(listed(window)) == 4
    assert window.sidebar.count_label.text() == "4 personas"


def test_search_finds_other_fields_once_typing_pauses(qtbot, window):
    qtbot.keyClicks(window.sidebar.search, "acme")
    assert listed(window) == [], "names, roles and tags are filtered at once"
    qtbot.waitUntil(lambda: listed(window) == ["Carl Diaz"], timeout=2000)  # company, via the library
    assert window.sidebar.count_label.text() == "1 persona"


def test_type_filter(window):
    combo = window.sidebar.type_combo
    combo.setCurrentIndex(combo.findData("buyer"))
    assert listed(window) == ["Carl Diaz"]
    combo.setCurrentIndex(0)
    assert len(listed(window)) == 4


def test_tag_filter_lists_the_library_tags(window):
    combo = window.sidebar.tag_combo
    tags = [combo.itemData(i) for i in range(1, combo.count())]
    assert set(tags) == {"b2b", "b2c", "media", "startup"}
    combo.setCurrentIndex(combo.findData("b2c"))
    assert sorted(listed(window)) == ["Björk Ek", "Dana Fox"]


def test_sort_by_name_type_and_last_change(qtbot, window, library_path):
    sort = window.sidebar.sort_combo
    assert listed(window) == ["Anna Berg", "Björk Ek", "Carl Diaz", "Dana Fox"]
    sort.setCurrentIndex(sort.findData("type"))
    # Contract order of types: customer, buyer, end_user, decision_maker, influencer, negative.
    assert listed(window) == ["Carl Diaz", "Anna Berg", "Dana Fox", "Björk Ek"]
    select(window, "Björk Ek")
    sort.setCurrentIndex(sort.findData("updated"))
    with sqlite3.connect(library_path) as conn:  # the others changed long ago (updated_at has 1 s precision)
        conn.execute("UPDATE personas SET updated_at = '2001-01-01T00:00:00Z'")
    conn.close()
    qtbot.keyClicks(window.form.editors["role"], "!")
    window.sidebar.reload()
    assert listed(window)[0] == "Björk Ek"
    assert window.sidebar.current_id() == window.document.persona.id, "the selection survives a reload"


def test_delete_moves_to_trash_and_trash_dialog_restores(qtbot, window, library, monkeypatch):
    select(window, "Carl Diaz")
    carl_id = window.document.persona.id
    window.sidebar.view.setFocus()
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_Delete)
    assert "Carl Diaz" not in listed(window)
    assert [s.name for s in library.list(deleted=True)] == ["Carl Diaz"]
    assert window.document.persona is not None and window.document.persona.id != carl_id

    from personadesigner.ui.trash_dialog import TrashDialog

    def run_trash(dialog):
        assert dialog.list.count() == 1
        dialog.list.selectAll()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
        return 0

    monkeypatch.setattr(TrashDialog, "exec", run_trash)
    window.trash_action.trigger()
    assert "Carl Diaz" in listed(window)
    assert library.list(deleted=True) == []


def test_delete_key_in_a_list_editor_does_not_trash_the_persona(qtbot, window, library):
    select(window, "Anna Berg")
    goals = window.form.editors["goals"]
    goals.focus_item(0)
    edit = QApplication.focusWidget()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # empties the item
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # removes the emptied item
    assert library.find("Anna Berg").goals == ["Prove the ROI"]
    assert library.list(deleted=True) == []


def test_trash_delete_forever(qtbot, window, library, messages, monkeypatch):
    select(window, "Dana Fox")
    window.delete_personas()
    from personadesigner.ui.trash_dialog import TrashDialog

    messages.answer = "Delete 1 persona forever"

    def run_trash(dialog):
        dialog.list.selectAll()
        dialog.purge_selected()
        return 0

    monkeypatch.setattr(TrashDialog, "exec", run_trash)
    window.trash_action.trigger()
    assert library.count(include_deleted=True) == 3
    assert any("forever" in m for m in messages.messages)


def test_duplicate_with_ctrl_d(qtbot, window, library_path):
    select(window, "Anna Berg")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy = reread(library_path, "Anna Berg (copy)")
    assert copy.goals == ["Ship campaigns faster", "Prove the ROI"]
    assert window.document.persona.id == copy.id
    assert "Anna Berg (copy)" in listed(window)


def test_another_process_change_appears_after_the_refresh_tick(window, library_path):
    select(window, "Anna Berg")
    other = Library.open(str(library_path))
    try:
        other.add(Persona(name="Zoe Quinn", role="Product owner"))
        anna = other.find("Anna Berg")
        anna.role = "Head of marketing"
        other.update(anna)
    finally:
        other.close()
    assert "Zoe Quinn" not in listed(window)
    window.sidebar.view.setFocus()  # not editing: the open persona may be reloaded
    window.refresh_from_library()
    assert "Zoe Quinn" in listed(window)
    assert window.form.editors["role"].text() == "Head of marketing"
    assert window.document.persona.role == "Head of marketing"


def test_persona_purged_elsewhere_can_be_kept(qtbot, window, library_path, messages):
    select(window, "Dana Fox")
    dana_id = window.document.persona.id
    other = Library.open(str(library_path))
    try:
        other.purge(dana_id)
    finally:
        other.close()
    qtbot.keyClicks(window.form.editors["industry"], "Media")
    banner = window.conflicts.banner
    assert banner.isVisible() and "deleted this persona for good" in banner.message.text()
    assert not messages.messages  # a banner, not a question
    banner.keep_button.click()
    assert not banner.isVisible()
    stored = reread(library_path, "Dana Fox")
    assert (stored.id, stored.industry) == (dana_id, "Media")


def test_ctrl_n_with_filters_on_shows_the_new_persona(qtbot, window):
    window.sidebar.tag_combo.setCurrentIndex(window.sidebar.tag_combo.findData("b2c"))
    qtbot.keyClicks(window.sidebar.search, "dana")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.search.text() == "" and window.sidebar.tag_combo.currentIndex() == 0
    assert "New persona" in listed(window)
    assert window.sidebar.current_id() == window.document.persona.id


def test_open_recent_lists_other_libraries(window, settings, tmp_path):
    other = tmp_path / "archive.sqlite"
    Library.open(str(other)).close()
    settings.add_recent_library(str(other))
    settings.add_recent_library(window.library.location)
    window.recent_menu.aboutToShow.emit()
    actions = [a for a in window.recent_menu.actions() if a.isEnabled()]
    assert [a.text() for a in actions] == [str(other)]
    actions[0].trigger()
    assert window.windowTitle() == "archive — PersonaDesigner"


def test_delete_several_selected_personas_at_once(qtbot, window, library):
    from PySide6.QtCore import QItemSelectionModel

    view = window.sidebar.view
    model = window.sidebar.model
    view.setFocus()
    view.selectionModel().select(model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.selectionModel().select(model.index(2), QItemSelectionModel.SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert sorted(s.name for s in library.list(deleted=True)) == ["Anna Berg", "Carl Diaz"]
    assert listed(window) == ["Björk Ek", "Dana Fox"]
    assert [a.text() for a in view.actions() if not a.isSeparator()] == ["&New persona", "D&uplicate", "Move to &trash"]


def test_a_refresh_keeps_the_full_text_matches(qtbot, window, library_path):
    qtbot.keyClicks(window.sidebar.search, "acme")
    qtbot.waitUntil(lambda: listed(window) == ["Carl Diaz"], timeout=2000)
    other = Library.open(str(library_path))
    try:
        other.add(Persona(name="Eve Acme-Smith"))
    finally:
        other.close()
    window.refresh_from_library()
    assert listed(window) == ["Carl Diaz", "Eve Acme-Smith"]
