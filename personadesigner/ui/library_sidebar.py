"""The library sidebar: search as you type, type and tag filters, sort, the persona list.

The list is a virtualised QListView (uniform row heights, only visible rows
painted); each row shows the photo thumbnail or an initials avatar, the name
in bold, the role muted and a badge in the persona type's colour. Sizes
derive from the font, so the sidebar looks right at any display scale.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.persona import PERSONA_TYPES, TYPE_LABELS, initials
from personadesigner.errors import UserError
from personadesigner.ui.library_model import LibraryModel, SummaryRole, ThumbnailRole

#: Pause in typing after which the library's full-text search runs.
DEEP_SEARCH_MS = 250
SORTS = (("name", "Name"), ("updated", "Last changed"), ("type", "Type"))
_FALLBACK_TYPE_COLORS = {
    "customer": "#2f6fb0",
    "buyer": "#2e7d5b",
    "end_user": "#7a4fb0",
    "decision_maker": "#b0632f",
    "influencer": "#b03f73",
    "negative": "#8a2222",
}


def type_colors() -> dict[str, str]:
    """The persona type accents of the default theme, so the sidebar matches the cards."""
    try:
        from personadesigner.core.themes import load_theme

        return dict(load_theme("classic").type_colors)
    except (UserError, OSError):  # the theme file is missing or unreadable: sensible defaults
        return dict(_FALLBACK_TYPE_COLORS)


class PersonaDelegate(QStyledItemDelegate):
    """Paints a row: avatar, bold name, muted role, type badge."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.colors = type_colors()

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int, int]:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.85, 6.0))
        line = QFontMetrics(option.font).height()
        pad = max(line // 3, 3)
        return bold, small, line, pad

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        _bold, _small, line, pad = self._metrics(option)
        # Narrow on purpose: list rows stretch to the view's width anyway.
        return QSize(line * 6, line * 2 + pad * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        s = index.data(SummaryRole)
        if s is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        painter.save()
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        bold, small, line, pad = self._metrics(option)
        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.65)
        accent = QColor(self.colors.get(s.type, "#666666"))

        side = r.height() - 2 * pad
        avatar = QRectF(r.left() + pad, r.top() + pad, side, side)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip = QPainterPath()
        clip.addEllipse(avatar)
        thumb = index.data(ThumbnailRole)
        if thumb is not None:
            painter.save()
            painter.setClipPath(clip)
            painter.drawPixmap(avatar.toRect(), thumb)
            painter.restore()
        else:
            painter.fillPath(clip, accent)
            painter.setPen(QColor("white"))
            painter.setFont(bold)
            painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, initials(s.name))

        x = avatar.right() + pad * 2
        right = r.right() - pad
        # Type badge, right-aligned on the first line.
        badge_text = TYPE_LABELS.get(s.type, s.type)
        sfm = QFontMetrics(small)
        badge_w = sfm.horizontalAdvance(badge_text) + pad * 2
        badge = QRectF(right - badge_w, r.top() + pad + (line - sfm.height()) / 2 - 1, badge_w, sfm.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        fill = QColor(accent)
        fill.setAlphaF(0.9 if selected else 0.15)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setFont(small)
        painter.setPen(QColor("white") if selected else accent)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)

        name_rect = QRectF(x, r.top() + pad, max(badge.left() - pad - x, 0), line)
        painter.setFont(bold)
        painter.setPen(text_color)
        fm = QFontMetrics(bold)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(s.name, Qt.TextElideMode.ElideRight, int(name_rect.width())))
        role_rect = QRectF(x, r.top() + pad + line, max(right - x, 0), line)
        painter.setFont(option.font)
        painter.setPen(muted)
        fm = QFontMetrics(option.font)
        painter.drawText(role_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(s.role, Qt.TextElideMode.ElideRight, int(role_rect.width())))
        painter.restore()


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
