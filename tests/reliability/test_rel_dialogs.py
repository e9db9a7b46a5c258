"""The conflict dialog and the backups dialog, driven like a user would (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from personadesigner.core.persona import Persona, Trait
from personadesigner.errors import ConflictError
from personadesigner.storage import backup
from personadesigner.storage.library import Library
from personadesigner.ui.backups_dialog import BackupsDialog
from personadesigner.ui.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.gui


def _conflict(tmp_path):
    """A real conflict: two windows load the same persona, both edit, the second save fails."""
    path = str(tmp_path / "lib.sqlite")
    with Library.open(path) as a, Library.open(path) as b:
        stored = a.add(
            Persona(name="Anna Berg", role="Marketer", quote="Hi", goals=["grow"], traits=[Trait("Calm", "Loud", 20)])
        )
        mine, theirs = a.get(stored.id), b.get(stored.id)
        theirs.role = "Head of Marketing"
        theirs.goals = ["grow", "hire"]
        b.update(theirs)
        mine.quote = "<b>Bold</b> & proud"
        mine.role = "CMO"
        with pytest.raises(ConflictError) as err:
            a.update(mine)
    return path, mine, err.value.theirs


def test_conflict_dialog_lists_only_differing_fields_as_plain_text(qtbot, tmp_path):
    _path, mine, theirs = _conflict(tmp_path)
    dialog = ConflictDialog(mine, theirs)
    qtbot.addWidget(dialog)
    assert dialog.fields == ["role", "quote", "goals"]
    labels = [w for w in dialog.findChildren(QLabel) if "<b>Bold</b>" in w.text()]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


def test_merge_takes_each_chosen_field_and_saves_without_a_second_conflict(qtbot, tmp_path):
    path, mine, theirs = _conflict(tmp_path)
    dialog = ConflictDialog(mine, theirs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.radio("role", "theirs").click()  # as a user click (the radio may be scrolled away)
    dialog.radio("goals", "theirs").click()
    assert dialog.choice("quote") == "mine"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.decision == "merge" and dialog.result() == dialog.DialogCode.Accepted
    merged = dialog.result_persona()
    assert (merged.role, merged.quote, merged.goals) == ("Head of Marketing", "<b>Bold</b> & proud", ["grow", "hire"])
    with Library.open(path) as lib:
        saved = lib.update(merged)
        assert saved.version == theirs.version + 1 and lib.get(saved.id).quote == "<b>Bold</b> & proud"


def test_keep_mine_and_take_theirs_settle_every_field(qtbot, tmp_path):
    _path, mine, theirs = _conflict(tmp_path)
    keep = ConflictDialog(mine, theirs)
    qtbot.addWidget(keep)
    keep.set_choice("role", "theirs")  # ignored: "Keep mine" wins for every field
    qtbot.mouseClick(keep.keep_mine_button, Qt.MouseButton.LeftButton)
    kept = keep.result_persona()
    assert (kept.role, kept.quote, kept.goals, kept.version) == ("CMO", mine.quote, ["grow"], theirs.version)
    take = ConflictDialog(mine, theirs)
    qtbot.addWidget(take)
    qtbot.mouseClick(take.take_theirs_button, Qt.MouseButton.LeftButton)
    taken = take.result_persona()
    assert (taken.role, taken.quote, taken.goals) == (theirs.role, theirs.quote, theirs.goals)


def test_backups_dialog_backs_up_and_restores_the_selected_backup(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Before"))
    dialog = BackupsDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled()
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="After"))

    def replace(box: QMessageBox) -> int:  # the user confirms with the button that says what it does
        (button,) = [b for b in box.buttons() if b.text() == "Replace the library with this backup"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", replace)
    with qtbot.waitSignal(dialog.restored, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    with Library.open(str(path)) as lib:
        assert [s.name for s in lib.list()] == ["Before"]
    labels = {b.label for b in backup.list_backups(path)}
    assert labels == {"manual", "before-restore"} and dialog.table.rowCount() == 2
