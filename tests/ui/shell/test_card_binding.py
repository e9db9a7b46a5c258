"""CardBinding on its own (no MainWindow): the card mirrors the Document, and edits on it are saved.

A real Document on a real SQLite library, the real canvas, design bar, form
and sidebar; the library is read back through a second ``Library`` as another
process would see it.
"""

from __future__ import annotations

import pytest

from personadesigner.storage.library import Library
from personadesigner.ui.card_binding import CardBinding
from personadesigner.ui.current_persona import CurrentPersona
from personadesigner.ui.document import Document


@pytest.fixture
def bound(qtbot, library):
    from personadesigner.ui.canvas import CardCanvas
    from personadesigner.ui.design_bar import DesignBar
    from personadesigner.ui.library_sidebar import LibrarySidebar
    from personadesigner.ui.persona_form import PersonaForm

    document = Document(library)
    sidebar = LibrarySidebar(library)
    form = PersonaForm(document)
    canvas = CardCanvas()
    bar = DesignBar()
    bar.attach(canvas)
    for widget in (sidebar, form, canvas, bar):
        qtbot.addWidget(widget)
    current = CurrentPersona(document, sidebar)
    binding = CardBinding(document, bar, canvas, form, sidebar.model, lambda: library)
    current.show(library.find("Anna Berg").id)
    return binding


def stored(library_path, name: str):
    with Library.open(str(library_path)) as other:
        return other.find(name)


def test_the_card_shows_the_persona_and_its_design(bound):
    persona = bound.document.persona
    assert bound.canvas.persona() is persona
    assert bound.design_bar.design() == (persona.card.template, persona.card.theme)


def test_text_edited_on_the_card_is_saved_listed_and_undoable(bound, library_path):
    bound.canvas.fieldEdited.emit("role", None, "Growth lead")
    assert stored(library_path, "Anna Berg").role == "Growth lead"
    anna = bound.sidebar_model.summary_for(bound.document.persona.id)
    assert anna.role == "Growth lead"  # the list row follows the save
    bound.document.undo_stack.undo()
    assert stored(library_path, "Anna Berg").role == "Marketer at a startup"


def test_a_goal_edited_on_the_card_changes_that_goal_only(bound, library_path):
    bound.canvas.fieldEdited.emit("goals", 1, "Prove it to the board")
    assert stored(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove it to the board"]
    bound.canvas.fieldEdited.emit("goals", 7, "No such row")  # a stale card item changes nothing
    assert stored(library_path, "Anna Berg").goals == ["Ship campaigns faster", "Prove it to the board"]


def test_a_theme_picked_on_the_design_bar_is_the_persona_s_and_saved(bound, library_path):
    combo = bound.design_bar.theme_combo
    before = bound.document.persona.card.theme
    other = next(combo.itemData(i) for i in range(combo.count()) if combo.itemData(i) != before)
    combo.setCurrentIndex(combo.findData(other))
    combo.activated.emit(combo.currentIndex())  # what a pick in the drop-down sends
    assert bound.document.persona.card.theme == other
    assert stored(library_path, "Anna Berg").card.theme == other
    assert bound.canvas.design()[1] == other
