"""A save that fails while typing: the edit stays, the user is told once, the next save catches up.

Two Library objects on one file stand for two people; the other one keeps
saving while this window decides, so "keep mine" meets a second conflict
(a real UserError from the library, no stand-in for storage).
"""

from __future__ import annotations

from support.shell import reread
from personadesigner.storage.library import Library
from test_shell_editing import select


def test_a_save_that_keeps_failing_keeps_the_edit_and_tells_once(qtbot, window, library_path):
    select(window, "Carl Diaz")
    other = Library.open(str(library_path))
    try:
        elsewhere = {"busy": True}

        def save_elsewhere() -> None:
            theirs = other.find("Carl Diaz")
            theirs.tags = theirs.tags + ["x"]
            other.update(theirs)

        def keep_mine_while_they_save_again(mine, theirs):
            if elsewhere["busy"]:
                save_elsewhere()
            return "mine"

        window.document.conflict_resolver = keep_mine_while_they_save_again
        save_elsewhere()
        told: list[str] = []
        window.document.invalid.connect(lambda text, _field: told.append(text))

        role = window.form.editors["role"]
        role.setFocus()
        role.end(False)
        qtbot.keyClicks(role, " EU")  # three failed saves: no exception may leave the undo command

        assert role.text() == "Head of purchasing EU"
        assert window.document.persona.role == "Head of purchasing EU"
        assert window.document.unsaved, "the edit is kept as unsaved, so nothing drops it"
        assert len(told) == 1 and "not saved" in told[0], told
        assert "not saved" in window.statusBar().currentMessage()
        assert reread(library_path, "Carl Diaz").role == "Head of purchasing"

        window.refresh_from_library()  # the 2 s tick sees their save but keeps my edit
        assert window.document.persona.role == "Head of purchasing EU"

        elsewhere["busy"] = False
        qtbot.keyClicks(role, "!")
        assert reread(library_path, "Carl Diaz").role == "Head of purchasing EU!"
        assert not window.document.unsaved
    finally:
        other.close()
