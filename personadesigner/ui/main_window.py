"""The main window: library sidebar | design bar + card canvas | persona form.

It builds the parts and wires them to controllers with one job each:
LibraryController (which library, backups, import, trash), PersonaActions
(new, duplicate, move to trash), LibrarySync (changes made by another
process), OutputActions (export, print, copy), CardBinding (the card mirrors
the Document and its edits become undo steps), WindowView (zoom, form pane,
photo drops); window_actions builds the actions and menus and window_state
keeps the view state between runs. Editing itself goes through the Document
and its undo commands. What stays here is the start-up (a skeleton that
paints first, the parts built after it) and the window's own events.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from personadesigner.ui.settings import Settings
from personadesigner.ui.window_state import restore_geometry

if TYPE_CHECKING:
    from personadesigner.core.persona import Persona

# The model, the layout engine, the canvas, the form editors, the toolbar, the
# controllers and the help are imported by ``build_parts``: at start-up the
# window's skeleton paints first, without them.

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """PersonaDesigner's window on one library.

    ``library`` may be None while the app starts: the window paints first and
    ``set_library`` fills it once the library is open (opening loads the
    database layer, which would otherwise delay the first paint).
    """

    #: The window is on screen (first paint of the card area).
    firstPainted = Signal()

    def __init__(
        self, library, settings: Settings | None = None, parent: QWidget | None = None, *, defer_parts: bool = False
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings if settings is not None else Settings()
        self._painted = False
        self._last_persona_queued = False
        self.startup_done = False
        self.parts_ready = False
        self.skeleton: QWidget | None = None
        if defer_parts:
            # Start-up: an empty window of the right size and title paints at once;
            # ``build_parts`` (run after that first paint) fills it in.
            self.skeleton = QWidget(self)
            self.skeleton.setObjectName("startupSkeleton")
            self.skeleton.installEventFilter(self)
            self.setCentralWidget(self.skeleton)
            self.update_title()
            restore_geometry(self)
            return
        self.build_parts()

    def build_parts(self) -> None:
        """The sidebar, design bar, canvas, form, controllers, actions and menus (the heavy part)."""
        if self.parts_ready:
            return
        from personadesigner.render.qt_painter import register_fonts
        from personadesigner.ui import window_actions, window_state
        from personadesigner.ui.conflict_controller import ConflictController
        from personadesigner.ui.current_persona import CurrentPersona
        from personadesigner.ui.document import Document
        from personadesigner.ui.empty_library import EmptyLibraryPanel
        from personadesigner.ui.library_controller import LibraryController
        from personadesigner.ui.library_sidebar import LibrarySidebar
        from personadesigner.ui.library_sync import LibrarySync
        from personadesigner.ui.output_actions import OutputActions
        from personadesigner.ui.persona_actions import PersonaActions
        from personadesigner.ui.persona_form import PersonaForm
        from personadesigner.ui.window_view import WindowView

        register_fonts()  # before the first card is laid out and painted
        self.document = Document(self.library, self)
        self.sidebar = LibrarySidebar(self.library, self)
        self.form = PersonaForm(self.document, self)
        self.form.set_candidates_source(lambda: [(s.id, s.name) for s in self.sidebar.model.all_summaries()])
        self.splitter = self._build_panes(self._build_centre())
        # One answer to "which persona is on screen" for the list, form, canvas and actions.
        self.current = CurrentPersona(self.document, self.sidebar, self)
        self.conflicts = ConflictController(self.document, self.form, self)  # save conflicts: banner on the form
        self.persona_actions = PersonaActions(
            self.current,
            self.document.history,
            lambda: self.library,
            status=lambda text: self.statusBar().showMessage(text, 8000),
            on_list_changed=self.form.refresh_candidates,
            parent=self,
        )
        self.empty_panel = EmptyLibraryPanel(self.canvas)
        self.setCentralWidget(self.splitter)  # replaces (and deletes) the start-up skeleton
        self.skeleton = None

        self.libraries = LibraryController(self)
        self.backup_ticker = self.libraries.ticker
        self.output = OutputActions(self, self.current, self.canvas, lambda: self.library, self.settings)
        self.view = WindowView(self)
        self.sync = LibrarySync(
            self.current,
            lambda: self.library,
            is_editing=self.view.editing,
            on_changed=self._changed_elsewhere,
            on_names_changed=self.form.refresh_candidates,
            status=lambda text: self.statusBar().showMessage(text, 8000),
            parent=self,
        )
        self.refresh_timer = self.sync.timer
        window_actions.make_actions(self)
        window_actions.make_menus(self)
        self._wire()
        self.update_title()

        self.sync.start()
        self.libraries.start()
        window_state.restore_settings(self)
        self.parts_ready = True
        self.update_actions()
        self._update_empty_state()

    # ------------------------------------------------------------------ building
    def _build_centre(self) -> QWidget:
        """The design bar (scrolling sideways when narrow) above the card canvas."""
        from personadesigner.ui import main_toolbar
        from personadesigner.ui.bar_scroller import BarScroller
        from personadesigner.ui.canvas import CardCanvas
        from personadesigner.ui.design_bar import DesignBar

        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self.design_bar = DesignBar(centre)
        self.canvas = CardCanvas(centre)
        self.design_bar.attach(self.canvas)
        for combo in (self.design_bar.template_combo, self.design_bar.theme_combo):
            # Long template titles must not make the whole window wider than a laptop screen.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        # The bar scrolls sideways when the centre is narrow: its controls never set the window's width.
        self.design_scroller = BarScroller(self.design_bar, centre)
        main_toolbar.hide_duplicate_buttons(self.design_bar)
        main_toolbar.zoom_level_in_status_bar(self)
        centre_layout.addWidget(self.design_scroller)
        centre_layout.addWidget(self.canvas, 1)
        return centre

    def _build_panes(self, centre: QWidget) -> QSplitter:
        """Sidebar | centre | form; the sidebar and the form give way on a small screen, the card never."""
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        for index, (pane, stretch) in enumerate(((self.sidebar, 0), (centre, 1), (self.form, 0))):
            splitter.addWidget(pane)
            splitter.setStretchFactor(index, stretch)
        splitter.setChildrenCollapsible(True)
        splitter.setCollapsible(1, False)
        return splitter

    def _wire(self) -> None:
        from personadesigner.ui import window_state
        from personadesigner.ui.card_binding import CardBinding

        doc = self.document
        doc.currentChanged.connect(lambda persona: window_state.remember_persona(self, persona))
        self.sidebar.listChanged.connect(self._update_empty_state)
        self.empty_panel.newPersona.connect(self.new_persona)
        self.empty_panel.importFiles.connect(self.libraries.import_personas)
        self.empty_panel.addSamples.connect(self.libraries.add_sample_personas)
        self.card = CardBinding(
            doc, self.design_bar, self.canvas, self.form, self.sidebar.model, lambda: self.library, self
        )
        doc.currentChanged.connect(lambda _p: self.update_actions())
        doc.invalid.connect(lambda text, _field: self.statusBar().showMessage(f"Not saved: {text}", 8000))
        self.canvas.viewport().installEventFilter(self)  # its first paint opens the last persona

    # ------------------------------------------------------------------ state shown
    def update_title(self) -> None:
        if self.library is None:
            self.setWindowTitle("PersonaDesigner")
            self.statusBar().showMessage("Opening the library…")
        else:
            # Library first, the app once: Qt's own suffix (the display name) is not added
            # again to a title that already ends with it.
            self.setWindowTitle(f"{self.library.name} — PersonaDesigner")

    def update_actions(self) -> None:
        from personadesigner.ui.window_actions import update_actions

        update_actions(self)

    def _update_empty_state(self) -> None:
        """An empty library shows what to do first in the card area."""
        empty = self.library is not None and self.sidebar.model.total() == 0
        if empty != self.empty_panel.isVisible():
            self.empty_panel.set_shown(empty)

    # ------------------------------------------------------------------ the window's events
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """The first paint (of the skeleton, then of the card) starts the deferred work."""
        if event.type() == QEvent.Type.Paint and obj is not None:
            if obj is self.skeleton:
                self._first_paint()
            elif self.parts_ready and obj is self.canvas.viewport():
                self._first_paint()
                if not self.startup_done and self.library is not None and not self._last_persona_queued:
                    self._last_persona_queued = True  # once, not on every paint until it ran
                    QTimer.singleShot(0, self.libraries.open_last_persona)
        return super().eventFilter(obj, event)

    def _first_paint(self) -> None:
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    def dragEnterEvent(self, event) -> None:
        if self.parts_ready:
            self.view.accept_drag(event)

    def dropEvent(self, event) -> None:
        if self.parts_ready:
            self.view.drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.parts_ready:
            from personadesigner.ui.window_state import save_settings

            self.sync.stop()
            self.backup_ticker.timer.stop()
            save_settings(self)
        super().closeEvent(event)

    # ------------------------------------------------------------------ gestures (and their names for callers)
    def new_persona(self) -> Persona | None:
        """Ctrl+N: a new persona, shown, with its name selected for typing (Ctrl+Z removes it)."""
        persona = self.persona_actions.new_persona()
        if persona is not None:
            self.form.focus_name()
        return persona

    def delete_personas(self) -> None:
        """Delete: the persona on screen goes to the trash (Ctrl+Z or Edit > Trash… brings it back)."""
        self.persona_actions.trash()

    def set_library(self, library) -> None:
        """Show another library; the previous one is closed."""
        self.libraries.set_library(library)

    def _changed_elsewhere(self) -> None:
        """Another process wrote to the library: names may have changed, and its templates."""
        from personadesigner.ui.template_library import refresh_from_library

        self.card.names.clear()
        refresh_from_library(self)

    def show_trash(self) -> None:
        self.libraries.show_trash()

    def refresh_from_library(self) -> None:
        """What the 2 s tick does: changes another process made are shown."""
        self.sync.refresh()

    def set_photo_from_file(self, path: str) -> bool:
        return self.view.set_photo_from_file(path)

    def export_scopes(self) -> dict[str, list[str]]:
        return self.output.export_scopes()

    def export(self) -> None:
        self.output.export()

    def print_cards(self) -> None:
        self.output.print_cards()
