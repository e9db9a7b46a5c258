"""A save that meets someone else's newer version becomes a state, never a question inside push.

Real SQLite library, no main window: a second Library on the same file saves
first; the Document keeps the edits (unsaved), pauses saving and reports the
conflict; ``resolve`` settles it (keep mine, take theirs, a merge).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from personadesigner.ui.conflict_dialog import ConflictDialog
from personadesigner.ui.document import DISCARD_MINE, KEEP_MINE, TAKE_THEIRS
from personadesigner.ui.undo_commands import SetFieldCommand


def _save_elsewhere(other, name: str = "Anna Berg", **fields) -> int:
    persona = other.find(name)
    for key, value in fields.items():
        setattr(persona, key, value)
    return other.update(persona).version


def _edit(doc, field: str, value) -> None:
    doc.end_burst()
    doc.push(SetFieldCommand(doc, field, getattr(doc.persona, field), value))


def _no_dialog_shown() -> bool:
    return QApplication.activeModalWidget() is None and not any(
        isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_a_conflicting_save_keeps_my_edits_pauses_saving_and_asks_nothing(document, other, stored):
    doc = document
    their_version = _save_elsewhere(other, company="Theirs Inc")
    reported: list[object] = []
    doc.conflictChanged.connect(reported.append)
    modal_inside_push: list[object] = []
    doc.undo_stack.indexChanged.connect(lambda _i: modal_inside_push.append(QApplication.activeModalWidget()))

    _edit(doc, "role", "Head of marketing")

    assert modal_inside_push == [None] and _no_dialog_shown()
    conflict = doc.conflict
    assert reported == [conflict] and conflict is not None and not conflict.deleted
    assert conflict.theirs.company == "Theirs Inc"
    assert doc.persona.role == "Head of marketing" and doc.unsaved  # nothing lost
    assert (stored().role, stored().version) == ("Marketer at a startup", their_version)  # nothing overwritten
    _edit(doc, "location", "Oslo")  # saving stays paused: no second conflict, no write
    assert doc.persona.location == "Oslo" and stored().version == their_version
    assert reported == [conflict]


def test_keep_mine_saves_my_version_over_theirs_and_saving_resumes(document, other, stored):
    doc = document
    their_version = _save_elsewhere(other, company="Theirs Inc")
    _edit(doc, "role", "Head of marketing")
    doc.resolve(KEEP_MINE)
    assert doc.conflict is None and not doc.unsaved
    assert (stored().role, stored().company) == ("Head of marketing", "Acme")
    assert stored().version == doc.persona.version > their_version
    _edit(doc, "role", "CMO")
    assert stored().role == "CMO"
    doc.history.undo()  # my history is still mine
    assert stored().role == "Head of marketing"


def test_take_theirs_shows_their_version_and_drops_my_history(document, other, stored):
    doc = document
    _save_elsewhere(other, company="Theirs Inc")
    _edit(doc, "role", "Head of marketing")
    shown: list[object] = []
    doc.personaChanged.connect(shown.append)
    doc.resolve(TAKE_THEIRS)
    assert (doc.persona.role, doc.persona.company) == ("Marketer at a startup", "Theirs Inc")
    assert shown[-1] is doc.persona
    assert doc.conflict is None and not doc.unsaved
    assert not doc.undo_stack.canUndo()  # its steps were about a version that no longer exists
    _edit(doc, "role", "CMO")
    assert (stored().role, stored().company) == ("CMO", "Theirs Inc")


def test_a_merge_from_the_conflict_dialog_saves_the_fields_chosen(document, other, stored, qtbot):
    doc = document
    _save_elsewhere(other, company="Theirs Inc", role="Their role")
    _edit(doc, "role", "Head of marketing")
    _edit(doc, "location", "Oslo")
    conflict = doc.conflict
    dialog = ConflictDialog(conflict.mine.copy(), conflict.theirs)
    qtbot.addWidget(dialog)
    assert set(dialog.fields) == {"role", "company", "location"}
    dialog.set_choice("role", "theirs")
    dialog.set_choice("company", "theirs")
    dialog.set_choice("location", "mine")
    dialog.merge_button.click()
    doc.resolve(dialog.result_persona())
    assert (stored().role, stored().company, stored().location) == ("Their role", "Theirs Inc", "Oslo")
    assert doc.persona.version == stored().version and doc.conflict is None


def test_when_they_save_again_before_i_resolve_the_conflict_stays_with_their_newest(document, other, stored):
    doc = document
    _save_elsewhere(other, company="Theirs Inc")
    _edit(doc, "role", "Head of marketing")
    newest = _save_elsewhere(other, company="Theirs again")
    doc.resolve(KEEP_MINE)
    assert doc.conflict is not None and doc.conflict.theirs.version == newest
    assert doc.persona.role == "Head of marketing"
    assert stored().company == "Theirs again"
    doc.resolve(KEEP_MINE)
    assert (stored().role, stored().company) == ("Head of marketing", "Acme")


def test_showing_another_persona_and_coming_back_keeps_the_unsaved_edits(document, other, stored):
    doc = document
    anna = doc.persona.id
    _save_elsewhere(other, company="Theirs Inc")
    _edit(doc, "role", "Head of marketing")
    doc.load(stored("Carl Diaz").id)
    assert doc.conflict is None and not doc.unsaved
    doc.load(anna)
    assert doc.persona.role == "Head of marketing" and doc.conflict is not None
    doc.resolve(KEEP_MINE)
    assert stored().role == "Head of marketing"


def test_deleted_elsewhere_keep_mine_adds_it_back(document, other, stored):
    doc = document
    anna = doc.persona.id
    other.purge(anna)
    _edit(doc, "role", "Head of marketing")
    assert doc.conflict is not None and doc.conflict.deleted
    doc.resolve(KEEP_MINE)
    assert (stored().id, stored().role) == (anna, "Head of marketing")
    assert doc.conflict is None


def test_deleted_elsewhere_discard_my_changes_closes_it(document, other, stored):
    doc = document
    other.purge(doc.persona.id)
    _edit(doc, "role", "Head of marketing")
    doc.resolve(DISCARD_MINE)
    assert doc.persona is None and doc.conflict is None
    assert [s.name for s in other.list()] == ["Carl Diaz"]
