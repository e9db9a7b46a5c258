"""Persona › History… (Ctrl+H) in the window: the panel shows the shown persona's saves, named by the preference."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def test_ctrl_h_opens_the_history_of_the_persona_on_screen(qtbot, window, settings):
    from personadesigner.ui.settings import HISTORY_AUTHOR
    from personadesigner.ui.undo_commands import SetFieldCommand

    persona_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Persona")
    assert window.history_action in persona_menu.actions()
    settings.set(HISTORY_AUTHOR, "Marta")
    window.document.load(window.document.persona.id)  # the library takes the preference when a persona is shown
    doc = window.document
    doc.push(SetFieldCommand(doc, "role", doc.persona.role, "Field researcher"))
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    panel = window.history_panel
    assert panel.isVisible()
    assert panel.list.item(0).text().splitlines() == [panel.list.item(0).text().splitlines()[0], "Role"]
    assert "Marta" in panel.list.item(0).text()
    assert panel.diff.item(0, 2).text() == "Field researcher"
