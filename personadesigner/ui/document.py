"""The open persona: the model the form and the canvas mirror.

The document owns the current ``Persona`` (the truth), one ``QUndoStack`` per
persona inside a ``QUndoGroup`` (so undo history survives switching between
personas and Ctrl+Z always undoes the shown persona's edits; ui/history.py
adds the library's steps and picks what Ctrl+Z undoes), and the save:
every undo command changes the model and then calls ``commit()``, which
writes to the library at once (there is no Save button).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from personadesigner.core.persona import Persona
from personadesigner.errors import ConflictError, UserError, ValidationError
from personadesigner.ui.history import History

log = logging.getLogger(__name__)

#: Called with (mine, theirs) when someone else saved the persona first (theirs is
#: None when they deleted it for good). Returns "mine" (overwrite theirs, or add
#: mine back), "theirs" (drop my change), "later" (keep my change unsaved, ask
#: again on the next save) or a merged Persona carrying theirs' version.
ConflictResolver = Callable[[Persona, Persona | None], "str | Persona"]


class Document(QObject):
    """Holds the current persona and saves every change to the library."""

    #: The current persona after any change (or None when nothing is open).
    personaChanged = Signal(object)
    #: A persona was written to the library (its summary may have changed).
    personaSaved = Signal(object)
    #: A different persona (or none) became current.
    currentChanged = Signal(object)
    #: An edit left the persona invalid (e.g. an empty name): not saved yet; why, and the field.
    invalid = Signal(str, str)

    def __init__(self, library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.persona: Persona | None = None
        #: Ctrl+Z across this persona's edits and the library's steps (new, duplicate, trash).
        self.history = History(self)
        self.undo_group: QUndoGroup = self.history.group
        self._stacks: dict[str, QUndoStack] = {}
        self._burst = 0
        self.conflict_resolver: ConflictResolver = lambda mine, theirs: "later"
        #: True while the shown persona holds edits a conflict left unsaved.
        self.unsaved = False
        #: The last save failure told to the user (told once, until a save succeeds).
        self._save_problem = ""

    # ------------------------------------------------------------ library
    def set_library(self, library) -> None:
        """Switch to another library: no persona open, all undo history dropped."""
        self.load(None)
        for stack in self._stacks.values():
            self.history.untrack(stack)
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self.history.clear()
        self.library = library

    # ------------------------------------------------------------ current persona
    def load(self, persona_id: str | None) -> Persona | None:
        """Make the persona with this id current (read fresh from the library)."""
        self.end_burst()
        self.unsaved = False
        self._save_problem = ""
        if persona_id is None:
            self.persona = None
            self.undo_group.setActiveStack(None)
        else:
            self.persona = self.library.get(persona_id)
            self.undo_group.setActiveStack(self.stack_for(persona_id))
        self.currentChanged.emit(self.persona)
        self.personaChanged.emit(self.persona)
        return self.persona

    def stack_for(self, persona_id: str) -> QUndoStack:
        stack = self._stacks.get(persona_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self.undo_group.addStack(stack)
            self.history.track(stack)
            self._stacks[persona_id] = stack
        return stack

    def forget(self, persona_id: str) -> None:
        """Drop the undo history of a persona that left the library (trash, purge)."""
        stack = self._stacks.pop(persona_id, None)
        if stack is not None:
            self.history.untrack(stack)
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    @property
    def undo_stack(self) -> QUndoStack | None:
        return self.undo_group.activeStack()

    def push(self, command) -> None:
        """Run an undo command on the current persona (it saves and notifies)."""
        if self.persona is None:
            return
        self.history.push(self.stack_for(self.persona.id), command)

    # ------------------------------------------------------------ edit bursts
    @property
    def burst(self) -> int:
        """Typing in one field merges into one undo step until the burst ends."""
        return self._burst

    def end_burst(self) -> None:
        """The user left the field (or did something else): the next edit is a new step."""
        self._burst += 1

    # ------------------------------------------------------------ saving
    def persona_for(self, persona_id: str) -> Persona | None:
        """The model a command edits; None if that persona is not current any more."""
        if self.persona is not None and self.persona.id == persona_id:
            return self.persona
        return None

    def commit(self) -> None:
        """Write the current persona to the library and tell the mirrors."""
        p = self.persona
        if p is None:
            return
        try:
            p.validate()
        except ValidationError as err:
            # Kept in memory, shown, saved with the next valid edit; never a traceback.
            self.invalid.emit(str(err), err.field)
            self.personaChanged.emit(p)
            return
        try:
            self._save(p)
        except UserError as err:
            # Locked, disk full, a second conflict after a merge...: like "later" --
            # the edit stays on screen, unsaved, and is saved with the next edit.
            self.unsaved = True
            message = f"your edits are not saved yet: {err}"
            if message != self._save_problem:  # one message per problem, not per keystroke
                log.warning("Save failed: %s", err)
                self._save_problem = message
                self.invalid.emit(message, "")
            self.personaChanged.emit(self.persona)

    def _save(self, p: Persona) -> None:
        """Write ``p`` (asking the conflict resolver when someone saved first)."""
        try:
            saved = self.library.update(p)
        except ConflictError as err:
            theirs = err.theirs
            choice = self.conflict_resolver(p.copy(), theirs)
            if theirs is None:  # deleted for good elsewhere: add mine back, or let it go
                if choice == "mine":
                    p.version = 0
                    saved = self.library.add(p)
                else:
                    self.forget(p.id)
                    QTimer.singleShot(0, lambda: self.load(None))
                    return
            elif choice == "later":
                # Never a silent overwrite, never a silent loss: mine stays on screen, unsaved.
                self.unsaved = True
                self.invalid.emit(f'"{theirs.name}" was changed elsewhere; your edits are not saved yet', "")
                self.personaChanged.emit(p)
                return
            elif choice == "mine":
                p.version = theirs.version
                saved = self.library.update(p)
            elif isinstance(choice, Persona):
                # A field-by-field merge: the model becomes the merge; the undo history
                # refers to values of versions that no longer exist.
                saved = self.library.update(choice)
                self.persona = p = choice
                stack = self._stacks.get(p.id)
                if stack is not None:
                    QTimer.singleShot(0, stack.clear)
            else:
                self.unsaved = False
                self.persona = theirs
                # The commands hold values of a version that no longer exists;
                # clear after the running push/undo has returned.
                stack = self._stacks.get(p.id)
                if stack is not None:
                    QTimer.singleShot(0, stack.clear)
                self.personaSaved.emit(theirs)
                self.personaChanged.emit(theirs)
                return
        self.unsaved = False
        self._save_problem = ""
        p.version = saved.version
        p.updated_at = saved.updated_at
        if saved.photo != p.photo:
            p.photo = saved.photo  # the stored encoding, so the next save re-encodes nothing
        self.personaSaved.emit(p)
        self.personaChanged.emit(p)

    def is_stale(self) -> bool:
        """True when the library holds a newer version of the current persona."""
        if self.persona is None:
            return False
        try:
            stored = self.library.get(self.persona.id)
        except UserError:  # purged by someone else
            return True
        return stored.version != self.persona.version

    def reload(self) -> None:
        """Re-read the current persona (another process changed it)."""
        if self.persona is None:
            return
        pid = self.persona.id
        try:
            fresh = self.library.get(pid)
        except UserError:  # purged elsewhere
            self.load(None)
            return
        self.unsaved = False
        self.persona = fresh
        self.personaChanged.emit(fresh)
