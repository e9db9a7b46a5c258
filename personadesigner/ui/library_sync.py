"""Keeping the window current while another process writes to the same library.

Every 2 s the library's data version is compared with the one last seen (one
cheap query). When it moved, the list is re-read; a persona that left the
list (trashed or deleted elsewhere) is replaced by its neighbour, and the
persona on screen is re-read when it changed elsewhere, but only while the
user is not typing in it (their edits are never swapped out under them;
a later save meets the conflict handling of the Document instead).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from personadesigner.errors import UserError

REFRESH_MS = 2000


class LibrarySync(QObject):
    """The 2 s refresh from another process: list, pickers and the idle persona on screen."""

    def __init__(
        self,
        current,
        library: Callable[[], object],
        *,
        is_editing: Callable[[], bool] = lambda: False,
        on_changed: Callable[[], None] = lambda: None,
        on_names_changed: Callable[[], None] = lambda: None,
        status: Callable[[str], None] = lambda _text: None,
        parent: QObject | None = None,
    ) -> None:
        """``current``: the CurrentPersona (document and sidebar); ``library``: the open
        library, which changes with File > Open; ``is_editing``: the user is typing in the
        form or on the card; ``on_changed``: the library changed elsewhere (caches of
        what it holds are dropped before the list is re-read); ``on_names_changed``: a persona was added, removed or renamed
        (the related-persona pickers and name caches re-read); ``status``: a short note."""
        super().__init__(parent)
        self.current = current
        self.library = library
        self.is_editing = is_editing
        self.on_changed = on_changed
        self.on_names_changed = on_names_changed
        self.status = status
        self.seen_version = 0
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.reset()

    def reset(self) -> None:
        """Take the open library's state as seen (it was just opened or switched to)."""
        library = self.library()
        self.seen_version = library.data_version() if library is not None else 0

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def changed_elsewhere(self) -> bool:
        """True (once) when the library's data changed since it was last seen."""
        library = self.library()
        if library is None:
            return False
        try:
            version = library.data_version()
        except UserError:  # the library went away for a moment: try again on the next tick
            return False
        if version == self.seen_version:
            return False
        self.seen_version = version
        return True

    def refresh(self) -> None:
        """The 2 s tick: another process wrote -> reload the list (and the persona if idle)."""
        if not self.changed_elsewhere():
            return
        document = self.current.document
        model = self.current.sidebar.model
        listed = [(s.id, s.name) for s in model.all_summaries()]
        self.on_changed()
        idle = not (self.is_editing() or document.unsaved)
        # Trashed or deleted elsewhere while the user only looks at it: its neighbour is shown.
        left = self.current.refresh(may_move=idle)
        if [(s.id, s.name) for s in model.all_summaries()] != listed:
            self.on_names_changed()  # only an add, delete or rename changes the pickers
        if left is not None:
            self.status(f"\u201c{left}\u201d was moved to the trash or deleted elsewhere.")
            return
        if idle and self.persona_is_stale():
            document.reload()

    def persona_is_stale(self) -> bool:
        """The persona on screen has a newer version in the library (or left it)."""
        persona = self.current.document.persona
        if persona is None:
            return False
        # The summary just listed carries the version: no extra read to find out.
        summary = self.current.sidebar.model.summary_for(persona.id)
        if summary is None:  # in the trash or purged elsewhere: ask the library
            return self.current.document.is_stale()
        return summary.version != persona.version
