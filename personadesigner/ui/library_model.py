"""The sidebar's list model: one row per PersonaSummary, thumbnails on demand.

Rows are the library's light summaries (no photos, no long texts), so a
10,000-persona library lists in milliseconds; a thumbnail is asked from the
library only when its row is painted, then kept in a small cache keyed by the
photo's content hash (two personas with one photo share it).

Search as you type must answer within a keystroke even over 10,000 personas,
so the model keeps every live summary in memory and filters names, roles and
tags there at once; ``deep_search`` (run by the sidebar when typing pauses)
then asks the library, whose search also covers goals, pain points, quote,
company and more, and shows its (larger) answer.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap

from personadesigner.core.persona import PERSONA_TYPES, TYPE_LABELS, fold  # the library's own folding
from personadesigner.errors import UserError
from personadesigner.lru import LruCache
from personadesigner.ui import stale_badge

#: Custom roles the delegate reads.
SummaryRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
ThumbnailRole = Qt.ItemDataRole.UserRole + 3
StaleRole = Qt.ItemDataRole.UserRole + 4  # last validated too long ago (ui/stale_badge.py)

THUMB_CACHE_MAX = 512


class LibraryModel(QAbstractListModel):
    """Persona summaries of the library, as filtered and sorted by the library itself."""

    def __init__(self, library, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self._rows: list = []
        self._all: list = []
        self._all_row: dict[str, int] = {}
        self._folded: list[tuple[str, tuple[str, ...]]] = []
        self._deep_ids: set[str] | None = None
        self._row_of: dict[str, int] = {}
        self._thumbs: LruCache[tuple[str, int], QPixmap | None] = LruCache(THUMB_CACHE_MAX)
        self.thumb_size = 64
        self.search = ""
        self.type_filter: str | None = None
        self.tag_filter: str | None = None
        self.sort = "name"

    # ------------------------------------------------------------ loading
    def set_library(self, library) -> None:
        self.library = library
        self._thumbs.clear()
        self.reload()

    def reload(self) -> None:
        """Read every live summary again, then filter and sort them in memory."""
        self._all = self.library.list(sort="name") if self.library is not None else []
        self.stale = stale_badge.load_stale_ids(self.library)
        self._all_row = {s.id: i for i, s in enumerate(self._all)}
        self._folded = [self._fold_summary(s) for s in self._all]
        self._deep_ids = None
        self._apply()

    def set_query(
        self, *, search: str | None = None, type: str | None = "", tag: str | None = "", sort: str | None = None
    ) -> None:
        """Change what is listed; ``""`` for type/tag means "leave as is", None means "all"."""
        if search is not None and search != self.search:
            self.search = search
            self._deep_ids = None
        if type != "":
            self.type_filter = type
        if tag != "":
            self.tag_filter = tag
        if sort is not None:
            self.sort = sort
        self._apply()

    def deep_search(self) -> bool:
        """Ask the library for the full-text matches of the search; True if rows were added."""
        needle = self.search.strip()
        if not needle or self.library is None:
            return False
        before = len(self._rows)
        self._deep_ids = {s.id for s in self.library.list(search=needle)}
        self._apply()
        return len(self._rows) > before

    @staticmethod
    def _fold_summary(s) -> tuple[str, tuple[str, ...]]:
        """What the quick filter searches (name, role, tags), folded once per reload."""
        tags = tuple(fold(t) for t in s.tags)
        return "\n".join((fold(s.name), fold(s.role), *tags)), tags

    def _apply(self) -> None:
        needle = fold(self.search.strip())
        wanted_tag = fold(self.tag_filter) if self.tag_filter else None
        deep = self._deep_ids if needle else None
        rows = []
        for s, (text, tags) in zip(self._all, self._folded):  # already in name order
            if self.type_filter and s.type != self.type_filter:
                continue
            if wanted_tag is not None and wanted_tag not in tags:
                continue
            if needle and needle not in text and not (deep is not None and s.id in deep):
                continue
            rows.append(s)
        if self.sort == "updated":
            rows.sort(key=lambda s: s.updated_at, reverse=True)
        elif self.sort == "type":
            order = {t: i for i, t in enumerate(PERSONA_TYPES)}
            rows.sort(key=lambda s: order.get(s.type, len(order)))
        self.beginResetModel()
        self._rows = rows
        self._row_of = {s.id: i for i, s in enumerate(rows)}
        self.endResetModel()

    def update_persona(self, persona) -> None:
        """A persona was saved: refresh its row in place (no full reload while typing)."""
        row = self._row_of.get(persona.id)
        i = self._all_row.get(persona.id)
        if row is None and i is None:
            return
        # A row hidden by the search still feeds the related-persona pickers: update it too.
        old = self._rows[row] if row is not None else self._all[i]
        stale = self.__dict__.setdefault("stale", set())
        was_stale = persona.id in stale
        stale_badge.note_saved(stale, persona)
        summary = type(old)(
            id=persona.id,
            name=persona.name,
            type=persona.type,
            role=persona.role,
            tags=tuple(persona.tags),
            photo_hash=self._photo_hash(persona),
            updated_at=persona.updated_at,
            version=persona.version,
        )
        if summary != old:
            if i is not None:
                self._all[i] = summary
                self._folded[i] = self._fold_summary(summary)
            if row is not None:
                self._rows[row] = summary
                # Every save bumps the version: repaint the row only when what it shows changed.
                if _shown(summary) != _shown(old) or was_stale != (persona.id in stale):
                    index = self.index(row)
                    self.dataChanged.emit(index, index)

    def _photo_hash(self, persona) -> str | None:
        """The stored photo's hash; typing saves the same photo object again and again,
        so it is hashed once, not on every keystroke."""
        photo = persona.photo
        if photo is None:
            return None
        last = getattr(self, "_last_photo", None)
        if last is not None and last[0] is photo:
            return last[1]
        from personadesigner.images import photo_hash

        digest = photo_hash(photo)
        self._last_photo = (photo, digest)  # holds the bytes, so "is" cannot match a reused id
        return digest

    # ------------------------------------------------------------ access
    def summary(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, persona_id: str) -> int:
        return self._row_of.get(persona_id, -1)

    def summary_for(self, persona_id: str):
        """The live summary of this persona (None when it is not in the library's list)."""
        i = self._all_row.get(persona_id)
        return self._all[i] if i is not None else None

    def all_summaries(self) -> list:
        """Every live persona of the library (before search and filters), in name order."""
        return list(self._all)

    def total(self) -> int:
        """How many live personas the library has (searched or not); no copy of the list."""
        return len(self._all)

    def ids(self) -> list[str]:
        return [s.id for s in self._rows]

    def thumbnail(self, photo_hash: str | None) -> QPixmap | None:
        if not photo_hash:
            return None
        return self._thumbs.get_or_make((photo_hash, self.thumb_size), lambda: self._load_thumbnail(photo_hash))

    def _load_thumbnail(self, photo_hash: str) -> QPixmap | None:
        try:
            data = self.library.thumbnail(photo_hash, self.thumb_size)
        except UserError:  # a missing photo row, a busy library: the avatar instead
            data = None
        pixmap = QPixmap()
        if not data or not pixmap.loadFromData(QByteArray(data)):
            return None
        return pixmap

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.name
        if role == SummaryRole:
            return s
        if role == IdRole:
            return s.id
        if role == ThumbnailRole:
            return self.thumbnail(s.photo_hash)
        if role == StaleRole:
            return s.id in getattr(self, "stale", ())
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{s.name}\n{s.role}\n{TYPE_LABELS.get(s.type, s.type)}" if s.role else s.name
            return f"{tip}\n{stale_badge.TOOLTIP}" if s.id in getattr(self, "stale", ()) else tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [s.name, TYPE_LABELS.get(s.type, s.type)]
            if s.role:
                parts.insert(1, s.role)
            return ", ".join(parts)
        return None


def _shown(s) -> tuple:  # noqa: ANN001 - a PersonaSummary
    """What a sidebar row draws of a persona."""
    return (s.name, s.type, s.role, s.photo_hash)
