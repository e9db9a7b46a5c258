"""Undo commands: each one changes the model (never a widget) and saves it.

A command remembers the persona it was made for; the document hands out
that persona only while it is current, and keeps one undo stack per persona,
so a command never edits the wrong persona. Typing in one field is merged
into one step per edit burst (see ``Document.end_burst``).
"""

from __future__ import annotations

import copy
import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from personadesigner.core.persona import Persona, field_label

_MERGE_SET_FIELD = 1
_MERGE_EDIT_ITEM = 2


def _label(field: str) -> str:
    return field_label(field)


class PersonaCommand(QUndoCommand):
    """Base: applies a change to the document's persona, then commits it."""

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
        """Change the model and save it. Nothing may leave redo()/undo(): Qt cannot
        pass a Python exception on (it prints a garbled message and may crash later),
        so a bug is handed to the excepthook once the running push has returned."""
        p = self.document.persona_for(self.persona_id)
        if p is None:
            return
        try:
            change(p)
            self.document.commit()
        except Exception:  # noqa: BLE001 - reported below, with its traceback
            info = sys.exc_info()
            QTimer.singleShot(0, lambda: sys.excepthook(*info))

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
