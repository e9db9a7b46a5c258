"""The conflict banner on the form, driven without a main window (Document + PersonaForm).

It follows the persona on screen: shown over the persona whose saving is
paused, gone for another persona, back with the unsaved edits on return.
"""

from __future__ import annotations

import pytest

from personadesigner.ui.conflict_controller import ConflictController
from personadesigner.ui.persona_form import PersonaForm


@pytest.fixture
def form(qtbot, document):
    widget = PersonaForm(document)
    qtbot.addWidget(widget)
    widget.resize(460, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(qtbot, form, field: str, text: str) -> None:
    editor = form.editors[field]
    editor.setFocus()
    editor.end(False)
    qtbot.keyClicks(editor, text)


def test_the_banner_follows_the_persona_whose_saving_is_paused(qtbot, document, form, other, stored):
    conflicts = ConflictController(document, form)
    anna = document.persona.id
    theirs = other.find("Anna Berg")
    theirs.company = "Theirs Inc"
    other.update(theirs)
    _type(qtbot, form, "location", "Oslo")
    assert conflicts.banner.isVisible() and form.viewportMargins().top() >= conflicts.banner.height()
    document.load(stored("Carl Diaz").id)
    assert not conflicts.banner.isVisible() and form.viewportMargins().top() == 0
    document.load(anna)
    assert conflicts.banner.isVisible()
    assert form.editors["location"].text() == "Oslo"  # the unsaved edit came back with it
    dialog = conflicts.open_dialog()
    assert dialog.isVisible() and dialog.isModal()  # window-modal, opened without a nested loop
    dialog.merge_button.click()  # every field "keep mine" by default
    assert (stored().location, stored().company) == ("Oslo", "Acme")
    assert not conflicts.banner.isVisible()


def test_deleted_elsewhere_add_mine_back(qtbot, document, form, other, stored):
    conflicts = ConflictController(document, form)
    anna = document.persona.id
    other.purge(anna)
    _type(qtbot, form, "location", "Oslo")
    banner = conflicts.banner
    assert banner.keep_button.isVisible() and banner.keep_button.text() == "Add mine back"
    banner.keep_button.click()
    assert (stored().id, stored().location) == (anna, "Oslo")
    assert not banner.isVisible()
