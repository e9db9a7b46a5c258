"""The library sidebar: search as you type, type and tag filters, sort, the persona list.

The list is a virtualised QListView (uniform row heights, only visible rows
painted); each row shows the photo thumbnail or an initials avatar, the name
in bold, the type badge and the role muted (ui/persona_delegate.py). Sizes
derive from the font, so the sidebar looks right at any display scale.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
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
from personadesigner.ui.persona_delegate import PersonaDelegate, type_colors  # noqa: F401 (type_colors: old import path)

#: Pause in typing after which the library's full-text search runs.
DEEP_SEARCH_MS = 250
SORTS = (("name", "Name"), ("updated", "Last changed"), ("type", "Type"))


class LibrarySidebar(QWidget):
    """Search, filters and the persona list; reports the persona the user picked."""

    #: The chosen persona id (None when the selection became empty).
    personaActivated = Signal(object)

    def __init__(self, library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

        self.deep_search_timer = QTimer(self)
        self.deep_search_timer.setSingleShot(True)
        self.deep_search_timer.setInterval(DEEP_SEARCH_MS)
        self.deep_search_timer.timeout.connect(self.run_deep_search)
        self.search.textChanged.connect(self._search_changed)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._query(type=self.type_combo.currentData()))
        self.tag_combo.currentIndexChanged.connect(lambda _i: self._query(tag=self.tag_combo.currentData()))
        self.sort_combo.currentIndexChanged.connect(lambda _i: self._query(sort=self.sort_combo.currentData()))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.refresh_tags()
        self.model.reload()
        self._update_count()

    # ------------------------------------------------------------ queries
    def _search_changed(self, text: str) -> None:
        self._query(search=text)
        if text.strip():
            self.deep_search_timer.start()  # restarted by every keystroke
        else:
            self.deep_search_timer.stop()

    def run_deep_search(self) -> None:
        """Typing paused: add the personas whose other fields (goals, company...) match."""
        current = self.current_id()
        if self.model.deep_search():
            self._reselect(current)
            self._update_count()

    def _query(self, **kwargs) -> None:
        current = self.current_id()
        self.model.set_query(**kwargs)
        self._reselect(current)
        self._update_count()

    def reload(self, *, keep: str | None = None) -> None:
        """Re-read the list (another process changed it, or we added/removed personas)."""
        current = keep if keep is not None else self.current_id()
        self.refresh_tags()
        self.model.reload()
        if self.model.search.strip():
            self.model.deep_search()  # keep the full-text matches the user already sees
        self._reselect(current)
        self._update_count()

    def set_library(self, library) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.search = ""
        self.model.set_library(library)
        self.refresh_tags()
        self._update_count()

    def refresh_tags(self) -> None:
        current = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("All tags", None)
        for tag in (self.model.library.tags() if self.model.library is not None else []):
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

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(f"{n} persona" + ("" if n == 1 else "s"))

    # ------------------------------------------------------------ selection
    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        s = self.model.summary(index.row()) if index.isValid() else None
        return s.id if s else None

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.summary(r).id for r in rows if self.model.summary(r)]

    def select(self, persona_id: str | None) -> bool:
        """Make this persona the current row (emits personaActivated if it changed)."""
        row = self.model.row_of(persona_id) if persona_id else -1
        if row < 0:
            return False
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
        return True

    def _reselect(self, persona_id: str | None) -> None:
        row = self.model.row_of(persona_id) if persona_id else -1
        sm = self.view.selectionModel()
        sm.blockSignals(True)
        if row >= 0:
            index = self.model.index(row)
            sm.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)
        else:
            sm.clear()
        sm.blockSignals(False)
        self.view.viewport().update()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        s = self.model.summary(current.row()) if current.isValid() else None
        self.personaActivated.emit(s.id if s else None)
