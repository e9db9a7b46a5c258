"""The related-persona picker follows renames without being rebuilt on every keystroke."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_shell_editing import select

from personadesigner.storage.library import Library


def _picker_names(window) -> list[str]:
    model = window.form.editors["related"].personas
    return [model.item(row).text() for row in range(model.rowCount())]


def test_typing_a_name_does_not_rebuild_the_picker_and_others_see_the_new_name(qtbot, window):
    select(window, "Carl Diaz")
    related = window.form.editors["related"]
    rebuilds: list[int] = []
    related.personas.modelReset.connect(lambda: rebuilds.append(1))
    name = window.form.editors["name"]
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " Jr")
    assert window.document.persona.name == "Carl Diaz Jr"
    assert rebuilds == [], "typing in the Name field rebuilt the related-persona list"

    select(window, "Anna Berg")  # another persona: its picker lists the new name
    assert "Carl Diaz Jr" in _picker_names(window)
    assert "Carl Diaz" not in _picker_names(window)
    assert "Anna Berg" not in _picker_names(window)  # never linked to itself


def test_a_stale_picker_is_brought_up_to_date_when_it_opens(qtbot, window, library_path):
    select(window, "Anna Berg")
    qtbot.mouseClick(window.form.editors["related"].add_button, Qt.MouseButton.LeftButton)
    with Library.open(str(library_path)) as other:  # renamed in another window
        dana = other.find("Dana Fox")
        dana.name = "Dana Fox-Lee"
        other.update(dana)
    window.sidebar.reload()
    window.form.mark_candidates_stale()
    assert "Dana Fox-Lee" not in _picker_names(window)  # stale until it is used

    picker = window.form.editors["related"]._rows[0][1]
    picker.showPopup()
    try:
        assert "Dana Fox-Lee" in _picker_names(window)
    finally:
        picker.hidePopup()
