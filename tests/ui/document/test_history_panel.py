"""Persona › History…: the revisions as a diff; restoring a field or a version is one undoable, saved step (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest

from personadesigner.core.persona import Trait
from personadesigner.ui.undo_commands import SetFieldCommand

pytestmark = pytest.mark.gui


class Clock:
    def __init__(self) -> None:
        self.moment = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.moment


def _edit(document, clock, field, value, minutes=2):
    clock.moment += dt.timedelta(minutes=minutes)
    document.end_burst()
    document.push(SetFieldCommand(document, field, getattr(document.persona, field), value))


@pytest.fixture
def edited(document):
    clock = Clock()
    document.library.now = clock
    _edit(document, clock, "role", "Head of marketing")
    _edit(document, clock, "traits", [Trait(left="Calm", right="Driven", value=70)])
    _edit(document, clock, "role", "CMO")
    return document


def _panel(qtbot, document):
    from personadesigner.ui.history_panel import HistoryPanel

    panel = HistoryPanel(document)
    qtbot.addWidget(panel)
    panel.show()  # a hidden panel reads nothing on each save; the one the user looks at follows
    return panel


def test_a_hidden_panel_does_not_read_the_history_on_every_save(qtbot, edited, monkeypatch):
    from personadesigner.ui.history_panel import HistoryPanel

    panel = HistoryPanel(edited)
    qtbot.addWidget(panel)
    reads = []
    monkeypatch.setattr(panel, "refresh", lambda: reads.append(1))
    _edit(edited, edited.library.now, "role", "Head of growth")
    assert reads == []


def test_panel_shows_each_revision_as_old_to_new(qtbot, edited):
    panel = _panel(qtbot, edited)
    assert panel.list.count() == 4  # three saves and "created"
    assert "Role" in panel.list.item(0).text() and "Created" in panel.list.item(3).text()
    panel.list.setCurrentRow(0)
    assert [panel.diff.item(0, c).text() for c in range(3)] == ["Role", "Head of marketing", "CMO"]


def test_restore_a_field_is_saved_and_undoable(qtbot, edited, stored):
    panel = _panel(qtbot, edited)
    panel.list.setCurrentRow(2)  # role: Marketer at a startup -> Head of marketing
    edited.library.now.moment += dt.timedelta(minutes=5)
    panel.restore_field_button.click()
    assert edited.persona.role == "Marketer at a startup" == stored().role
    assert panel.list.count() == 5  # the restore is a revision of its own
    edited.undo_stack.undo()
    assert edited.persona.role == "CMO" == stored().role


def test_restore_a_whole_version_is_one_undoable_step(qtbot, edited, stored):
    panel = _panel(qtbot, edited)
    panel.list.setCurrentRow(3)  # right after "created": no traits, the first role
    panel.restore_version_button.click()
    assert (stored().role, stored().traits) == ("Marketer at a startup", [])
    edited.undo_stack.undo()
    after = stored()
    assert after.role == "CMO" and after.traits == [Trait(left="Calm", right="Driven", value=70)]
    edited.undo_stack.redo()
    assert stored().traits == []


def test_the_author_preference_names_the_next_revisions(qtbot, edited, tmp_path, stored):
    from personadesigner.ui.history_panel import HistoryPanel
    from personadesigner.ui.settings import Settings

    panel = HistoryPanel(edited, Settings.from_file(tmp_path / "settings.ini"))
    qtbot.addWidget(panel)
    panel.author_edit.setText("Marta (research)")
    panel.author_edit.editingFinished.emit()
    _edit(edited, edited.library.now, "role", "VP marketing")
    assert edited.library.history(edited.persona.id)[0].author == "Marta (research)"
