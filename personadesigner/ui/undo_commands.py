"""Undo commands: each one changes the model, never a widget and never the database.

Saving belongs to the Document: a persona command changes the persona in
memory and calls ``Document.mark_changed``; the Document saves once the undo
stack's push/undo/redo has returned. A command remembers the persona it was made for; the document hands out
that persona only while it is current, and keeps one undo stack per persona,
so a command never edits the wrong persona. Typing in one field is merged
into one step per edit burst (see ``Document.end_burst``).
"""

from __future__ import annotations

import copy
import sys
from typing import Any

from PySide6.QtGui import QUndoCommand

from personadesigner.core.persona import Persona, field_label

_MERGE_SET_FIELD = 1
_MERGE_EDIT_ITEM = 2


def _label(field: str) -> str:
    return field_label(field)


class PersonaCommand(QUndoCommand):
    """Base: applies a change to the document's persona (the document saves it afterwards)."""

    def __init__(self, document, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.persona_id = document.persona.id
        self.burst = document.burst

    def redo(self) -> None:
        self._apply(self.forward)

    def undo(self) -> None:
        self._apply(self.backward)

    def _apply(self, change) -> None:
        """Change the model and mark it changed. Nothing may leave redo()/undo(): Qt cannot
        pass a Python exception on (it prints a garbled message and may crash later),
        so a bug is handed to the excepthook once the running push has returned
        (``History.after_step``)."""
        p = self.document.persona_for(self.persona_id)
        if p is None:
            return
        try:
            change(p)
            self.document.mark_changed()
        except Exception:  # noqa: BLE001 - reported below, with its traceback
            info = sys.exc_info()
            self.document.history.after_step(lambda: sys.excepthook(*info))

    def forward(self, persona: Persona) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def backward(self, persona: Persona) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class SetFieldCommand(PersonaCommand):
    """Set one field to a new value; consecutive edits of the field merge."""

    def __init__(self, document, field: str, old: Any, new: Any) -> None:
        super().__init__(document, f"Edit {_label(field).lower()}")
        self.field = field
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def forward(self, persona: Persona) -> None:
        setattr(persona, self.field, copy.deepcopy(self.new))

    def backward(self, persona: Persona) -> None:
        setattr(persona, self.field, copy.deepcopy(self.old))

    def id(self) -> int:
        return _MERGE_SET_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetFieldCommand)
            and other.field == self.field
            and other.persona_id == self.persona_id
            and other.burst == self.burst
        ):
            return False
        self.new = copy.deepcopy(other.new)
        if self.new == self.old:
            self.setObsolete(True)
        return True


class ListInsertCommand(PersonaCommand):
    """Insert an item into a list field (goals, tags...)."""

    def __init__(self, document, field: str, index: int, text: str) -> None:
        super().__init__(document, f"Add to {_label(field).lower()}")
        self.field, self.index, self.text = field, index, text

    def forward(self, persona: Persona) -> None:
        getattr(persona, self.field).insert(self.index, self.text)

    def backward(self, persona: Persona) -> None:
        del getattr(persona, self.field)[self.index]


class ListRemoveCommand(PersonaCommand):
    """Remove an item from a list field."""

    def __init__(self, document, field: str, index: int) -> None:
        super().__init__(document, f"Remove from {_label(field).lower()}")
        self.field, self.index = field, index
        self.text = getattr(document.persona, field)[index]

    def forward(self, persona: Persona) -> None:
        del getattr(persona, self.field)[self.index]

    def backward(self, persona: Persona) -> None:
        getattr(persona, self.field).insert(self.index, self.text)


class ListMoveCommand(PersonaCommand):
    """Move an item of a list field from one position to another."""

    def __init__(self, document, field: str, source: int, dest: int) -> None:
        super().__init__(document, f"Reorder {_label(field).lower()}")
        self.field, self.source, self.dest = field, source, dest

    @staticmethod
    def _move(items: list, a: int, b: int) -> None:
        items.insert(b, items.pop(a))

    def forward(self, persona: Persona) -> None:
        self._move(getattr(persona, self.field), self.source, self.dest)

    def backward(self, persona: Persona) -> None:
        self._move(getattr(persona, self.field), self.dest, self.source)


class ListEditCommand(PersonaCommand):
    """Change the text of one list item; typing in the same item merges."""

    def __init__(self, document, field: str, index: int, new: str) -> None:
        super().__init__(document, f"Edit {_label(field).lower()}")
        self.field, self.index, self.new = field, index, new
        self.old = getattr(document.persona, field)[index]

    def forward(self, persona: Persona) -> None:
        getattr(persona, self.field)[self.index] = self.new

    def backward(self, persona: Persona) -> None:
        getattr(persona, self.field)[self.index] = self.old

    def id(self) -> int:
        return _MERGE_EDIT_ITEM

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, ListEditCommand)
            and (other.field, other.index, other.persona_id, other.burst)
            == (self.field, self.index, self.persona_id, self.burst)
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


class SetPhotoCommand(PersonaCommand):
    """Set (already normalised image bytes) or remove (None) the photo."""

    def __init__(self, document, photo: bytes | None) -> None:
        super().__init__(document, "Remove photo" if photo is None else "Set photo")
        self.old = document.persona.photo
        self.new = photo

    def forward(self, persona: Persona) -> None:
        persona.photo = self.new

    def backward(self, persona: Persona) -> None:
        persona.photo = self.old


# ---------------------------------------------------------------------------- library steps
def _content(persona: Persona) -> tuple:
    """What a user made of a persona (not its bookkeeping: version, timestamps)."""
    data = persona.to_dict(include_empty=True)
    for key in ("created_at", "updated_at", "version"):
        data.pop(key, None)
    return repr(sorted(data.items())), persona.photo


class LibraryCommand(QUndoCommand):
    """Base of the library steps (new, duplicate, move to trash).

    These are the one documented exception to "commands only change the model":
    a library step has no in-memory model to change, the library's list is it.
    The step is carried out by the caller (ui/persona_actions.py) before the
    push, outside Qt, so a refusal (a locked library, a full disk) reaches the
    user as a dialog and nothing is recorded; Qt's push calls ``redo`` once,
    which therefore does nothing the first time. Later undo/redo write the
    library themselves but never ask anything: a step that cannot be taken any
    more (the persona was deleted forever) leaves the history and is explained
    once the running undo/redo has returned (``History.after_step``: no dialog
    and no persona switch inside the undo stack's call).
    """

    def __init__(self, actions, text: str) -> None:
        super().__init__(text)
        self.actions = actions
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, change) -> None:
        from personadesigner.errors import UserError

        try:
            change()
        except UserError as err:
            # Qt drops an obsolete step from the history once this undo/redo returns.
            self.setObsolete(True)
            actions, problem = self.actions, err
            self._then(lambda: actions.report(problem))
        except Exception:  # noqa: BLE001 - a bug: reported with its traceback once push/undo returned
            info = sys.exc_info()
            self._then(lambda: sys.excepthook(*info))

    def _then(self, follow_up) -> None:
        """What the window does after the library changed (re-read the list, show a
        persona, tell the user): run once the undo stack's call has returned."""
        self.actions.history.after_step(follow_up)

    def forward(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def backward(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class AddPersonaCommand(LibraryCommand):
    """Ctrl+N or Ctrl+D made a persona. Undo removes it: for good while it is still
    as it was made (nothing is lost, and the trash does not fill with blank
    "New persona" cards), to the trash once someone changed it (those changes stay
    recoverable). Redo brings it back, as it was when it was removed, and shows it."""

    def __init__(self, actions, persona: Persona, previous_id: str | None, text: str) -> None:
        super().__init__(actions, text)
        self.persona_id = persona.id
        self.made = _content(persona)
        self.previous_id = previous_id
        self.removed: Persona | None = None  # what was deleted for good (redo adds it back)

    def backward(self) -> None:
        library = self.actions.library()
        current = library.get(self.persona_id)
        shown = self.actions.current.id() == self.persona_id
        after = self.actions.current.neighbour([self.persona_id]) if shown else self.actions.current.id()
        if self.previous_id is not None and shown and self.actions.is_live(self.previous_id):
            after = self.previous_id
        if _content(current) == self.made:
            library.purge(self.persona_id)
            self.removed = current
        else:
            library.delete(self.persona_id)
            self.removed = None
        actions, removed = self.actions, self.removed
        self._then(lambda: actions.list_changed(show=after))
        self._then(
            lambda: actions.status(
                f"Removed \u201c{current.name}\u201d" + ("." if removed else " (it is in the trash).")
            )
        )

    def forward(self) -> None:
        library = self.actions.library()
        if self.removed is not None:
            library.add(self.removed)
            self.removed = None
        else:
            library.restore(self.persona_id)
        actions, shown = self.actions, self.persona_id
        self._then(lambda: actions.list_changed(show=shown, reveal=True))


class TrashPersonasCommand(LibraryCommand):
    """Delete: the personas went to the trash. Undo brings them back and shows the one
    that was on screen; redo moves them to the trash again."""

    def __init__(self, actions, ids: list[str], shown_id: str | None, names: list[str]) -> None:
        n = len(ids)
        super().__init__(actions, f"Move \u201c{names[0]}\u201d to trash" if n == 1 else f"Move {n} personas to trash")
        self.ids = list(ids)
        self.names = dict(zip(ids, names))
        self.shown_id = shown_id

    def backward(self) -> None:
        from personadesigner.errors import UserError

        library = self.actions.library()
        back, lost = [], 0
        for pid in self.ids:
            try:
                library.restore(pid)
                back.append(pid)
            except UserError:  # deleted forever in the meantime
                lost += 1
        if not back:
            if len(self.ids) == 1:
                name = self.names.get(self.ids[0], "The persona")
                raise UserError(f"\u201c{name}\u201d was deleted forever; it cannot be brought back.")
            raise UserError("These personas were deleted forever; they cannot be brought back.")
        self.ids = back
        show = self.shown_id if self.shown_id in back else back[0]
        n = len(back)
        text = f"Brought back {n} persona{'s' if n != 1 else ''} from the trash." + (
            f" {lost} had been deleted forever." if lost else ""
        )
        actions = self.actions
        self._then(lambda: actions.list_changed(show=show, reveal=True))
        self._then(lambda: actions.status(text))

    def forward(self) -> None:
        after = self.actions.current.neighbour(self.ids)
        library = self.actions.library()
        for pid in self.ids:
            library.delete(pid)
        actions = self.actions
        self._then(lambda: actions.list_changed(show=after))
