"""The open persona: the model the form and the canvas mirror, and its saving.

The document owns the current ``Persona`` (the truth), one ``QUndoStack`` per
persona inside a ``QUndoGroup`` (so undo history survives switching between
personas and Ctrl+Z always undoes the shown persona's edits; ui/history.py
adds the library's steps and picks what Ctrl+Z undoes), and the save.

Undo commands only change the model (and say so with ``mark_changed``). The
document saves once the stack's push, undo or redo has returned (History's
``stepDone``), never inside it: there is no Save button, and no question is
ever asked inside ``QUndoStack.push``. When someone else saved the persona
first (optimistic locking), the save becomes a ``Conflict``: the edits stay on
screen, unsaved, saving of that persona is paused, and ``conflictChanged``
lets the window show a banner; the user settles it later with ``resolve``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from personadesigner.core.persona import Persona
from personadesigner.errors import ConflictError, UserError, ValidationError
from personadesigner.ui.history import History

log = logging.getLogger(__name__)

#: ``resolve`` choices: keep my version (over theirs, or added back when they
#: deleted it), take theirs (drop my edits), or discard mine when theirs is gone.
KEEP_MINE, TAKE_THEIRS, DISCARD_MINE = "mine", "theirs", "discard"


@dataclass
class Conflict:
    """Someone else saved (or deleted for good) a persona the user is editing.

    ``mine`` is the live model with the user's unsaved edits; ``theirs`` the
    version now in the library, or None when they deleted it for good.
    """

    mine: Persona
    theirs: Persona | None

    @property
    def deleted(self) -> bool:
        return self.theirs is None


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
    #: The current persona's save conflict (a Conflict), or None once there is none.
    conflictChanged = Signal(object)

    def __init__(self, library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.persona: Persona | None = None
        #: Ctrl+Z across this persona's edits and the library's steps (new, duplicate, trash).
        self.history = History(self)
        self.undo_group: QUndoGroup = self.history.group
        self.history.stepDone.connect(lambda _stack: self.flush())
        self._stacks: dict[str, QUndoStack] = {}
        self._burst = 0
        #: Personas whose saving is paused by a conflict, by id (kept when another is shown).
        self._conflicts: dict[str, Conflict] = {}
        #: A command changed the current persona since the last save.
        self._dirty = False
        #: The last save failed for another reason (locked, disk full): retried with the next edit.
        self._save_failed = False
        #: The last save failure told to the user (told once, until a save succeeds).
        self._save_problem = ""

    # ------------------------------------------------------------ library
    def set_library(self, library) -> None:
        """Switch to another library: no persona open, all undo history (and paused saves) dropped."""
        self.load(None)
        for stack in self._stacks.values():
            self.history.untrack(stack)
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self._conflicts.clear()
        self.history.clear()
        self.library = library

    # ------------------------------------------------------------ current persona
    def load(self, persona_id: str | None) -> Persona | None:
        """Make the persona with this id current: read fresh from the library, or, while
        a conflict holds its unsaved edits, the edited version (nothing is lost)."""
        self.end_burst()
        self._dirty = self._save_failed = False
        self._save_problem = ""
        if persona_id is None:
            self.persona = None
            self.undo_group.setActiveStack(None)
        else:
            held = self._conflicts.get(persona_id)
            self.persona = held.mine if held is not None else self.library.get(persona_id)
            self.undo_group.setActiveStack(self.stack_for(persona_id))
        self.currentChanged.emit(self.persona)
        self.personaChanged.emit(self.persona)
        self.conflictChanged.emit(self.conflict)
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
        self._conflicts.pop(persona_id, None)
        stack = self._stacks.pop(persona_id, None)
        if stack is not None:
            self.history.untrack(stack)
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    @property
    def undo_stack(self) -> QUndoStack | None:
        return self.undo_group.activeStack()

    def push(self, command) -> None:
        """Run an undo command on the current persona; the change is saved once the push returned."""
        if self.persona is None:
            return
        self.history.push(self.stack_for(self.persona.id), command)

    def push_step(self, command_type, *args, text: str | None = None) -> None:
        """Push ``command_type(self, *args)`` as a step of its own, never merged into the
        typing before or after it (a pick on the design bar, a photo, a restore, an edit
        made on the card). The command is made here, after the burst ended, because a
        command takes the current burst when it is made. ``text``: its name, if not its own."""
        if self.persona is None:
            return
        self.end_burst()
        command = command_type(self, *args)
        if text is not None:
            command.setText(text)
        self.push(command)
        self.end_burst()

    # ------------------------------------------------------------ edit bursts
    @property
    def burst(self) -> int:
        """Typing in one field merges into one undo step until the burst ends."""
        return self._burst

    def end_burst(self) -> None:
        """The user left the field (or did something else): the next edit is a new step."""
        self._burst += 1

    # ------------------------------------------------------------ what commands use
    def persona_for(self, persona_id: str) -> Persona | None:
        """The model a command edits; None if that persona is not current any more."""
        if self.persona is not None and self.persona.id == persona_id:
            return self.persona
        return None

    def mark_changed(self) -> None:
        """A command changed the current persona in memory: save it once the step is done."""
        self._dirty = True

    # ------------------------------------------------------------ state
    @property
    def conflict(self) -> Conflict | None:
        """The current persona's save conflict, if someone else saved it first."""
        return self._conflicts.get(self.persona.id) if self.persona is not None else None

    @property
    def unsaved(self) -> bool:
        """True while the shown persona holds edits that are not in the library."""
        return self.conflict is not None or self._save_failed

    # ------------------------------------------------------------ saving
    def flush(self) -> None:
        """Save the current persona if a command changed it, and tell the mirrors.

        Runs after the undo stack's push/undo/redo returned. An invalid persona
        stays in memory (shown, saved with the next valid edit); a conflict pauses
        saving of this persona until ``resolve``."""
        p = self.persona
        if p is None or not self._dirty:
            return
        self._dirty = False
        try:
            p.validate()
        except ValidationError as err:
            self.invalid.emit(str(err), err.field)
            self.personaChanged.emit(p)
            return
        if self.conflict is None:
            self._save(lambda: self.library.update(p))
        self.personaChanged.emit(self.persona)

    def _save(self, write) -> bool:
        """Run ``write()`` (a library write of the current persona) and take its result in.

        A ConflictError pauses saving (``conflictChanged``); another refusal leaves
        the edits on screen, unsaved, told once and retried with the next edit."""
        p = self.persona
        try:
            saved = write()
        except ConflictError as err:
            self._conflicts[p.id] = Conflict(p, err.theirs)
            log.info("Save conflict on %s: %s", p.id, err)
            self.conflictChanged.emit(self.conflict)
            return False
        except UserError as err:
            self._save_failed = True
            message = f"your edits are not saved yet: {err}"
            if message != self._save_problem:  # one message per problem, not per keystroke
                log.warning("Save failed: %s", err)
                self._save_problem = message
                self.invalid.emit(message, "")
            return False
        self._save_failed = False
        self._save_problem = ""
        p.version = saved.version
        p.updated_at = saved.updated_at
        if saved.photo != p.photo:
            p.photo = saved.photo  # the stored encoding, so the next save re-encodes nothing
        self.personaSaved.emit(p)
        return True

    # ------------------------------------------------------------ conflicts
    def resolve(self, choice: str | Persona) -> None:
        """Settle the current persona's conflict (the banner's buttons call this).

        ``KEEP_MINE``: save my version over theirs (or add it back when they
        deleted it). ``TAKE_THEIRS``: show theirs, my edits are dropped.
        ``DISCARD_MINE`` (deleted elsewhere): let it go, nothing is shown.
        A Persona: a field-by-field merge carrying theirs' version, saved.
        When they saved yet again meanwhile, the conflict stays, with their newest version.
        """
        conflict = self.conflict
        if conflict is None:
            return
        p, theirs = conflict.mine, conflict.theirs
        del self._conflicts[p.id]
        if theirs is None and choice != KEEP_MINE:
            self.forget(p.id)
            self.load(None)
            return
        if choice == TAKE_THEIRS:
            self._replace(theirs)
            self.personaSaved.emit(theirs)
        elif choice == KEEP_MINE and theirs is None:
            p.version = 0
            self._save(lambda: self.library.add(p))
        elif choice == KEEP_MINE:
            p.version = theirs.version
            self._save(lambda: self.library.update(p))
        elif isinstance(choice, Persona):
            self._replace(choice)
            merged = choice
            self._save(lambda: self.library.update(merged))
        else:
            raise ValueError(f"unknown conflict choice {choice!r}")
        self.personaChanged.emit(self.persona)
        self.conflictChanged.emit(self.conflict)

    def _replace(self, persona: Persona) -> None:
        """The model becomes another version (theirs, a merge): the undo history refers
        to values of a version that no longer exists, so it goes."""
        self.persona = persona
        stack = self._stacks.get(persona.id)
        if stack is not None:
            stack.clear()  # safe here: no push, undo or redo is running
        self._save_failed = False

    # ------------------------------------------------------------ changes made elsewhere
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
        """Re-read the current persona (another process changed it; nothing unsaved is here)."""
        if self.persona is None:
            return
        pid = self.persona.id
        try:
            fresh = self.library.get(pid)
        except UserError:  # purged elsewhere
            self.load(None)
            return
        self._conflicts.pop(pid, None)
        self._save_failed = False
        self.persona = fresh
        self.personaChanged.emit(fresh)
        self.conflictChanged.emit(None)
