"""The design gallery: the current persona in every template and every theme, as thumbnails.

A combo box of template names says little ("Profile (one page)" — how does
it look with my persona?) and clips long names. The gallery shows the real
card: each thumbnail is the layout engine's result painted by the shared Qt
painter, so what is picked is exactly what the canvas and the print show.

Opening stays fast: tiles appear at once with their names, thumbnails are
painted one per event-loop turn afterwards and cached per persona content
and design content (core/design_fingerprint.py: a template or theme saved again
under the same name is painted anew), so reopening the gallery on an unchanged
persona paints nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personadesigner.core.persona import Persona
from personadesigner.errors import UserError
from personadesigner.lru import LruCache

#: Thumbnails fit in this square (logical pixels).
THUMB = 150
_NOT_CONTENT = frozenset({"card", "created_at", "updated_at"})
_cache: LruCache[tuple, QImage] = LruCache(64)


def persona_key(persona: Persona) -> str:
    """A fingerprint of the persona's content (not its design or timestamps): equal content, equal thumbnails."""
    content = {f.name: getattr(persona, f.name) for f in dataclasses.fields(persona) if f.name not in _NOT_CONTENT}
    return hashlib.sha1(repr(content).encode("utf-8", "replace")).hexdigest()


def render_thumbnail(
    persona: Persona,
    template: str,
    theme: str,
    *,
    size: int = THUMB,
    dpr: float = 1.0,
    names: dict[str, str] | None = None,
) -> QImage:
    """The persona's card on ``template`` with ``theme``, scaled to fit ``size`` px (cached)."""
    from personadesigner.core.design_fingerprint import design_fingerprint

    key = (persona_key(persona), template, theme, design_fingerprint(template, theme), size, dpr)
    return _cache.get_or_make(key, lambda: _paint(persona, template, theme, size, dpr, names))


def _paint(persona: Persona, template: str, theme: str, size: int, dpr: float, names) -> QImage:
    from personadesigner.core.layout import layout
    from personadesigner.render.qt_painter import paint_layout, register_fonts

    register_fonts()
    px = round(size * dpr)
    image = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    try:
        card = layout(persona, template, theme, names=names)
    except (UserError, ValueError) as exc:  # a broken design still gets a tile that says why
        painter.setPen(QColor("#b3261e"))
        painter.drawText(
            image.rect().adjusted(6, 6, -6, -6), Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter, str(exc)
        )
        painter.end()
        image.setDevicePixelRatio(dpr)
        return image
    scale = (px - 4 * dpr) / max(card.width, card.height)
    w, h = card.width * scale, card.height * scale
    painter.translate((px - w) / 2, (px - h) / 2)
    # A soft shadow and the paper, then the card as it prints.
    painter.fillRect(QRectF(1.5 * dpr, 1.5 * dpr, w, h), QColor(0, 0, 0, 40))
    painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
    painter.save()
    painter.setClipRect(QRectF(0, 0, w, h))
    painter.scale(scale, scale)
    paint_layout(painter, card)
    painter.restore()
    pen = QPen(QColor(0, 0, 0, 60))
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawRect(QRectF(0, 0, w, h))
    painter.end()
    image.setDevicePixelRatio(dpr)
    return image


class _Tiles(QListWidget):
    """A row of thumbnails; arrows move, Enter or a click picks."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setSpacing(6)
        # The current design: a light tint and a frame, the thumbnail stays readable.
        self.setStyleSheet(
            "QListView { background: transparent; }"
            "QListView::item { border: 2px solid transparent; border-radius: 6px; padding: 2px; }"
            "QListView::item:selected { background: rgba(30, 136, 229, 30); border-color: #1e88e5; color: palette(text); }"
            "QListView::item:hover:!selected { background: rgba(0, 0, 0, 18); }"
        )
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        grid = QSize(THUMB + 28, THUMB + 2 * self.fontMetrics().lineSpacing() + 22)
        self.setGridSize(grid)
        # Tiles on the dialog's own background, as a gallery (not a white list box).
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setFixedHeight(grid.height() + self.horizontalScrollBar().sizeHint().height() + 4)

    def sizeHint(self) -> QSize:  # noqa: N802
        grid = self.gridSize()
        return QSize(grid.width() * max(1, self.count()) + 16, self.height())


class TemplateGallery(QDialog):
    """Thumbnails of the persona in every template (first row) and theme (second row).

    ``designChosen(template, theme)`` on a click or Enter; the caller applies it
    (as an undoable design change) and the gallery marks the new current one.
    """

    designChosen = Signal(str, str)  # noqa: N815

    def __init__(
        self,
        persona: Persona | None,
        template: str,
        theme: str,
        parent: QWidget | None = None,
        names: dict[str, str] | None = None,
        actions: list | None = None,
    ) -> None:
        """``actions``: the window's template actions (duplicate, import, export, delete), shown as
        buttons under the templates (ui.template_library)."""
        super().__init__(parent)
        from personadesigner.ui.design_bar import theme_choices

        self.setObjectName("templateGallery")
        self.setWindowTitle("Templates and themes")
        self.persona = (
            persona
            if persona is not None
            else Persona(name="Sample persona", role="Role", goals=["A goal"], pain_points=["A pain point"])
        )
        self.names = names
        self.template, self.theme = template, theme
        self._queue: list[tuple[QListWidgetItem, str, str]] = []
        # Owned by the dialog: a closed and deleted gallery paints nothing more.
        self._painter_timer = QTimer(self)
        self._painter_timer.setSingleShot(True)
        self._painter_timer.setInterval(0)
        self._painter_timer.timeout.connect(self._paint_next)
        layout = QVBoxLayout(self)
        self.templates = _Tiles("galleryTemplates", self)
        self.templates.setAccessibleName("Templates")
        self.themes = _Tiles("galleryThemes", self)
        self.themes.setAccessibleName("Themes")
        for title, tiles in (("&Templates", self.templates), ("T&hemes", self.themes)):
            label = QLabel(title, self)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            label.setBuddy(tiles)
            layout.addWidget(label)
            layout.addWidget(tiles)
            if tiles is self.templates and actions:
                layout.addLayout(self._buttons(actions))
        self._add_templates()
        for name, title in theme_choices():
            self._add(self.themes, name, title, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        tip = QLabel("Click a design (or press Enter) to use it for this persona; Ctrl+Z undoes it.", self)
        tip.setEnabled(False)  # muted, like a caption
        foot = QHBoxLayout()
        foot.addWidget(tip, 1)
        foot.addWidget(buttons)
        layout.addLayout(foot)
        self.templates.itemClicked.connect(lambda item: self._pick(template=item.data(Qt.ItemDataRole.UserRole)))
        self.themes.itemClicked.connect(lambda item: self._pick(theme=item.data(Qt.ItemDataRole.UserRole)))
        self.templates.itemActivated.connect(lambda item: self._pick(template=item.data(Qt.ItemDataRole.UserRole)))
        self.themes.itemActivated.connect(lambda item: self._pick(theme=item.data(Qt.ItemDataRole.UserRole)))
        self._mark_current()
        self._fit_to_screen()
        self._requeue()
        self.templates.setFocus()

    def _fit_to_screen(self) -> None:
        """Wide enough for every tile when the screen allows; the rows scroll otherwise."""
        tiles = max(self.templates.count(), self.themes.count())
        margins = self.layout().contentsMargins()
        width = self.templates.gridSize().width() * tiles + 2 * self.templates.frameWidth() + 24
        width += margins.left() + margins.right()
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            width = min(width, int(screen.availableGeometry().width() * 0.9))
        self.resize(width, self.minimumSizeHint().height())

    def _buttons(self, actions: list) -> QHBoxLayout:
        """Duplicate, Import…, Export…, Delete: the window's actions (enabled as they are)."""
        row = QHBoxLayout()
        self.template_buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
            self.template_buttons.append(button)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------ tiles
    def _add_templates(self) -> None:
        from personadesigner.core.templates import is_builtin_template
        from personadesigner.ui.design_bar import template_choices

        for name, title, size in template_choices():
            if not is_builtin_template(name):  # the library's own (editable, deletable)
                size = f"{size} \u00b7 library" if size else "library"
            self._add(self.templates, name, f"{title}\n{size}" if size else title, title)

    def refresh_designs(self) -> None:
        """List the templates and themes again (one was made, imported, deleted, or changed elsewhere)."""
        from personadesigner.ui.design_bar import theme_choices

        self.templates.clear()
        self._add_templates()
        self.themes.clear()
        for name, title in theme_choices():
            self._add(self.themes, name, title, title)
        self._mark_current()
        self._requeue()

    def show_current(self, template: str, theme: str) -> None:
        """Mark ``template``/``theme`` as the current design (chosen outside the gallery)."""
        self.template, self.theme = template, theme
        self._mark_current()
        self._requeue()

    def _add(self, tiles: _Tiles, name: str, text: str, title: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setData(Qt.ItemDataRole.UserRole + 1, text)
        item.setToolTip(title)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        item.setIcon(self._blank())
        tiles.addItem(item)

    def _blank(self) -> QIcon:
        pixmap = QPixmap(THUMB, THUMB)
        pixmap.fill(QColor(0, 0, 0, 0))
        return QIcon(pixmap)

    def items(self, tiles: _Tiles) -> list[QListWidgetItem]:
        return [tiles.item(i) for i in range(tiles.count())]

    def _requeue(self) -> None:
        """Thumbnails to paint: the templates in the current theme, the themes on the current template."""
        self._queue = [(item, item.data(Qt.ItemDataRole.UserRole), self.theme) for item in self.items(self.templates)]
        self._queue += [
            (self.themes.item(i), self.template, self.themes.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.themes.count())
        ]
        self._painter_timer.start()

    def _paint_next(self) -> None:
        if not self._queue:
            return
        item, template, theme = self._queue.pop(0)
        image = render_thumbnail(self.persona, template, theme, dpr=self.devicePixelRatioF(), names=self.names)
        icon = QIcon()
        pixmap = QPixmap.fromImage(image)
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
            icon.addPixmap(pixmap, mode)  # the current one is framed, its thumbnail not tinted
        item.setIcon(icon)
        item.setData(Qt.ItemDataRole.UserRole + 2, (template, theme))
        if self._queue:
            self._painter_timer.start()

    def paint_all(self) -> None:
        """Paint every pending thumbnail now (tests, screenshots)."""
        while self._queue:
            self._paint_next()

    def thumbnail(self, tiles: _Tiles, name: str) -> QImage | None:
        """The painted thumbnail of a tile, None while it is still pending."""
        for item in self.items(tiles):
            if item.data(Qt.ItemDataRole.UserRole) == name and item.data(Qt.ItemDataRole.UserRole + 2):
                template, theme = item.data(Qt.ItemDataRole.UserRole + 2)
                return render_thumbnail(self.persona, template, theme, dpr=self.devicePixelRatioF(), names=self.names)
        return None

    # ------------------------------------------------------------ current and picking
    def _mark_current(self) -> None:
        for tiles, current in ((self.templates, self.template), (self.themes, self.theme)):
            for item in self.items(tiles):
                mine = item.data(Qt.ItemDataRole.UserRole) == current
                text = item.data(Qt.ItemDataRole.UserRole + 1)
                item.setText(f"\u2713 {text}" if mine else text)
                font = QFont(item.font())
                font.setBold(mine)
                item.setFont(font)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text} (current)" if mine else text)
                if mine:
                    tiles.setCurrentItem(item)

    def current(self) -> tuple[str, str]:
        return self.template, self.theme

    def _pick(self, *, template: str | None = None, theme: str | None = None) -> None:
        new = (template or self.template, theme or self.theme)
        if new == (self.template, self.theme):
            return
        self.template, self.theme = new
        self._mark_current()
        self._requeue()  # the other row shows the new choice
        self.designChosen.emit(*new)

    def set_persona(self, persona: Persona) -> None:
        """The persona changed while the gallery is open: repaint from the cache or anew."""
        self.persona = persona
        self._requeue()
