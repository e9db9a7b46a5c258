"""A copy of a built-in saved from the designer is titled by its name outside the undo steps:
undoing the last edit and redoing it brings back the saved draft, which is then not unsaved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from personadesigner.core.templates import use_templates
from personadesigner.ui.template_designer import TemplateDesigner


@pytest.fixture(autouse=True)
def _no_leftover_templates():
    use_templates([])
    yield
    use_templates([])


def test_undo_then_redo_of_a_saved_copy_is_not_unsaved(canvas, persona, library, qtbot):
    canvas.set_persona(persona)
    designer = TemplateDesigner(canvas, library=library, parent=canvas)
    assert designer.start("card")
    offered = []
    designer.ask_name = lambda default: offered.append(default) or "Acme card"
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Down)  # a section picked with the keyboard
    QTest.keyClick(canvas, Qt.Key.Key_Delete)  # and hidden: one undo step
    assert designer.unsaved
    assert designer.save() == "Acme card" and offered == ["card copy"]
    assert not designer.unsaved
    designer.stack.undo()
    assert designer.unsaved
    designer.stack.redo()
    assert not designer.unsaved  # the draft is the saved one again
    assert designer.save() == "Acme card"
    assert library.template_data("Acme card")["title"] == "Acme card"  # a save after the redo keeps the title
