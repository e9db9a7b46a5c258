"""The library sidebar: search as you type, type and tag filters, sort, the persona list.

The list is a virtualised QListView (uniform row heights, only visible rows
painted); each row shows the photo thumbnail or an initials avatar, the name
in bold, the type badge and the role muted (ui/persona_delegate.py). Sizes
derive from the font, so the sidebar looks right at any display scale.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.persona import PERSONA_TYPES, TYPE_LABELS
from personadesigner.ui.library_model import LibraryModel
from personadesigner.ui.no_match import NoMatchPanel, no_match_text
from personadesigner.ui.persona_delegate import PersonaDelegate, type_colors  # noqa: F401 (type_colors: old import path)

#: Pause in typing after which the library's full-text search runs.
DEEP_SEARCH_MS = 250
SORTS = (("name", "Name"), ("updated", "Last changed"), ("type", "Type"))


class LibrarySidebar(QWidget):
    """Search, filters and the persona list; reports the persona the user picked.

    The sidebar never decides which persona is current: it highlights the one
    its ``current`` source names (the persona on screen, see
    ui/current_persona.py) after every reload, search or filter change, and
    reports a row the user picks through ``personaActivated``. Its public API
    is ``select``, ``show_current``, ``current_id``, ``selected_ids``,
    ``clear_filters``, ``reload`` and ``set_library``; nothing outside should
    need to touch its widgets' signals.
    """

    #: The user picked this persona (a click, the keyboard or ``select``).
    personaActivated = Signal(object)
    #: The listed rows changed (reload, search, filter, sort, library).
    listChanged = Signal()

    def __init__(
        self, library, parent: QWidget | None = None, *, current: Callable[[], str | None] | None = None
    ) -> None:
        super().__init__(parent)
        self._current_source = current
        self.model = LibraryModel(library, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search personas (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search personas")
        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName("Filter by type")
        self.type_combo.addItem("All types", None)
        for t in PERSONA_TYPES:
            self.type_combo.addItem(TYPE_LABELS[t], t)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setAccessibleName("Filter by tag")
        self.sort_combo = QComboBox(self)
        self.sort_combo.setAccessibleName("Sort by")
        for key, label in SORTS:
            self.sort_combo.addItem(label, key)
        for combo in (self.type_combo, self.tag_combo, self.sort_combo):
            # Long tags or type names must not widen the sidebar; the popup shows them whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        sort_label = QLabel("&Sort:", self)
        sort_label.setBuddy(self.sort_combo)

        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(PersonaDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName("Personas")
        self.count_label = QLabel(self)
        self.count_label.setEnabled(False)
        self.count_label.setAccessibleName("Number of personas shown")

        # In place of the list when the search or a filter hides every persona.
        self.no_match = NoMatchPanel(self)
        self.no_match_label, self.clear_button = self.no_match.label, self.no_match.clear_button
        self.clear_button.clicked.connect(self.clear_filters)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.type_combo, 1)
        filters.addWidget(self.tag_combo, 1)
        sort_row = QHBoxLayout()
        sort_row.setContentsMargins(0, 0, 0, 0)
        sort_row.addWidget(sort_label)
        sort_row.addWidget(self.sort_combo, 1)
        sort_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        em = self.fontMetrics().horizontalAdvance("M")
        layout.setContentsMargins(em // 2, em // 2, 0, em // 2)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(sort_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_match, 1)

        # Esc in the search field or the list: show every persona again.
        self.clear_filters_action = QAction("Clear search and filters", self)
        self.clear_filters_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.clear_filters_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear_filters_action.triggered.connect(lambda _c=False: self.clear_filters())
        self.addAction(self.clear_filters_action)

        self.deep_search_timer = QTimer(self)
        self.deep_search_timer.setSingleShot(True)
        self.deep_search_timer.setInterval(DEEP_SEARCH_MS)
        self.deep_search_timer.timeout.connect(self.run_deep_search)
        self.search.textChanged.connect(self._search_changed)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._query(type=self.type_combo.currentData()))
        self.tag_combo.currentIndexChanged.connect(lambda _i: self._query(tag=self.tag_combo.currentData()))
        self.sort_combo.currentIndexChanged.connect(lambda _i: self._query(sort=self.sort_combo.currentData()))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        # A click on the row that is already current still means "show this one".
        self.view.clicked.connect(self._row_clicked)
        self.refresh_tags()
        self.model.reload()
        self._list_changed()

    def set_current_source(self, current: Callable[[], str | None]) -> None:
        """Name the one source of "the persona on screen" the list highlights."""
        self._current_source = current

    def _shown_id(self) -> str | None:
        return self._current_source() if self._current_source is not None else self.current_id()

    # ------------------------------------------------------------ queries
    def _search_changed(self, text: str) -> None:
        self._query(search=text)
        if text.strip():
            self.deep_search_timer.start()  # restarted by every keystroke
        else:
            self.deep_search_timer.stop()

    def run_deep_search(self) -> None:
        """Typing paused: add the personas whose other fields (goals, company...) match."""
        self.model.deep_search()
        self._list_changed()  # the model was reset even when nothing was added

    def _query(self, **kwargs) -> None:
        self.model.set_query(**kwargs)
        self._list_changed()

    def reload(self) -> None:
        """Re-read the list (another process changed it, or we added/removed personas)."""
        self.refresh_tags()
        self.model.reload()
        if self.model.search.strip():
            self.model.deep_search()  # keep the full-text matches the user already sees
        self._list_changed()

    def set_library(self, library) -> None:
        """Show another library's personas, with no search or filter left over."""
        self._reset_filter_widgets()
        self.model.search, self.model.type_filter, self.model.tag_filter = "", None, None
        self.model.set_library(library)
        self.refresh_tags()
        self._list_changed()

    def filtering(self) -> bool:
        """True while a search or a filter hides some personas."""
        m = self.model
        return bool(m.search.strip() or m.type_filter or m.tag_filter)

    def clear_filters(self) -> None:
        """Esc or "Clear search": every persona of the library is listed again."""
        self.deep_search_timer.stop()
        if not (self.filtering() or self.search.text()):
            return
        self._reset_filter_widgets()
        self.model.set_query(search="", type=None, tag=None)
        self._list_changed()

    def _reset_filter_widgets(self) -> None:
        """Empty the search field and set the filters to "All" without querying per widget."""
        for widget in (self.search, self.type_combo, self.tag_combo):
            widget.blockSignals(True)
        self.search.clear()
        self.type_combo.setCurrentIndex(0)
        self.tag_combo.setCurrentIndex(0)
        for widget in (self.search, self.type_combo, self.tag_combo):
            widget.blockSignals(False)

    def refresh_tags(self) -> None:
        current = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("All tags", None)
        for tag in self.model.library.tags() if self.model.library is not None else []:
            self.tag_combo.addItem(tag, tag)
        i = self.tag_combo.findData(current)
        self.tag_combo.setCurrentIndex(max(i, 0))
        self.tag_combo.blockSignals(False)
        if current is not None and i < 0:
            self.model.tag_filter = None

    def set_sort(self, sort: str) -> None:
        i = self.sort_combo.findData(sort)
        if i >= 0:
            self.sort_combo.setCurrentIndex(i)

    def _list_changed(self) -> None:
        """After any change of the rows: highlight the persona on screen, count, say "no match"."""
        self.show_current(self._shown_id())
        self._update_count()
        empty_library = self.model.library is not None and self.model.total() == 0
        nothing = self.model.rowCount() == 0 and (empty_library or self.filtering())
        if nothing:
            self.no_match.say(no_match_text(self.model.search, empty_library=empty_library), can_clear=self.filtering())
        self.no_match.setVisible(nothing)
        self.view.setVisible(not nothing)
        self.listChanged.emit()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(f"{n} persona" + ("" if n == 1 else "s"))

    # ------------------------------------------------------------ selection
    def current_id(self) -> str | None:
        """The persona of the highlighted row (None when no row is)."""
        index = self.view.currentIndex()
        s = self.model.summary(index.row()) if index.isValid() else None
        return s.id if s else None

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.summary(r).id for r in rows if self.model.summary(r)]

    def select(self, persona_id: str | None) -> bool:
        """Pick this persona as the user would (personaActivated); False when it is not listed."""
        row = self.model.row_of(persona_id) if persona_id else -1
        if row < 0:
            return False
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
        self.personaActivated.emit(persona_id)  # also when the row was current already
        return True

    def show_current(self, persona_id: str | None) -> None:
        """Highlight the persona on screen (no row when it is not listed); reports nothing."""
        row = self.model.row_of(persona_id) if persona_id else -1
        sm = self.view.selectionModel()
        if row >= 0 and sm.currentIndex().row() == row and sm.hasSelection():
            # Already there: the selection the user is making around it (a click, Ctrl- or
            # Shift-click, which Qt applies right after moving the current row) stays.
            return
        index = self.model.index(row) if row >= 0 else QModelIndex()
        sm.blockSignals(True)
        if row >= 0:
            sm.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            sm.clear()
        sm.blockSignals(False)
        if row >= 0:
            self.view.scrollTo(index)
        self.view.viewport().update()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        s = self.model.summary(current.row()) if current.isValid() else None
        if s is not None:
            self.personaActivated.emit(s.id)

    def _row_clicked(self, index: QModelIndex) -> None:
        s = self.model.summary(index.row()) if index.isValid() else None
        if s is not None and s.id != self._shown_id():
            self.personaActivated.emit(s.id)
