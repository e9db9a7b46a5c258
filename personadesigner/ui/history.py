"""Undo and redo across the persona on screen and the library.

Edits are kept per persona (the Document keeps one QUndoStack each, so Ctrl+Z
never undoes an edit of a persona the user does not see). Creating,
duplicating and moving personas to the trash change the library, not one
persona: they go on one more stack, the library's. Ctrl+Z undoes whichever is
the more recent step: the last edit of the persona on screen or the last
library step; Ctrl+Shift+Z redoes the step undone last. So Ctrl+N, typing a
name, Ctrl+Z, Ctrl+Z first takes the name back, then the new persona.

One more kind of step has a stack of its own here (``side_stack``): the
template designer's. Its steps only change the draft on the card, so they are
dropped (``drop_steps``) when the user leaves design mode: no Ctrl+Z ever
spends itself on a step that changes nothing on screen.

Each stack's steps carry when they were done and undone (a counter, not a clock).

``stepDone`` is emitted once a step was taken, undone or redone and the stack's
own push/undo/redo has returned: the Document saves then, so no save (and no
question about a save) ever runs inside ``QUndoStack.push``. A stack driven
directly (a QUndoGroup action, a test calling ``stack.undo()``) reports its step
on ``indexChanged``, which Qt emits after the command ran.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack


class History(QObject):
    """The undo/redo router of one window: the active persona's stack and the library stack."""

    #: What Undo and Redo would do changed (enable and name the actions).
    changed = Signal()
    #: A step was taken, undone or redone on this stack (the stack call has returned).
    stepDone = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Owned here, so the stacks go before this router does (their last signals
        # cannot reach a half-deleted router or group).
        self.group = QUndoGroup(self)
        self.library_stack = QUndoStack(self)
        self._clock = itertools.count(1)
        # stack -> {command index: when it was done} / {command index: when it was undone}
        self._done: dict[QUndoStack, dict[int, int]] = {}
        self._undone: dict[QUndoStack, dict[int, int]] = {}
        self._busy = 0  # > 0 while a stack call made here runs: stepDone follows it
        self._after: list = []  # what a step asked to do once the stack call has returned
        self._side: list[QUndoStack] = []  # more stacks Ctrl+Z considers (the template designer's)
        self.group.activeStackChanged.connect(self.changed)  # signal to signal: gone with self
        self.track(self.library_stack)

    # ------------------------------------------------------------ stacks
    def track(self, stack: QUndoStack) -> None:
        """Follow a stack's steps (the Document calls this for each persona's stack)."""
        self._done.setdefault(stack, {})
        self._undone.setdefault(stack, {})
        # A bound slot (not a lambda): Qt drops it with this router, so a stack that
        # outlives it while the window is torn down cannot call into a deleted object.
        stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        if self._busy:
            return  # push/undo/redo emit changed and stepDone themselves once the call returned
        self.changed.emit()
        stack = self.sender()
        if isinstance(stack, QUndoStack):
            self.stepDone.emit(stack)

    def _run(self, call) -> None:
        """``call()`` a stack method; its ``indexChanged`` does not report the step
        (the caller emits ``stepDone`` once its own bookkeeping is done). What the
        step asked for with ``after_step`` runs once the call has returned."""
        self._busy += 1
        try:
            call()
        finally:
            self._busy -= 1
        after, self._after = self._after, []
        for follow_up in after:
            follow_up()

    def after_step(self, follow_up) -> None:
        """Run ``follow_up()`` once the running push/undo/redo has returned (at once
        when none runs): a library step re-reads the list, shows a persona or tells
        the user there, never inside the undo stack's call."""
        if self._busy:
            self._after.append(follow_up)
        else:
            follow_up()

    def untrack(self, stack: QUndoStack) -> None:
        self._done.pop(stack, None)
        self._undone.pop(stack, None)

    def push(self, stack: QUndoStack, command) -> None:
        """Push onto ``stack`` and note the step as the newest (a merged edit is new again)."""
        self._run(lambda: stack.push(command))
        if stack.index() > 0:
            self._done.setdefault(stack, {})[stack.index() - 1] = next(self._clock)
        self.changed.emit()
        self.stepDone.emit(stack)

    def push_library(self, command) -> None:
        """A library step (new, duplicate, trash) the caller has already carried out."""
        self.push(self.library_stack, command)

    def side_stack(self) -> QUndoStack:
        """One more stack (owned here) whose steps Ctrl+Z weighs like the library's: the newest goes first."""
        stack = QUndoStack(self)
        self.track(stack)
        self._side.append(stack)
        return stack

    def drop_steps(self, stack: QUndoStack) -> None:
        """Forget every step of ``stack``: what they changed is gone from the screen (a design left),
        so Undo and Redo name and take the steps before them."""
        self._busy += 1  # not a step: nothing to save, no stepDone
        try:
            stack.clear()
        finally:
            self._busy -= 1
        self._done[stack] = {}
        self._undone[stack] = {}
        self.changed.emit()

    def clear(self) -> None:
        """Another library: no library step of the old one can be undone."""
        self.library_stack.clear()
        self._done[self.library_stack] = {}
        self._undone[self.library_stack] = {}
        self.changed.emit()

    # ------------------------------------------------------------ undo / redo
    def _candidates(self) -> list[QUndoStack]:
        active = self.group.activeStack()
        return [s for s in (active, self.library_stack, *self._side) if s is not None]

    def _undo_target(self) -> QUndoStack | None:
        best, when = None, -1
        for stack in self._candidates():
            if stack.canUndo():
                t = self._done.get(stack, {}).get(stack.index() - 1, 0)
                if t > when:
                    best, when = stack, t
        return best

    def _redo_target(self) -> QUndoStack | None:
        best, when = None, -1
        for stack in self._candidates():
            if stack.canRedo():
                t = self._undone.get(stack, {}).get(stack.index(), 0)
                if t > when:
                    best, when = stack, t
        return best

    def can_undo(self) -> bool:
        return self._undo_target() is not None

    def can_redo(self) -> bool:
        return self._redo_target() is not None

    def undo_text(self) -> str:
        stack = self._undo_target()
        return stack.undoText() if stack is not None else ""

    def redo_text(self) -> str:
        stack = self._redo_target()
        return stack.redoText() if stack is not None else ""

    def undo(self) -> None:
        stack = self._undo_target()
        if stack is None:
            return
        self._run(stack.undo)
        self._undone.setdefault(stack, {})[stack.index()] = next(self._clock)
        self.changed.emit()
        self.stepDone.emit(stack)

    def redo(self) -> None:
        stack = self._redo_target()
        if stack is None:
            return
        self._run(stack.redo)
        if stack.index() > 0:
            self._done.setdefault(stack, {})[stack.index() - 1] = next(self._clock)
        self.changed.emit()
        self.stepDone.emit(stack)

    # ------------------------------------------------------------ actions
    def make_actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Edit > Undo and Redo, named after the step they would take ("Undo Move to trash")."""
        undo = QAction("&Undo", parent)
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = QAction("&Redo", parent)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        undo.triggered.connect(lambda _c=False: self.undo())
        redo.triggered.connect(lambda _c=False: self.redo())

        def update() -> None:
            undo.setEnabled(self.can_undo())
            redo.setEnabled(self.can_redo())
            # "&" in a persona's name is text, not a keyboard mnemonic.
            u, r = self.undo_text().replace("&", "&&"), self.redo_text().replace("&", "&&")
            undo.setText(f"&Undo {u}" if u else "&Undo")
            redo.setText(f"&Redo {r}" if r else "&Redo")

        self.changed.connect(update)
        update()
        return undo, redo
