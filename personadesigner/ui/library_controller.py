"""The window's library gestures: which library is open, and what comes into it.

File > New library…, Open library…, Open database URL…, Open recent, Backups…
(and the library reopened after a restore), Import…, Edit > Trash…, the empty
library's sample personas, and at start the persona the user had open last.
Switching libraries is one method (``set_library``) so every part of the
window follows it in the same order: the document and the list first, then
the settings, title, actions, backups and the read-only banner.
The persona gestures themselves (new, duplicate, trash) are PersonaActions.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from personadesigner.ui import settings as opts
from personadesigner.ui.backup_support import BackupTicker, library_file, show_library_warnings
from personadesigner.ui.errors import show_user_error
from personadesigner.ui.library_actions import ask_database_url, ask_library_file, ask_new_library, try_open
from personadesigner.ui.read_only import show_read_only_state


class LibraryController(QObject):
    """Opens, switches, backs up and fills the window's library."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        #: Backs the library file up now and then (File > Backups… lists them).
        self.ticker = BackupTicker(window)
        self.ticker.failed.connect(lambda text: show_user_error(window, text, title="Backup failed"))
        self.ticker.backedUp.connect(lambda _path: window.statusBar().showMessage("Library backed up.", 4000))

    @property
    def library(self):
        return self.window.library

    # ------------------------------------------------------------ the open library
    def start(self) -> None:
        """The window's parts are built on the library it was made with."""
        library = self.library
        if library is None:
            return
        from personadesigner.ui.template_library import adopt_library_templates

        adopt_library_templates(self.window, library)  # a window made on an open library: before its persona shows
        self.ticker.set_library(library.location)
        QTimer.singleShot(0, lambda: show_library_warnings(self.window, library))
        show_read_only_state(self.window, library)

    def set_library(self, library) -> None:
        """Show another library; the previous one is closed."""
        from personadesigner.ui.brand_themes import adopt_library_themes
        from personadesigner.ui.template_library import adopt_library_templates

        w = self.window
        old = self.library
        if w.document.persona is not None and old is not None:
            self.settings.set_last_persona(old.location, w.document.persona.id)
        w.document.set_library(library)
        w.library = library
        designer = getattr(w, "template_designer", None)
        if designer is not None:  # a draft in progress reads and saves in the library now shown
            designer.library = library
        adopt_library_themes(w, library)  # before the persona shows: its card may use one
        adopt_library_templates(w, library)  # likewise its template
        w.card.names.clear()
        w.sync.reset()
        w.sidebar.set_library(library)
        w.form.refresh_candidates()
        self.settings.add_recent_library(library.location)
        self.settings.set(opts.LAST_LIBRARY, library.location)
        w.update_title()
        self.select_last_persona()
        w.startup_done = True
        w.statusBar().clearMessage()
        w.update_actions()
        if old is not None and old is not library:
            old.close()
        self.ticker.set_library(library.location)
        show_library_warnings(w, library)
        show_read_only_state(w, library)

    def open_location(self, location: str, *, create: bool = False) -> bool:
        """Open the library at a path or URL and show it; a refusal is a dialog (False)."""
        library = try_open(self.window, location, create=create)
        if library is None:
            return False
        self.set_library(library)
        return True

    def new_library(self) -> None:
        path = ask_new_library(self.window)
        if path:
            self.open_location(path, create=True)

    def open_library_file(self) -> None:
        path = ask_library_file(self.window)
        if path:
            self.open_location(path)

    def open_library_url(self) -> None:
        url = ask_database_url(self.window)
        if url:
            self.open_location(url)

    def fill_recent_menu(self, menu) -> None:
        """File > Open recent: the other libraries opened lately, most recent first."""
        menu.clear()
        here = self.library.location if self.library is not None else None
        recent = [loc for loc in self.settings.get(opts.RECENT_LIBRARIES) if loc != here]
        if not recent:
            placeholder = menu.addAction("No other recent libraries")
            placeholder.setEnabled(False)
            return
        for loc in recent:
            action = menu.addAction(loc)
            action.triggered.connect(lambda _c=False, where=loc: self.open_location(where))

    # ------------------------------------------------------------ backups
    def can_back_up(self) -> bool:
        """Backups are files made with SQLite's backup API; a database server has its own."""
        return self.library is not None and library_file(self.library.location) is not None

    def show_backups(self) -> None:
        """File > Backups…: back up now, or restore one (the window then reloads the library)."""
        from personadesigner.ui.backups_dialog import BackupsDialog

        path = library_file(self.library.location) if self.library is not None else None
        if path is None:
            return
        dialog = BackupsDialog(path, self.window)
        dialog.restored.connect(lambda _p: self.reload_library())
        self.backups_dialog = dialog
        dialog.exec()
        dialog.deleteLater()

    def reload_library(self) -> None:
        """Reopen the current library (after a restore replaced its content)."""
        if self.library is None:
            return
        self.window.document.load(None)  # the restored file holds other versions: no stale edits
        self.open_location(self.library.location)

    # ------------------------------------------------------------ what comes into it
    def import_personas(self) -> None:
        from personadesigner.ui.import_dialog import choose_and_import

        self.window.persona_actions.added(choose_and_import(self.window, self.library))

    def add_sample_personas(self) -> None:
        """The empty library's "Add the sample personas"."""
        self.window.persona_actions.add_samples()

    def show_trash(self) -> None:
        """Edit > Trash…: restore trashed personas or delete them for good."""
        from personadesigner.ui.trash_dialog import TrashDialog

        actions = self.window.persona_actions
        dialog = TrashDialog(self.library, self.window)
        dialog.restored.connect(actions.restored)
        dialog.purged.connect(actions.purged)
        self.trash_dialog = dialog
        dialog.exec()
        dialog.deleteLater()  # a parented dialog lives as long as the window otherwise

    # ------------------------------------------------------------ the persona shown first
    def open_last_persona(self) -> None:
        """Show the persona the user had open last (else the first one)."""
        w = self.window
        if w.startup_done or self.library is None:
            return
        w.startup_done = True
        if w.document.persona is not None:
            return  # the user already picked one
        self.select_last_persona()

    def select_last_persona(self) -> None:
        model = self.window.sidebar.model
        current = self.window.current
        last = self.settings.last_persona(self.library.location)
        if last and model.summary_for(last) is not None and current.show(last, reveal=True):
            return
        if model.rowCount():
            current.show(model.summary(0).id)
