"""The app's interface icons: one name per action, drawn from the bundled Tabler SVGs.

Why a module: every toolbar button, menu entry and dialog button asks here by
the action's name ("new", "print"...), so one table decides which picture
means what. The SVGs (resources/icons/tabler, MIT, see its README) draw with
``currentColor``; :class:`TintedSvgEngine` paints them in the widget palette's
text colour at whatever size and scale is asked, so they stay sharp at 200 %
and readable on a dark theme (disabled icons use the disabled text colour).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from personadesigner.paths import resource

#: Action name -> SVG file (without .svg) in resources/icons/tabler.
ICON_FILES: dict[str, str] = {
    "new": "user-plus",
    "duplicate": "copy",
    "delete": "trash",
    "trash": "restore",
    "undo": "arrow-back-up",
    "redo": "arrow-forward-up",
    "export": "file-export",
    "import": "file-import",
    "print": "printer",
    "zoom_in": "zoom-in",
    "zoom_out": "zoom-out",
    "zoom_fit": "zoom-scan",
    "template": "template",
    "theme": "palette",
    "show_form": "layout-sidebar-right",
    "new_library": "database-plus",
    "open_library": "folder-open",
    "open_url": "server",
    "recent": "clock",
    "backups": "history",
    "quit": "door-exit",
    "copy_image": "clipboard-copy",
    "find": "search",
    "shortcuts": "keyboard",
    "guide": "book",
    "about": "info-circle",
    "design": "layout-board-split",
}


def icon_path(name: str):
    """The SVG file of an action's icon (KeyError for a name without one)."""
    return resource("icons", "tabler", ICON_FILES[name] + ".svg")


@cache
def _svg_source(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


def _colour_for(mode: QIcon.Mode) -> str:
    palette = QApplication.palette()
    if mode == QIcon.Mode.Disabled:
        colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    elif mode == QIcon.Mode.Selected:
        colour = palette.color(QPalette.ColorRole.HighlightedText)
    else:
        colour = palette.color(QPalette.ColorRole.WindowText)
    return colour.name()


class TintedSvgEngine(QIconEngine):
    """Renders one ``currentColor`` SVG in the palette's colour for each icon mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self.name)

    def _renderer(self, mode: QIcon.Mode):
        from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon painted, not at start-up

        svg = _svg_source(self.name).replace("currentColor", _colour_for(mode))
        return QSvgRenderer(QByteArray(svg.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        square = QRect(rect.x() + (rect.width() - side) // 2, rect.y() + (rect.height() - side) // 2, side, side)
        self._renderer(mode).render(painter, square)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)), mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        side = min(size.width(), size.height())
        return QSize(side, side)

    def key(self) -> str:
        return "personadesigner-tinted-svg"

    def isNull(self) -> bool:  # noqa: N802
        return False


def icon(name: str) -> QIcon:
    """The icon of an action by name ("new", "print"...); see ICON_FILES."""
    if name not in ICON_FILES:
        raise KeyError(f"no icon for {name!r}")
    return QIcon(TintedSvgEngine(name))


def set_icon(target, name: str) -> None:
    """Give an action or a button its icon (``target.setIcon``)."""
    target.setIcon(icon(name))
