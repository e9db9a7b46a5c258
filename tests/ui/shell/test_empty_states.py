"""First steps: an empty library says what to do; a search without a match says so; Esc clears;
the trash dialog never deletes on Enter and names what it deletes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_selection_truth import assert_agree, listed
from test_shell_editing import select

from personadesigner.storage.library import Library


def empty_window(make_window, tmp_path):
    return make_window(Library.open(str(tmp_path / "empty.sqlite")))


def test_an_empty_library_shows_what_to_do_and_new_persona_works(qtbot, make_window, tmp_path):
    window = empty_window(make_window, tmp_path)
    panel = window.empty_panel
    assert panel.isVisible()
    assert window.sidebar.no_match_label.text() == "No personas yet."
    assert not window.sidebar.clear_button.isVisible()
    assert panel.geometry().contains(window.canvas.rect().center()), "it lies over the card area"
    texts = [b.text().replace("&", "") for b in (panel.new_button, panel.import_button, panel.samples_button)]
    assert texts == ["New persona", "Import CSV/JSON\u2026", "Add the sample personas"]
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert window.library.count() == 1
    assert_agree(window, "New persona")
    assert not panel.isVisible()
    window.delete_action.trigger()  # empty again: the panel comes back
    assert panel.isVisible()
    assert window.document.persona is None


def test_the_empty_library_imports_csv(qtbot, make_window, tmp_path, monkeypatch):
    window = empty_window(make_window, tmp_path)
    data = tmp_path / "survey.csv"
    data.write_text("name,role\nMia Holm,Teacher\nOla Nord,Farmer\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(data)], "")))
    qtbot.mouseClick(window.empty_panel.import_button, Qt.MouseButton.LeftButton)
    assert listed(window) == ["Mia Holm", "Ola Nord"]
    assert_agree(window, "Mia Holm")  # the first one is shown at once
    assert not window.empty_panel.isVisible()


def test_the_empty_library_adds_the_samples(qtbot, make_window, tmp_path):
    from personadesigner.samples import sample_personas

    window = empty_window(make_window, tmp_path)
    qtbot.mouseClick(window.empty_panel.samples_button, Qt.MouseButton.LeftButton)
    expected = sorted(p.name for p in sample_personas())
    assert sorted(listed(window)) == expected
    assert_agree(window, listed(window)[0])
    assert not window.empty_panel.isVisible()


def test_a_library_with_personas_shows_no_empty_panel(window):
    assert not window.empty_panel.isVisible()


def test_a_search_without_a_match_says_so_and_clears(qtbot, window):
    select(window, "Anna Berg")
    qtbot.keyClicks(window.sidebar.search, "zebra")
    sidebar = window.sidebar
    assert sidebar.no_match.isVisible() and not sidebar.view.isVisible()
    assert sidebar.no_match_label.text() == "No persona matches \u201czebra\u201d."
    qtbot.mouseClick(sidebar.clear_button, Qt.MouseButton.LeftButton)
    assert sidebar.search.text() == "" and len(listed(window)) == 4
    assert sidebar.view.isVisible() and not sidebar.no_match.isVisible()
    assert_agree(window, "Anna Berg")


def test_filters_without_a_match_say_so(qtbot, window):
    sidebar = window.sidebar
    sidebar.type_combo.setCurrentIndex(sidebar.type_combo.findData("decision_maker"))
    assert sidebar.no_match.isVisible()
    assert sidebar.no_match_label.text() == "No persona matches these filters."
    sidebar.clear_filters()
    assert sidebar.type_combo.currentIndex() == 0 and len(listed(window)) == 4


def test_esc_in_the_search_field_clears_search_and_filters(qtbot, window):
    select(window, "Dana Fox")
    sidebar = window.sidebar
    sidebar.tag_combo.setCurrentIndex(sidebar.tag_combo.findData("b2c"))
    sidebar.search.setFocus()
    qtbot.keyClicks(sidebar.search, "dana")
    assert listed(window) == ["Dana Fox"]
    qtbot.keyClick(sidebar.search, Qt.Key.Key_Escape)
    assert sidebar.search.text() == "" and sidebar.tag_combo.currentIndex() == 0
    assert len(listed(window)) == 4
    assert_agree(window, "Dana Fox")


def test_esc_in_the_list_clears_the_search(qtbot, window):
    sidebar = window.sidebar
    qtbot.keyClicks(sidebar.search, "b2b")
    sidebar.view.setFocus()
    qtbot.keyClick(sidebar.view, Qt.Key.Key_Escape)
    assert sidebar.search.text() == "" and len(listed(window)) == 4


def test_the_sidebar_public_api(window):
    sidebar = window.sidebar
    anna = window.library.find("Anna Berg").id
    assert sidebar.select(anna)
    assert sidebar.current_id() == anna == window.current.id()
    assert not sidebar.select("no-such-id")


# ---------------------------------------------------------------------------- the trash dialog
def trashed_dialog(window, library, names):
    from personadesigner.ui.trash_dialog import TrashDialog

    for name in names:
        library.delete(library.find(name).id)
    dialog = TrashDialog(library, window)
    return dialog


def always_confirm(monkeypatch) -> list[str]:
    """Every confirmation is answered "yes, delete": so only the dialog's own buttons protect."""
    asked: list[str] = []

    def exec_(box):
        asked.append(box.text())
        for b in box.buttons():
            if box.buttonRole(b) in (QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.YesRole):
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.Yes)[1])
    )
    return asked


def test_enter_in_the_trash_dialog_deletes_nothing(qtbot, window, library, monkeypatch):
    dialog = trashed_dialog(window, library, ["Anna Berg"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.list.setFocus()
    dialog.list.setCurrentRow(0)
    assert dialog.list.selectedItems()
    asked = always_confirm(monkeypatch)
    for button in (dialog.purge_button, dialog.restore_button):  # also after the buttons had the focus
        button.setFocus()
        dialog.list.setFocus()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Enter)
    assert library.count(include_deleted=True) == 4
    assert asked == [], "Enter never even asks to delete"
    assert not dialog.purge_button.isDefault() and not dialog.purge_button.autoDefault()


def test_delete_forever_says_how_many_and_asks_with_cancel_as_default(qtbot, window, library, monkeypatch):
    dialog = trashed_dialog(window, library, ["Anna Berg", "Carl Diaz", "Dana Fox"])
    qtbot.addWidget(dialog)
    assert dialog.purge_button.text() == "Delete 1 persona forever\u2026"
    dialog.select_all()
    assert dialog.purge_button.text() == "Delete 3 personas forever\u2026"
    seen = {}

    def answer(box):
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["default"] = box.defaultButton().text()
        return 0  # closed: nothing deleted

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog.purge_selected()
    assert seen == {
        "text": "Delete 3 personas forever? This cannot be undone.",
        "buttons": ["Cancel", "Delete 3 personas forever"],
        "default": "Cancel",
    }
    assert library.count(include_deleted=True) == 4

    def confirm(box):
        next(b for b in box.buttons() if b.text() == "Delete 3 personas forever").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", confirm)
    dialog.purge_selected()
    assert library.count(include_deleted=True) == 1
    assert dialog.list.count() == 0
