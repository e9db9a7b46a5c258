"""The gestures that change the library's list: new, duplicate, move to trash (undoable),
and the window's answer to restore, delete forever, import and the sample personas.

Each one writes to the library first (a refusal is a dialog and changes nothing),
records an undo step where it is one, re-reads the list and puts the right
persona on screen through CurrentPersona, so the sidebar, the form and the
canvas agree afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from personadesigner.errors import UserError
from personadesigner.ui.errors import show_user_error

NEW_PERSONA_NAME = "New persona"


class PersonaActions(QObject):
    """New, duplicate and trash as undo steps; restore, purge and import as list changes."""

    def __init__(
        self,
        current,
        history,
        library: Callable[[], object],
        *,
        status: Callable[[str], None],
        on_list_changed: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.current = current
        self.history = history
        self.library = library  # the open library changes with File > Open
        self.status = status
        self._on_list_changed = on_list_changed

    # ------------------------------------------------------------ helpers for the undo steps
    def is_live(self, persona_id: str) -> bool:
        return self.current.sidebar.model.summary_for(persona_id) is not None

    def list_changed(self, *, show: str | None = None, reveal: bool = False, keep: bool = False) -> None:
        """The library's list changed: re-read it, then show ``show`` (``keep``: leave the
        persona on screen as it is)."""
        self.current.sidebar.reload()
        self._on_list_changed()
        if not keep:
            self.current.show(show, reveal=reveal)
        else:
            self.current.sidebar.show_current(self.current.id())

    def report(self, err: BaseException) -> None:
        show_user_error(self.current.sidebar.window(), err)

    def _window(self):
        return self.current.sidebar.window()

    # ------------------------------------------------------------ new / duplicate / trash
    def new_persona(self):
        """Ctrl+N: a new persona, shown (with filters cleared so the list shows it too)."""
        from personadesigner.core.persona import Persona
        from personadesigner.ui.undo_commands import AddPersonaCommand

        previous = self.current.id()
        try:
            persona = self.library().add(Persona(name=NEW_PERSONA_NAME))
        except UserError as err:
            show_user_error(self._window(), err)
            return None
        self.history.push_library(AddPersonaCommand(self, persona, previous, "New persona"))
        self.current.sidebar.clear_filters()
        self.list_changed(show=persona.id, reveal=True)
        return persona

    def duplicate(self):
        """Ctrl+D: a copy of the persona on screen, shown."""
        from personadesigner.ui.undo_commands import AddPersonaCommand

        original = self.current.persona()
        if original is None:
            return None
        try:
            copy = self.library().duplicate(original.id)
        except UserError as err:
            show_user_error(self._window(), err)
            return None
        self.history.push_library(AddPersonaCommand(self, copy, original.id, f"Duplicate \u201c{original.name}\u201d"))
        self.list_changed(show=copy.id, reveal=True)
        return copy

    def trash(self, ids: list[str] | None = None) -> list[str]:
        """Delete: the persona on screen (with the rows selected along with it) goes to the
        trash; its neighbour is shown. Ctrl+Z brings it back."""
        from personadesigner.ui.undo_commands import TrashPersonasCommand

        ids = list(ids) if ids is not None else self.current.targets()
        if not ids:
            return []
        shown = self.current.id()
        model = self.current.sidebar.model
        names = [(model.summary_for(i).name if model.summary_for(i) else i) for i in ids]
        after = self.current.neighbour(ids)
        library = self.library()
        done: list[str] = []
        try:
            for pid in ids:
                library.delete(pid)
                done.append(pid)
        except UserError as err:
            show_user_error(self._window(), err)
        if done:
            self.history.push_library(TrashPersonasCommand(self, done, shown, names))
            self.list_changed(show=after if shown in done else shown)
            n = len(done)
            self.status(
                f"Moved {n} persona{'s' if n != 1 else ''} to the trash (Ctrl+Z brings "
                f"{'it' if n == 1 else 'them'} back; Edit > Trash\u2026 restores later)."
            )
        return done

    # ------------------------------------------------------------ changes made elsewhere in the window
    def restored(self, ids: list[str]) -> None:
        """Edit > Trash > Restore: the restored persona is shown (and listed)."""
        if ids:
            self.list_changed(show=ids[0], reveal=True)

    def purged(self, ids: list[str]) -> None:
        """Edit > Trash > Delete forever: their undo history goes; the list is unchanged."""
        for pid in ids:
            self.current.document.forget(pid)
        self.list_changed(keep=True)

    def add_samples(self) -> int:
        """The sample personas, added to the library (the empty library's third first step)."""
        from personadesigner.samples import seed_samples

        try:
            count = seed_samples(self.library())
        except UserError as err:
            show_user_error(self._window(), err)
            return 0
        self.added(count, "Added")
        return count

    def added(self, count: int, what: str = "Imported") -> None:
        """Personas were imported or the samples added: listed, the one on screen stays
        (the first of the library is shown when nothing was)."""
        if not count:
            return
        self.current.sidebar.reload()
        self._on_list_changed()
        if self.current.id() is None:
            model = self.current.sidebar.model
            first = model.summary(0) or (model.all_summaries() or [None])[0]
            self.current.show(first.id if first is not None else None, reveal=True)
        else:
            self.current.sidebar.show_current(self.current.id())
        self.status(f"{what} {count} persona{'s' if count != 1 else ''}.")
