"""One current persona: the sidebar's row, the form and the canvas always show the same one,
and Move to trash acts on the persona on screen -- after every path that changes the list."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from test_shell_editing import select

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library


def shown(window) -> dict:
    """Which persona each part of the window shows (by name)."""
    sidebar = window.sidebar
    row = sidebar.view.currentIndex()
    highlighted = sidebar.model.summary(row.row()).name if row.isValid() else None
    selected = [sidebar.model.summary(i.row()).name for i in sidebar.view.selectionModel().selectedRows()]
    return {
        "row": highlighted,
        "selected": selected,
        "form": window.form.editors["name"].text() if window.document.persona is not None else None,
        "canvas": window.canvas.persona().name if window.canvas.persona() is not None else None,
        "document": window.document.persona.name if window.document.persona is not None else None,
    }


def assert_agree(window, name: str | None, *, listed: bool = True) -> None:
    """The list highlights ``name`` (nothing when it is not listed) and the form and canvas show it."""
    row = name if listed else None
    expected = {"row": row, "selected": [row] if row else [], "form": name, "canvas": name, "document": name}
    assert shown(window) == expected


def trash_names(library) -> list[str]:
    return sorted(s.name for s in library.list(deleted=True))


def listed(window) -> list[str]:
    model = window.sidebar.model
    return [model.summary(r).name for r in range(model.rowCount())]


def trash_acts_on_screen(window, library, name: str) -> None:
    """Persona > Move to trash takes exactly the persona on screen."""
    before = set(trash_names(library))
    window.delete_action.trigger()
    assert set(trash_names(library)) - before == {name}


def run_trash(monkeypatch, action):
    from personadesigner.ui.trash_dialog import TrashDialog

    def fake_exec(dialog):
        action(dialog)
        return 0

    monkeypatch.setattr(TrashDialog, "exec", fake_exec)


def test_restore_then_move_to_trash_acts_on_the_persona_on_screen(qtbot, window, library, monkeypatch):
    """The reported bug: after Edit > Trash > Restore the list highlighted the restored persona
    while the form showed another, and Move to trash took the highlighted one."""
    select(window, "Björk Ek")
    window.delete_action.trigger()
    select(window, "Dana Fox")
    assert_agree(window, "Dana Fox")

    def restore(dialog):
        dialog.list.setCurrentRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    run_trash(monkeypatch, restore)
    window.trash_action.trigger()
    assert_agree(window, "Björk Ek")  # the restored persona is shown
    trash_acts_on_screen(window, library, "Björk Ek")
    assert_agree(window, "Carl Diaz")  # its neighbour in the list


def test_clicking_the_highlighted_row_shows_it(qtbot, window):
    select(window, "Carl Diaz")
    view = window.sidebar.view
    rect = view.visualRect(window.sidebar.model.index(window.sidebar.model.row_of(window.document.persona.id)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert_agree(window, "Carl Diaz")
    rect = view.visualRect(window.sidebar.model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert_agree(window, "Anna Berg")


def test_delete_forever_keeps_the_persona_on_screen(qtbot, window, library, messages, monkeypatch):
    select(window, "Anna Berg")
    window.delete_action.trigger()
    select(window, "Dana Fox")
    messages.answer = "Delete 1 persona forever"

    def purge(dialog):
        dialog.list.setCurrentRow(0)
        dialog.purge_selected()

    run_trash(monkeypatch, purge)
    window.trash_action.trigger()
    assert library.count(include_deleted=True) == 3
    assert_agree(window, "Dana Fox")
    trash_acts_on_screen(window, library, "Dana Fox")


def test_import_keeps_the_persona_on_screen_highlighted(qtbot, window, library, tmp_path, monkeypatch):
    select(window, "Carl Diaz")
    data = tmp_path / "more.json"
    data.write_text(
        json.dumps(
            {"format": "personadesigner.personas/1", "personas": [{"name": "Aaron Abel"}, {"name": "Bea Borg"}]}
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(data)], "")))
    window.import_action.trigger()
    assert listed(window)[:2] == ["Aaron Abel", "Anna Berg"]  # rows moved under the highlight
    assert_agree(window, "Carl Diaz")
    trash_acts_on_screen(window, library, "Carl Diaz")


def test_another_process_adding_personas_keeps_the_highlight_on_screen(window, library, library_path):
    select(window, "Björk Ek")
    other = Library.open(str(library_path))
    try:
        other.add(Persona(name="Aa First"))
    finally:
        other.close()
    window.refresh_from_library()
    assert listed(window)[0] == "Aa First"
    assert_agree(window, "Björk Ek")
    trash_acts_on_screen(window, library, "Björk Ek")


def test_another_process_trashing_the_shown_persona_shows_its_neighbour(window, library, library_path):
    select(window, "Björk Ek")
    window.sidebar.view.setFocus()  # looking, not editing
    other = Library.open(str(library_path))
    try:
        other.delete(other.find("Björk Ek").id)
    finally:
        other.close()
    window.refresh_from_library()
    assert_agree(window, "Carl Diaz")
    assert "Björk Ek" in window.statusBar().currentMessage()
    trash_acts_on_screen(window, library, "Carl Diaz")


def test_a_search_keeps_or_drops_the_highlight_never_moves_it(qtbot, window, library):
    select(window, "Carl Diaz")
    qtbot.keyClicks(window.sidebar.search, "b2b")  # Anna and Carl
    assert listed(window) == ["Anna Berg", "Carl Diaz"]
    assert_agree(window, "Carl Diaz")
    window.sidebar.search.clear()
    qtbot.keyClicks(window.sidebar.search, "blog")  # only Dana: Carl stays on screen, unlisted
    assert listed(window) == ["Dana Fox"]
    assert_agree(window, "Carl Diaz", listed=False)
    trash_acts_on_screen(window, library, "Carl Diaz")  # the one on screen, not the listed Dana
    assert trash_names(library) == ["Carl Diaz"]


def test_a_deep_search_that_finds_nothing_more_keeps_the_highlight(qtbot, window, library):
    select(window, "Anna Berg")
    qtbot.keyClicks(window.sidebar.search, "anna")
    window.sidebar.run_deep_search()  # what the pause in typing runs
    assert_agree(window, "Anna Berg")
    trash_acts_on_screen(window, library, "Anna Berg")


def test_type_filter_and_sort_keep_the_highlight(window, library):
    select(window, "Dana Fox")
    combo = window.sidebar.type_combo
    combo.setCurrentIndex(combo.findData("influencer"))
    assert_agree(window, "Dana Fox")
    combo.setCurrentIndex(combo.findData("buyer"))
    assert_agree(window, "Dana Fox", listed=False)
    combo.setCurrentIndex(0)
    sort = window.sidebar.sort_combo
    sort.setCurrentIndex(sort.findData("type"))
    assert_agree(window, "Dana Fox")
    trash_acts_on_screen(window, library, "Dana Fox")


def test_library_switch_shows_one_persona_everywhere(window, library, tmp_path):
    qtbot_lib = tmp_path / "archive.sqlite"
    other = Library.open(str(qtbot_lib))
    other.add_many([Persona(name="Old One"), Persona(name="Old Two")])
    window.set_library(other)
    assert_agree(window, "Old One")
    trash_acts_on_screen(window, other, "Old One")
    window.set_library(Library.open(str(library.location)))
    assert shown(window)["document"] is not None
    assert_agree(window, shown(window)["document"])


def test_new_duplicate_and_trash_show_their_persona_everywhere(qtbot, window, library):
    select(window, "Anna Berg")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert_agree(window, "New persona")
    select(window, "Carl Diaz")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert_agree(window, "Carl Diaz (copy)")
    trash_acts_on_screen(window, library, "Carl Diaz (copy)")
    assert_agree(window, "Dana Fox")  # the row below the trashed copy
    trash_acts_on_screen(window, library, "Dana Fox")
    assert_agree(window, "New persona")  # the last row: the one above


def test_trash_with_several_rows_selected_includes_the_one_on_screen(qtbot, window, library):
    from PySide6.QtCore import QItemSelectionModel

    select(window, "Anna Berg")
    sm = window.sidebar.view.selectionModel()
    sm.select(window.sidebar.model.index(2), QItemSelectionModel.SelectionFlag.Select)  # Carl, with Anna
    window.delete_action.trigger()
    assert trash_names(library) == ["Anna Berg", "Carl Diaz"]
    select(window, "Dana Fox")
    sm.select(window.sidebar.model.index(0), QItemSelectionModel.SelectionFlag.Select)  # Björk, with Dana
    sm.select(window.sidebar.model.index(1), QItemSelectionModel.SelectionFlag.Deselect)  # ... then not Dana
    window.delete_action.trigger()  # Dana is on screen; Björk alone is never trashed behind her back
    assert trash_names(library) == ["Anna Berg", "Carl Diaz", "Dana Fox"]


def test_ctrl_click_adds_a_row_shows_it_and_trash_takes_both(qtbot, window, library):
    select(window, "Anna Berg")
    view = window.sidebar.view
    rect = view.visualRect(window.sidebar.model.index(2))  # Carl
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center())
    s = shown(window)
    assert (s["row"], s["form"], s["canvas"]) == ("Carl Diaz",) * 3
    assert sorted(s["selected"]) == ["Anna Berg", "Carl Diaz"], "the selection made with Ctrl stays"
    window.delete_action.trigger()
    assert trash_names(library) == ["Anna Berg", "Carl Diaz"]
