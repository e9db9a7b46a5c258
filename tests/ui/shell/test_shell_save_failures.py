"""A save that keeps failing while typing: the edit stays, the user is told once, resolving catches up.

Two Library objects on one file stand for two people; the other one keeps
saving while this window decides, so "keep mine" meets a second conflict
(a real ConflictError from the library, no stand-in for storage).
"""

from __future__ import annotations

from test_shell_editing import select

from personadesigner.storage.library import Library
from support.shell import reread


def test_a_save_that_keeps_failing_keeps_the_edit_and_tells_once(qtbot, window, library_path):
    select(window, "Carl Diaz")
    other = Library.open(str(library_path))
    try:

        def save_elsewhere() -> None:
            theirs = other.find("Carl Diaz")
            theirs.tags = theirs.tags + ["x"]
            other.update(theirs)

        save_elsewhere()
        told: list[object] = []
        window.document.conflictChanged.connect(told.append)

        role = window.form.editors["role"]
        role.setFocus()
        role.end(False)
        qtbot.keyClicks(role, " EU")  # three edits, one conflict: no exception may leave the undo command

        assert role.text() == "Head of purchasing EU"
        assert window.document.persona.role == "Head of purchasing EU"
        assert window.document.unsaved, "the edit is kept as unsaved, so nothing drops it"
        assert len(told) == 1 and window.conflicts.banner.isVisible()
        assert reread(library_path, "Carl Diaz").role == "Head of purchasing"

        save_elsewhere()  # they save again while this window decides
        dialog = window.conflicts.open_dialog()
        dialog.keep_mine_button.click()
        assert window.document.conflict is not None, "keep mine met their newer save: still a conflict"
        assert window.conflicts.banner.isVisible()
        assert reread(library_path, "Carl Diaz").role == "Head of purchasing"

        window.refresh_from_library()  # the 2 s tick sees their save but keeps my edit
        assert window.document.persona.role == "Head of purchasing EU"

        window.conflicts.open_dialog().keep_mine_button.click()
        assert reread(library_path, "Carl Diaz").role == "Head of purchasing EU"
        assert not window.document.unsaved and not window.conflicts.banner.isVisible()
        qtbot.keyClicks(role, "!")
        assert reread(library_path, "Carl Diaz").role == "Head of purchasing EU!"
    finally:
        other.close()
