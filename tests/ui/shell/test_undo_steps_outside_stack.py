"""Library steps (new, trash) change what is on screen only after the undo stack's call returned.

Inside ``QUndoStack.undo`` the stack still reports the step as done (its index
is the old one); a persona switch, a list reload or a message seen there would
run inside the undo stack, where Qt cannot take a nested event loop or an error.
"""

from __future__ import annotations

from test_shell_editing import select


def test_undoing_a_new_persona_shows_the_previous_one_after_the_undo_returned(qtbot, window):
    select(window, "Anna Berg")
    window.new_persona()
    stack = window.document.history.library_stack
    assert stack.index() == 1
    seen: list[int] = []
    window.document.currentChanged.connect(lambda _p: seen.append(stack.index()))
    window.undo_action.trigger()
    assert window.document.persona.name == "Anna Berg"
    assert seen == [0], "the switch ran inside QUndoStack.undo" if seen else "nothing was shown"
    seen.clear()
    window.redo_action.trigger()  # the new persona comes back, shown after the redo returned
    assert window.document.persona.name == "New persona"
    assert seen == [1]


def test_undoing_a_move_to_trash_brings_it_back_after_the_undo_returned(qtbot, window):
    select(window, "Carl Diaz")
    window.delete_personas()
    stack = window.document.history.library_stack
    seen: list[int] = []
    window.document.currentChanged.connect(lambda _p: seen.append(stack.index()))
    window.undo_action.trigger()
    assert window.document.persona.name == "Carl Diaz"
    assert seen == [0]
