"""The main window: library sidebar | design bar + card canvas | persona form.

It wires the parts together and owns the user's gestures that span them
(new, delete, duplicate, libraries, export, print); editing itself goes
through the Document and its undo commands. View state (geometry, splitter,
zoom, the last persona) is kept in the typed settings registry.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from typing import TYPE_CHECKING

from personadesigner.errors import UserError
from personadesigner.ui import settings as opts
from personadesigner.ui.backup_support import BackupTicker, library_file, show_library_warnings
from personadesigner.ui.errors import show_user_error
from personadesigner.ui.read_only import restrict_writing_actions, show_read_only_state
from personadesigner.ui.library_actions import ask_database_url, ask_library_file, ask_new_library, try_open
from personadesigner.ui.settings import Settings

if TYPE_CHECKING:
    from personadesigner.core.persona import Persona

# The model, the layout engine, the canvas, the form editors, the toolbar and the
# help are imported by ``build_parts``: at start-up the window's skeleton paints
# first, without them.

log = logging.getLogger(__name__)

REFRESH_MS = 2000


class MainWindow(QMainWindow):
    """PersonaDesigner's window on one library.

    ``library`` may be None while the app starts: the window paints first and
    ``set_library`` fills it once the library is open (opening loads the
    database layer, which would otherwise delay the first paint).
    """

    #: The window is on screen (first paint of the card area).
    firstPainted = Signal()

    def __init__(self, library, settings: Settings | None = None, parent: QWidget | None = None,
                 *, defer_parts: bool = False) -> None:
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
            self._update_title()
            self._restore_geometry()
            return
        self.build_parts()

    def build_parts(self) -> None:
        """The sidebar, design bar, canvas, form, actions and menus (the heavy part of the window)."""
        if self.parts_ready:
            return
        from personadesigner.render.qt_painter import register_fonts
        from personadesigner.ui import main_toolbar
        from personadesigner.ui.bar_scroller import BarScroller
        from personadesigner.ui.canvas import CardCanvas
        from personadesigner.ui.conflict_controller import ConflictController
        from personadesigner.ui.current_persona import CurrentPersona
        from personadesigner.ui.design_bar import DesignBar
        from personadesigner.ui.document import Document
        from personadesigner.ui.empty_library import EmptyLibraryPanel
        from personadesigner.ui.library_sidebar import LibrarySidebar
        from personadesigner.ui.persona_actions import PersonaActions
        from personadesigner.ui.persona_form import PersonaForm

        register_fonts()  # before the first card is laid out and painted
        library = self.library
        self.document = Document(library, self)
        self._names: dict[str, str] = {}
        self._seen_data_version = library.data_version() if library is not None else 0

        self.sidebar = LibrarySidebar(library, self)
        self.form = PersonaForm(self.document, self)
        self.form.set_candidates_source(lambda: [(s.id, s.name) for s in self.sidebar.model.all_summaries()])
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
        main_toolbar.hide_duplicate_zoom_buttons(self.design_bar)
        centre_layout.addWidget(self.design_scroller)
        centre_layout.addWidget(self.canvas, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        # The sidebar and the form give way (dragged shut) on a small screen; the card never does.
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setCollapsible(1, False)
        # One answer to "which persona is on screen" for the list, form, canvas and actions.
        self.current = CurrentPersona(self.document, self.sidebar, self)
        self.conflicts = ConflictController(self.document, self.form, self)  # save conflicts: banner on the form
        self.persona_actions = PersonaActions(
            self.current, self.document.history, lambda: self.library,
            status=lambda text: self.statusBar().showMessage(text, 8000),
            on_list_changed=self.form.refresh_candidates, parent=self,
        )
        self.empty_panel = EmptyLibraryPanel(self.canvas)
        self.setCentralWidget(self.splitter)  # replaces (and deletes) the start-up skeleton
        self.skeleton = None
        self.setAcceptDrops(True)

        self._make_actions()
        self._make_menus()
        self._wire()
        self._update_title()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh_from_library)
        self.refresh_timer.start()
        self.backup_ticker = BackupTicker(self)
        self.backup_ticker.failed.connect(lambda text: show_user_error(self, text, title="Backup failed"))
        self.backup_ticker.backedUp.connect(lambda _path: self.statusBar().showMessage("Library backed up.", 4000))
        if library is not None:
            self.backup_ticker.set_library(library.location)
            QTimer.singleShot(0, lambda: show_library_warnings(self, library))
            show_read_only_state(self, library)

        self._restore_settings()
        self.parts_ready = True
        self._update_actions()
        self._update_empty_state()

    # ------------------------------------------------------------------ building
    def _action(self, text: str, slot, shortcut=None, *, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        from personadesigner.ui import help_dialogs, main_toolbar

        K = QKeySequence.StandardKey
        self.new_action = self._action("&New persona", self.new_persona, K.New, tip="Create a persona")
        self.import_action = self._action("&Import…", self.import_personas, tip="Import personas from JSON or CSV files")
        self.export_action = self._action("&Export…", self.export, "Ctrl+E", tip="Export cards as PDF or PNG")
        self.print_action = self._action("&Print…", self.print_cards, K.Print, tip="Print the selected cards")
        self.new_library_action = self._action("New &library…", self.new_library)
        self.open_library_action = self._action("&Open library…", self.open_library_file, K.Open)
        self.open_url_action = self._action("Open &database URL…", self.open_library_url)
        self.backups_action = self._action("&Backups…", self.show_backups, tip="Back up the library now or restore a backup")
        self.quit_action = self._action("&Quit", self.close, K.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        # Ctrl+Z: the persona's last edit or the library's last step, whichever is newer.
        self.undo_action, self.redo_action = self.document.history.make_actions(self)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.copy_image_action = self._action("Copy card &image", self.copy_card_image, "Ctrl+Shift+C")
        self.find_action = self._action("&Find…", self.focus_search, K.Find, tip="Search the library")
        self.trash_action = self._action("&Trash…", self.show_trash, tip="Restore or delete trashed personas")

        self.duplicate_action = self._action("D&uplicate", self.duplicate_persona, "Ctrl+D")
        self.delete_action = QAction("Move to &trash", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Only in the list: Delete in a text field or a list editor edits that instead.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(lambda _c=False: self.delete_personas())
        self.sidebar.view.addAction(self.delete_action)
        # Right-click on the list offers what applies to the personas there.
        separator = QAction(self)
        separator.setSeparator(True)
        self.sidebar.view.insertActions(self.delete_action, [self.new_action, self.duplicate_action, separator])
        self.sidebar.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.zoom_in_action = self._action("Zoom &in", self.zoom_in, [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action("Zoom &out", self.zoom_out, "Ctrl+-")
        self.zoom_fit_action = self._action("&Fit card", self.zoom_fit, "Ctrl+0")
        self.about_action = self._action("&About PersonaDesigner", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts_action, self.guide_action = help_dialogs.make_help_actions(self)
        main_toolbar.make_view_actions(self)

    def _make_menus(self) -> None:
        from personadesigner.ui import main_toolbar

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.new_library_action)
        file_menu.addAction(self.open_library_action)
        file_menu.addAction(self.open_url_action)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_image_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.trash_action)

        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        view_menu.addAction(self.zoom_fit_action)
        main_toolbar.install(self, view_menu)

        persona_menu = bar.addMenu("&Persona")
        persona_menu.addAction(self.new_action)
        persona_menu.addAction(self.duplicate_action)
        persona_menu.addAction(self.delete_action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _wire(self) -> None:
        doc = self.document
        doc.currentChanged.connect(self._remember_persona)
        self.sidebar.listChanged.connect(self._update_empty_state)
        self.empty_panel.newPersona.connect(self.new_persona)
        self.empty_panel.importFiles.connect(self.import_personas)
        self.empty_panel.addSamples.connect(self.add_sample_personas)
        doc.personaChanged.connect(self._mirror_persona)
        doc.personaSaved.connect(self._persona_saved)
        doc.currentChanged.connect(lambda _p: self._update_actions())
        doc.invalid.connect(lambda text, _field: self.statusBar().showMessage(f"Not saved: {text}", 8000))
        self.canvas.fieldClicked.connect(self.form.focus_field)
        self.form.fieldFocused.connect(self._form_focused)
        self.canvas.fieldEdited.connect(self._canvas_edited)
        self.canvas.viewport().installEventFilter(self)
        self.canvas.setAcceptDrops(True)
        self.canvas.viewport().setAcceptDrops(True)
        self.design_bar.designChanged.connect(self._design_changed)

    # ------------------------------------------------------------------ settings
    def _restore_geometry(self) -> None:
        geometry = self.settings.get(opts.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            em = self.fontMetrics().height()
            self.resize(em * 90, em * 56)
            screen = self.screen()
            if screen is not None:  # never larger than a laptop screen (1280 x 720, or 200 % of 2560 x 1440)
                room = screen.availableGeometry()  # less an allowance for the window frame and title
                self.resize(min(self.width(), room.width() - em // 2), min(self.height(), room.height() - em * 2))

    def _restore_settings(self) -> None:
        from personadesigner.ui import main_toolbar

        s = self.settings
        if self.skeleton is None and not self.isVisible():
            self._restore_geometry()
        state = s.get(opts.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        sizes = [int(x) for x in s.get(opts.SPLITTER_SIZES) if str(x).lstrip("-").isdigit()]
        if len(sizes) == 3 and all(x > 0 for x in sizes):
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes(main_toolbar.default_pane_widths(self.width()))
        main_toolbar.restore_form_visibility(self)
        self.sidebar.set_sort(s.get(opts.SIDEBAR_SORT))
        zoom = s.get(opts.ZOOM)
        if zoom > 0:
            self.canvas.set_zoom(zoom)
        # The card is laid out after the window's first paint: the window appears at
        # once, the card a moment later, instead of both after the whole layout.

    def open_last_persona(self) -> None:
        """Show the persona the user had open last (else the first one)."""
        if self.startup_done or self.library is None:
            return
        self.startup_done = True
        if self.document.persona is not None:
            return  # the user already picked one
        self._select_last_persona()

    def _select_last_persona(self) -> None:
        last = self.settings.last_persona(self.library.location)
        if last and self.sidebar.model.summary_for(last) is not None and self.current.show(last, reveal=True):
            return
        if self.sidebar.model.rowCount():
            self.current.show(self.sidebar.model.summary(0).id)

    def save_settings(self) -> None:
        s = self.settings
        s.set(opts.WINDOW_GEOMETRY, self.saveGeometry())
        s.set(opts.WINDOW_STATE, self.saveState())
        s.set(opts.SPLITTER_SIZES, [int(x) for x in self.splitter.sizes()])
        s.set(opts.SIDEBAR_SORT, self.sidebar.sort_combo.currentData() or "name")
        s.set(opts.ZOOM, 0.0 if self.canvas.is_fit_mode() else float(self.canvas.zoom()))
        if self.document.persona is not None and self.library is not None:
            s.set_last_persona(self.library.location, self.document.persona.id)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.parts_ready:
            self.refresh_timer.stop()
            self.backup_ticker.timer.stop()
            self.save_settings()
        super().closeEvent(event)

    # ------------------------------------------------------------------ mirroring
    def _remember_persona(self, persona: Persona | None) -> None:
        if persona is not None and self.library is not None:
            self.settings.set_last_persona(self.library.location, persona.id)

    def _update_empty_state(self) -> None:
        """An empty library shows what to do first in the card area."""
        empty = self.library is not None and self.sidebar.model.total() == 0
        if empty != self.empty_panel.isVisible():
            self.empty_panel.set_shown(empty)

    def _mirror_persona(self, persona: Persona | None) -> None:
        if persona is not None:
            self.design_bar.set_design(persona.card.template, persona.card.theme)
        self.canvas.set_persona(persona, self._related_names(persona))

    def _related_names(self, persona: Persona | None) -> dict[str, str] | None:
        if persona is None or not persona.related:
            return None
        out = {}
        for r in persona.related:
            if r.persona not in self._names:
                try:
                    self._names[r.persona] = self.library.get(r.persona).name
                except UserError:
                    self._names[r.persona] = r.persona  # an unresolved name shows as given
            out[r.persona] = self._names[r.persona]
        return out

    def _persona_saved(self, persona: Persona) -> None:
        renamed = self._names.get(persona.id, persona.name) != persona.name
        self._names[persona.id] = persona.name
        self.sidebar.model.update_persona(persona)
        if renamed:
            self.form.mark_candidates_stale()  # pickers show the new name when next used

    def _update_title(self) -> None:
        if self.library is None:
            self.setWindowTitle("PersonaDesigner")
            self.statusBar().showMessage("Opening the library…")
        else:
            # Library first, the app once: Qt's own suffix (the display name) is not added
            # again to a title that already ends with it.
            self.setWindowTitle(f"{self.library.name} — PersonaDesigner")

    def _update_actions(self) -> None:
        has = self.document.persona is not None
        has_library = self.library is not None
        for a in (self.new_action, self.import_action, self.export_action, self.trash_action):
            a.setEnabled(has_library)
        # Backups are files made with SQLite's backup API; a database server has its own.
        self.backups_action.setEnabled(has_library and library_file(self.library.location) is not None)
        for a in (self.duplicate_action, self.delete_action, self.copy_image_action, self.print_action):
            a.setEnabled(has)
        restrict_writing_actions(self)

    # ------------------------------------------------------------------ canvas
    def _canvas_edited(self, field: str, item, text: str) -> None:
        from personadesigner.core.persona import LIST_FIELDS, TEXT_FIELDS
        from personadesigner.ui.undo_commands import ListEditCommand, SetFieldCommand

        doc = self.document
        p = doc.persona
        if p is None:
            return
        doc.end_burst()
        if field == "name" or field in TEXT_FIELDS:
            doc.push(SetFieldCommand(doc, field, getattr(p, field), text))
        elif field in LIST_FIELDS and item is not None and 0 <= item < len(getattr(p, field)):
            doc.push(ListEditCommand(doc, field, item, text))
        elif field == "custom" and item is not None and 0 <= item < len(p.custom):
            records = [type(c)(c.label, c.value) for c in p.custom]
            records[item].value = text
            doc.push(SetFieldCommand(doc, "custom", p.custom, records))
        doc.end_burst()

    def _form_focused(self, field: str | None, item) -> None:
        """The card frames the text being edited in the form (kept while editing on the card)."""
        focus = QApplication.focusWidget()
        if field is None and focus is not None and (focus is self.canvas or self.canvas.isAncestorOf(focus)):
            return
        self.canvas.select_field(field, item)

    def _design_changed(self, template: str, theme: str) -> None:
        from personadesigner.core.persona import CardDesign
        from personadesigner.ui.undo_commands import SetFieldCommand

        doc = self.document
        p = doc.persona
        if p is None:
            self.canvas.set_design(template, theme)
            return
        new = CardDesign(template=template, theme=theme)
        if new != p.card:
            doc.end_burst()
            doc.push(SetFieldCommand(doc, "card", p.card, new))
            doc.end_burst()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """The card area's first paint starts the deferred work; image files dropped on it become the photo."""
        if obj is self.skeleton and obj is not None and event.type() == QEvent.Type.Paint:
            if not self._painted:
                self._painted = True
                QTimer.singleShot(0, self.firstPainted.emit)
            return False
        if not self.parts_ready:
            return super().eventFilter(obj, event)
        from personadesigner.ui.editors.photo_editor import dropped_image_path

        if obj is self.canvas.viewport():
            if event.type() == QEvent.Type.Paint:
                if not self._painted:
                    self._painted = True
                    QTimer.singleShot(0, self.firstPainted.emit)
                if not self.startup_done and self.library is not None and not self._last_persona_queued:
                    self._last_persona_queued = True  # once, not on every paint until it ran
                    QTimer.singleShot(0, self.open_last_persona)
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and dropped_image_path(event):
                event.acceptProposedAction()
                return True
            if event.type() == QEvent.Type.Drop:
                path = dropped_image_path(event)
                if path:
                    event.acceptProposedAction()
                    self.set_photo_from_file(path)
                    return True
        return super().eventFilter(obj, event)

    def dragEnterEvent(self, event) -> None:
        from personadesigner.ui.editors.photo_editor import dropped_image_path

        if self.parts_ready and dropped_image_path(event) and self.document.persona is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from personadesigner.ui.editors.photo_editor import dropped_image_path

        path = dropped_image_path(event) if self.parts_ready else None
        if path:
            event.acceptProposedAction()
            self.set_photo_from_file(path)

    def set_photo_from_file(self, path: str) -> bool:
        """Set the current persona's photo from an image file (checked; refused files change nothing)."""
        return self.form.set_photo_from_file(path)

    def zoom_in(self) -> None:
        self.canvas.zoom_in()

    def zoom_out(self) -> None:
        self.canvas.zoom_out()

    def zoom_fit(self) -> None:
        self.canvas.zoom_fit()

    # ------------------------------------------------------------------ persona actions
    def new_persona(self) -> Persona | None:
        """Ctrl+N: a new persona, shown, with its name selected for typing (Ctrl+Z removes it)."""
        persona = self.persona_actions.new_persona()
        if persona is not None:
            self.form.focus_name()
        return persona

    def delete_personas(self) -> None:
        """Delete: the persona on screen goes to the trash (Ctrl+Z or Edit > Trash… brings it back)."""
        self.persona_actions.trash()

    def duplicate_persona(self) -> Persona | None:
        return self.persona_actions.duplicate()

    def add_sample_personas(self) -> None:
        """The empty library's "Add the sample personas"."""
        self.persona_actions.add_samples()

    def show_trash(self) -> None:
        from personadesigner.ui.trash_dialog import TrashDialog

        dialog = TrashDialog(self.library, self)
        dialog.restored.connect(self.persona_actions.restored)
        dialog.purged.connect(self.persona_actions.purged)
        self.trash_dialog = dialog
        dialog.exec()
        dialog.deleteLater()  # a parented dialog lives as long as the window otherwise

    def focus_search(self) -> None:
        self.sidebar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sidebar.search.selectAll()

    # ------------------------------------------------------------------ conflicts and refresh
    def _editing(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (self.form.isAncestorOf(focus) or self.canvas.isAncestorOf(focus))

    def refresh_from_library(self) -> None:
        """The 2 s tick: another process wrote -> reload the list (and the persona if idle)."""
        if self.library is None:
            return
        try:
            version = self.library.data_version()
        except UserError:
            return
        if version == self._seen_data_version:
            return
        self._seen_data_version = version
        model = self.sidebar.model
        listed = [(s.id, s.name) for s in model.all_summaries()]
        self._names.clear()
        idle = not (self._editing() or self.document.unsaved)
        # Trashed or deleted elsewhere while the user only looks at it: its neighbour is shown.
        left = self.current.refresh(may_move=idle)
        if [(s.id, s.name) for s in model.all_summaries()] != listed:
            self.form.refresh_candidates()  # only an add, delete or rename changes the pickers
        if left is not None:
            self.statusBar().showMessage(f"\u201c{left}\u201d was moved to the trash or deleted elsewhere.", 8000)
            return
        persona = self.document.persona
        if persona is None or not idle:
            return
        # The summary just listed carries the version: no extra read to find out.
        summary = model.summary_for(persona.id)
        stale = self.document.is_stale() if summary is None else summary.version != persona.version
        if stale:  # in the trash or purged elsewhere: ask the library
            self.document.reload()

    # ------------------------------------------------------------------ libraries
    def set_library(self, library) -> None:
        """Show another library; the previous one is closed."""
        old = self.library
        if self.document.persona is not None and old is not None:
            self.settings.set_last_persona(old.location, self.document.persona.id)
        self.document.set_library(library)
        self.library = library
        self._names.clear()
        self._seen_data_version = library.data_version() if library is not None else 0
        self.sidebar.set_library(library)
        self.form.refresh_candidates()
        self.settings.add_recent_library(library.location)
        self.settings.set(opts.LAST_LIBRARY, library.location)
        self._update_title()
        self._select_last_persona()
        self.startup_done = True
        self.statusBar().clearMessage()
        self._update_actions()
        if old is not None and old is not library:
            old.close()
        self.backup_ticker.set_library(library.location)
        show_library_warnings(self, library)
        show_read_only_state(self, library)

    def _open_location(self, location: str, *, create: bool) -> bool:
        library = try_open(self, location, create=create)
        if library is None:
            return False
        self.set_library(library)
        return True

    def new_library(self) -> None:
        path = ask_new_library(self)
        if path:
            self._open_location(path, create=True)

    def open_library_file(self) -> None:
        path = ask_library_file(self)
        if path:
            self._open_location(path, create=False)

    def open_library_url(self) -> None:
        url = ask_database_url(self)
        if url:
            self._open_location(url, create=False)

    def show_backups(self) -> None:
        """File > Backups…: back up now, or restore one (the window then reloads the library)."""
        from personadesigner.ui.backups_dialog import BackupsDialog

        path = library_file(self.library.location) if self.library is not None else None
        if path is None:
            return
        dialog = BackupsDialog(path, self)
        dialog.restored.connect(lambda _p: self.reload_library())
        self.backups_dialog = dialog
        dialog.exec()
        dialog.deleteLater()

    def reload_library(self) -> None:
        """Reopen the current library (after a restore replaced its content)."""
        if self.library is None:
            return
        self.document.load(None)  # the restored file holds other versions: no stale edits
        self._open_location(self.library.location, create=False)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        here = self.library.location if self.library is not None else None
        recent = [loc for loc in self.settings.get(opts.RECENT_LIBRARIES) if loc != here]
        if not recent:
            placeholder = self.recent_menu.addAction("No other recent libraries")
            placeholder.setEnabled(False)
            return
        for loc in recent:
            action = self.recent_menu.addAction(loc)
            action.triggered.connect(lambda _c=False, where=loc: self._open_location(where, create=False))

    # ------------------------------------------------------------------ import / export / print
    def import_personas(self) -> None:
        from personadesigner.ui.import_dialog import choose_and_import

        self.persona_actions.added(choose_and_import(self, self.library))

    def export_scopes(self) -> dict[str, list[str]]:
        shown = self.current.id()
        current = [shown] if shown is not None else []
        return {
            "current": current,
            "selected": self.current.targets(),
            "all": [s.id for s in self.sidebar.model.all_summaries()],  # already loaded, in name order
            "filtered": self.sidebar.model.ids(),
        }

    def export(self) -> None:
        from personadesigner.ui.export_dialog import ExportDialog

        from personadesigner.ui.export_feedback import show_export_result

        dialog = ExportDialog(self.library, self.export_scopes(), self, settings=self.settings)
        dialog.exportFinished.connect(lambda report: show_export_result(self.statusBar(), report, dialog.exported_count))
        dialog.exec()
        dialog.deleteLater()

    def print_cards(self) -> None:
        from personadesigner.related_names import related_names
        from personadesigner.ui.print_support import print_personas

        ids = self.current.targets()
        if not ids:
            return
        personas = list(self.library.iter_personas(ids))
        template, theme = self.canvas.design()
        one = len(personas) == 1
        names = related_names(self.library, personas)
        print_personas(self, personas, template if one else None, theme if one else None, names)

    def copy_card_image(self) -> None:
        from personadesigner.ui.clipboard import copy_card_image

        if copy_card_image(self.canvas.current_layout()) is not None:
            self.statusBar().showMessage("Card image copied.", 4000)

    def about(self) -> None:
        from personadesigner.ui.help_dialogs import show_about

        show_about(self)
