"""The persona on screen: one answer for the sidebar, the form, the canvas and every action.

The Document's persona is the truth: the form and the canvas mirror it (its
``personaChanged``), and the sidebar highlights it after every reload, search,
filter or library switch (it asks ``id()`` through its ``current`` source), so
the highlighted row can never name another persona than the one on screen.
A row the user picks comes here (``personaActivated``) and is loaded; a row that
cannot be loaded leaves the highlight on the persona still shown.

Every action that works on "the current persona" (trash, duplicate, export,
copy, print) asks ``id()`` or ``targets()`` here, never the sidebar's rows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from personadesigner.errors import UserError
from personadesigner.ui.errors import show_user_error


class CurrentPersona(QObject):
    """Ties the sidebar's highlight to the Document's persona and loads what the user picks."""

    def __init__(self, document, sidebar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.sidebar = sidebar
        sidebar.set_current_source(self.id)
        sidebar.personaActivated.connect(self._picked)
        document.currentChanged.connect(lambda _p: self.sidebar.show_current(self.id()))

    # ------------------------------------------------------------ what is shown
    def id(self) -> str | None:
        p = self.document.persona
        return p.id if p is not None else None

    def persona(self):
        return self.document.persona

    def targets(self) -> list[str]:
        """What Move to trash and Print act on: the persona on screen, with the other
        rows the user selected along with it (never rows without the one on screen)."""
        shown = self.id()
        if shown is None:
            return []
        selected = self.sidebar.selected_ids()
        return selected if shown in selected else [shown]

    # ------------------------------------------------------------ changing it
    def show(self, persona_id: str | None, *, reveal: bool = False) -> bool:
        """Put this persona on screen (None: nothing). ``reveal`` clears the search and
        filters when they hide it, so the list shows it too. False when it cannot be read."""
        if persona_id is not None and persona_id != self.id():
            try:
                self.document.load(persona_id)
            except UserError as err:
                show_user_error(self.sidebar.window(), err, "The list was refreshed; pick the persona again.")
                self.sidebar.reload()
                return False
        elif persona_id is None and self.document.persona is not None:
            self.document.load(None)
        if reveal and persona_id is not None and self.sidebar.model.row_of(persona_id) < 0:
            self.sidebar.clear_filters()
        self.sidebar.show_current(self.id())
        return True

    def _picked(self, persona_id: str | None) -> None:
        if persona_id is not None:
            self.show(persona_id)

    def neighbour(self, leaving: list[str]) -> str | None:
        """The persona to show once ``leaving`` left the list: the row below the first
        one leaving (else above); the persona on screen when it stays."""
        shown = self.id()
        if shown is not None and shown not in leaving:
            return shown
        model = self.sidebar.model
        ids = model.ids()
        rows = [model.row_of(i) for i in leaving if model.row_of(i) >= 0]
        start = min(rows) if rows else 0
        gone = set(leaving)
        after = [i for i in ids[start:] if i not in gone]
        before = [i for i in reversed(ids[:start]) if i not in gone]
        if after or before:
            return (after or before)[0]
        rest = [s.id for s in model.all_summaries() if s.id not in gone]  # hidden by a filter
        return rest[0] if rest else None

    def refresh(self, *, may_move: bool = True) -> str | None:
        """Re-read the list (the library changed). When the persona on screen left it
        (trashed or deleted elsewhere) and ``may_move``, show its neighbour; returns the
        name of the persona that left, else None."""
        shown = self.document.persona
        fallback = self.neighbour([shown.id]) if shown is not None else None
        self.sidebar.reload()
        if shown is None or not may_move or self.sidebar.model.summary_for(shown.id) is not None:
            return None
        if fallback is not None and self.sidebar.model.summary_for(fallback) is None:
            fallback = self.neighbour([shown.id])
        self.show(fallback)
        return shown.name
