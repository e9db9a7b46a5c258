"""The live card canvas: the persona's card as it will print, updated as the user types.

The canvas never edits the persona. A click tells the shell which field was
hit (so the form can focus it); an in-place edit tells it the new text (so it
becomes an undo command); the shell then calls ``set_persona`` and the card is
laid out once and repainted. Scene units are points; the view's transform is
the zoom, where 100 % shows the card at its real size on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QLabel, QWidget

from personadesigner.core.cardlayout import CardLayout, ImageItem
from personadesigner.core.layout import layout as lay_out
from personadesigner.core.persona import Persona
from personadesigner.errors import UserError
from personadesigner.render.qt_painter import register_fonts
from personadesigner.ui.canvas_edit import InPlaceEditing, editable_text
from personadesigner.ui.canvas_hints import HintItem, HintLayer
from personadesigner.ui.canvas_items import (
    CANVAS_BLEED,
    CardItem,
    CutMarkerItem,
    GuidesItem,
    PhotoMarkerItem,
    SelectionItem,
    ShadowItem,
    cut_message,
)
from personadesigner.ui.canvas_zoom import ZOOM_MAX, ZOOM_MIN, ZOOM_STEPS, CanvasZoom

__all__ = ["ZOOM_MAX", "ZOOM_MIN", "ZOOM_STEPS", "CardCanvas", "editable_text"]
#: Grey around the card, as in a DTP application.
CANVAS_BACKGROUND = QColor("#8a8d91")
#: Room around the card, as a fraction of its size (keeps the scene rect at the card's aspect).
SCENE_MARGIN = 0.06


class CardCanvas(CanvasZoom, InPlaceEditing, QGraphicsView):
    """Shows one persona's card; zoom (canvas_zoom.py), guides, click-to-focus and
    in-place editing (canvas_edit.py)."""

    fieldClicked = Signal(str, object)  # noqa: N815 (Qt signal names)
    fieldEdited = Signal(str, object, str)  # noqa: N815
    zoomChanged = Signal(float)  # noqa: N815
    layoutShown = Signal()  # noqa: N815 (a new layout is on screen: the template designer's marks follow)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        register_fonts()
        self.setObjectName("cardCanvas")
        self.setAccessibleName("Card preview")
        self._scene = QGraphicsScene(self)
        self._scene.setBackgroundBrush(QBrush(CANVAS_BACKGROUND))
        self.setScene(self._scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMouseTracking(True)

        self._shadow = ShadowItem()
        self._card = CardItem()
        self._guides = GuidesItem()
        for item in (self._shadow, self._card, self._guides):
            self._scene.addItem(item)
        self._cut_items: list[CutMarkerItem] = []
        self._cut_key: tuple = ()
        self._hints = HintLayer(self._scene)
        self._selection = SelectionItem()
        self._scene.addItem(self._selection)
        self._selected: tuple[str, int | None] | None = None
        # Cut texts with no room at all have no block to outline: a badge lists them.
        self._cut_badge = QLabel(self)
        self._cut_badge.setObjectName("cutBadge")
        self._cut_badge.setTextFormat(Qt.TextFormat.PlainText)
        self._cut_badge.setStyleSheet(
            "background: #fff3e0; color: #8a3b00; border: 1px solid #ef6c00; border-radius: 4px; padding: 3px 8px;"
        )
        self._cut_badge.hide()
        self._problem = QLabel(self)
        self._problem.setObjectName("canvasProblem")
        self._problem.setTextFormat(Qt.TextFormat.PlainText)
        self._problem.setWordWrap(True)
        self._problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._problem.setStyleSheet("color: white; font-size: 12pt; padding: 24px;")
        self._problem.hide()

        self._persona: Persona | None = None
        self._names: dict[str, str] | None = None
        self._template = "card"
        self._theme = "classic"
        self._seen_card: tuple[str, str, str] | None = None
        self._zoom = 1.0
        self._fit_mode = True
        self._editor = None  # the in-place editor, while one is open (canvas_edit.py)
        self._editing: tuple[str, int | None, str, QRectF] | None = None
        #: A template being designed (ui/template_designer.py) shown instead of the named one.
        self._template_override = None

    # ---------------------------------------------------------------- content
    def set_persona(self, persona: Persona | None, names: dict[str, str] | None = None) -> None:
        """Lay the persona out once with the current design and repaint (every model change)."""
        self._persona = persona
        self._names = names
        if persona is not None:
            seen = (persona.id, persona.card.template, persona.card.theme)
            if seen != self._seen_card:
                # A different persona, or its own design changed: show its design.
                self._seen_card = seen
                self._template, self._theme = persona.card.template, persona.card.theme
        self._relayout()

    def set_design(self, template: str, theme: str) -> None:
        """Show the card with this template and theme (re-lays out the current persona)."""
        if (template, theme) == (self._template, self._theme):
            return
        self._template, self._theme = template, theme
        self._relayout()

    def design(self) -> tuple[str, str]:
        return self._template, self._theme

    def persona(self) -> Persona | None:
        return self._persona

    def set_template_override(self, template) -> None:
        """Lay the card out on this Template (the designer's draft) instead of the named one; None: stop."""
        self._template_override = template
        # While designing, the card is cached as pixels: the designer's marks move over it without repainting it.
        cache = (
            QGraphicsItem.CacheMode.DeviceCoordinateCache if template is not None else QGraphicsItem.CacheMode.NoCache
        )
        self._card.setCacheMode(cache)
        self._relayout()

    def _relayout(self) -> None:
        if self._persona is None:
            self._show_problem(None)
            self.set_layout(None)
            self._update_hints(None)
            return
        try:
            template = self._template_override or self._template
            card = lay_out(self._persona, template, self._theme, bleed=CANVAS_BLEED, names=self._names)
        except UserError as exc:  # e.g. a design this installation does not have
            self._show_problem(str(exc))
            self.set_layout(None)
            self._update_hints(None)
            return
        self._show_problem(None)
        self.set_layout(card)
        self._update_hints(card)

    # ---------------------------------------------------------------- hints
    def _update_hints(self, card: CardLayout | None) -> None:
        """Placeholder hints for the empty sections (canvas only: they are not in the layout)."""
        persona = None if self._template_override is not None else self._persona  # none while designing
        if self._hints.update(persona, self._template, self._theme, card, bleed=CANVAS_BLEED, names=self._names):
            self._update_selection()

    def hint_items(self) -> list[HintItem]:
        """The placeholder hints shown on the card (empty sections the template would show)."""
        return self._hints.items()

    def hint_at(self, view_pos: QPointF) -> str | None:
        """The field of the placeholder hint under a viewport position, or None."""
        return self._hints.at(self.mapToScene(view_pos.toPoint()))

    def problem(self) -> str | None:
        """Why no card is shown (a known problem such as a missing template), or None."""
        return self._problem.text() if self._problem.isVisible() else None

    def _show_problem(self, message: str | None) -> None:
        if message is None:
            self._problem.hide()
            return
        self._problem.setText(message)
        self._problem.show()
        self._place_badge()

    def set_layout(self, layout: CardLayout | None, persona: Persona | None = None) -> None:
        """Show an already computed layout (set_persona calls this after laying out).

        ``persona``, when given, is the model the layout shows (in-place edits start
        from its text); set_persona has already recorded it.
        """
        if persona is not None:
            self._persona = persona
        old = self._card.layout()
        size_changed = layout is None or old is None or (old.width, old.height) != (layout.width, layout.height)
        self._card.set_layout(layout)
        self._guides.set_layout(layout)
        self._update_cut_markers(layout)
        self._update_selection()
        if size_changed:
            self._update_scene_rect()
        if self._editing is not None and layout is None:
            self._close_editor(commit=False)
        self.layoutShown.emit()

    def current_layout(self) -> CardLayout | None:
        return self._card.layout()

    def card_rect(self) -> QRectF:
        """The trim box in scene coordinates (points)."""
        return self._card.trim_rect()

    def select_field(self, field: str | None, item: int | None = None) -> None:
        """Frame the field's text on the card (the form's focused field, or the last click)."""
        self._selected = None if field is None else (field, item)
        self._update_selection()

    def selected_field(self) -> tuple[str, int | None] | None:
        return self._selected

    def selection_rect(self) -> QRectF:
        return self._selection.rect() if self._selection.isVisible() else QRectF()

    def _update_selection(self) -> None:
        layout = self._card.layout()
        rect = QRectF()
        if self._selected is not None and layout is not None:
            field, item = self._selected
            for it in layout.items:
                if getattr(it, "field", None) == field and getattr(it, "item", None) == item:
                    rect = rect.united(QRectF(it.x, it.y, it.w, it.h))
            if rect.isEmpty():  # an empty section: frame its hint, where the text will appear
                rect = self._hints.rect_for(field)
        self._selection.show_rect(rect)

    def cut_markers(self) -> list[CutMarkerItem]:
        return list(self._cut_items)

    def _update_cut_markers(self, layout: CardLayout | None) -> None:
        # cut text and text with characters no font has (drawn as boxes) are outlined alike
        blocks = [b for b in layout.text_blocks() if b.cut is not None or b.missing] if layout else []
        photos = [it for it in layout.items if isinstance(it, ImageItem) and it.low_res] if layout else []
        key = (
            tuple((b.x, b.y, b.w, b.h, b.cut, b.missing) for b in blocks)
            + tuple((p.x, p.y, p.low_res) for p in photos)
            + tuple(layout.preflight if layout else ())
        )  # items left out whole have no block
        if key == self._cut_key:
            return  # typing usually leaves the cuts as they were: keep the items
        self._cut_key = key
        self._update_cut_badge(layout)
        for item in self._cut_items:
            self._scene.removeItem(item)
        self._cut_items = [CutMarkerItem(b) for b in blocks] + [PhotoMarkerItem(p) for p in photos]
        for item in self._cut_items:
            self._scene.addItem(item)

    def cut_badge(self) -> QLabel:
        return self._cut_badge

    def _update_cut_badge(self, layout: CardLayout | None) -> None:
        cuts = layout.preflight if layout else []
        if not cuts:
            self._cut_badge.hide()
            return
        drawn = {(b.field, b.item) for b in layout.text_blocks() if b.lines}
        hidden = sum(1 for c in cuts if (c.field, c.item) not in drawn or getattr(c, "shown_chars", 1) == 0)
        fit = [c for c in cuts if hasattr(c, "shown_chars")]  # cut texts; the rest: missing fonts, broken words
        text = f"⚠ {len(fit)} text{'s' if len(fit) != 1 else ''} do not fit" if fit else ""
        if len(cuts) > len(fit):
            other = len(cuts) - len(fit)
            text += ("; " if text else "⚠ ") + f"{other} other preflight problem{'s' if other != 1 else ''}"
        if hidden:
            text += f" ({hidden} not shown)"
        self._cut_badge.setText(text)
        tips = [cut_message(c) for c in cuts[:20]]
        if len(cuts) > 20:
            tips.append(f"… and {len(cuts) - 20} more")
        self._cut_badge.setToolTip("\n".join(tips))
        self._cut_badge.adjustSize()
        self._place_badge()
        self._cut_badge.show()

    def _place_badge(self) -> None:
        self._cut_badge.move(8, self.height() - self._cut_badge.height() - 8)
        self._problem.setGeometry(self.rect())

    def _update_scene_rect(self) -> None:
        layout = self._card.layout()
        if layout is None:
            self._shadow.set_rect(QRectF())
            self._scene.setSceneRect(QRectF(0, 0, 1, 1))
            return
        self._shadow.set_rect(self._card.visible_rect())
        w, h = layout.width, layout.height
        mx, my = w * SCENE_MARGIN + CANVAS_BLEED, h * SCENE_MARGIN + CANVAS_BLEED * h / w
        self._scene.setSceneRect(QRectF(-mx, -my, w + 2 * mx, h + 2 * my))
        if self._fit_mode:
            self.zoom_fit()

    # ---------------------------------------------------------------- guides
    def set_overlays(self, trim: bool, bleed: bool, safe: bool) -> None:
        """Show the trim line, the 3 mm bleed and the safe area as thin guides."""
        self._guides.set_guides(trim, bleed, safe)
        self._card.set_show_bleed(bleed)
        self._shadow.set_rect(self._card.visible_rect())

    def overlays(self) -> tuple[bool, bool, bool]:
        return self._guides.trim, self._guides.bleed, self._guides.safe

    def guide_rects(self) -> dict[str, QRectF]:
        return self._guides.rects()

    # ------------------------------------------------------------------ view
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit_mode:
            self.zoom_fit()
        self._place_editor()
        self._place_badge()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self._place_editor()

    # ------------------------------------------------------------ hit-testing
    def field_at(self, view_pos: QPointF) -> tuple[str, int | None] | None:
        """The persona field under a viewport position, as the layout hit-tests it."""
        layout = self._card.layout()
        if layout is None:
            return None
        p = self._card.mapFromScene(self.mapToScene(view_pos.toPoint()))
        if not self._card.visible_rect().contains(p):
            return None
        return layout.hit_test(p.x(), p.y())

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self._editor is not None and not self._editor.geometry().contains(event.position().toPoint()):
            self._close_editor(commit=True)
        if event.button() == Qt.MouseButton.LeftButton:
            hinted = self.hint_at(event.position())
            if hinted is not None:  # an empty section: fill it in in the form
                self.select_field(None)
                self.fieldClicked.emit(hinted, None)
                event.accept()
                return
            hit = self.field_at(event.position())
            self.select_field(*(hit or (None, None)))
            if hit is not None:
                self.fieldClicked.emit(hit[0], hit[1])
                event.accept()
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """F2 or Enter edits the selected text in place, Esc clears the selection."""
        if self._selected is not None and event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.edit_field(*self._selected):
                event.accept()
                return
        if event.key() == Qt.Key.Key_Escape and self._selected is not None:
            self.select_field(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.field_at(event.position())
            if hit is not None and self.edit_field(*hit):
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.hint_at(event.position()) is not None:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            super().mouseMoveEvent(event)
            return
        hit = self.field_at(event.position())
        editable = hit is not None and self._persona is not None and editable_text(self._persona, *hit) is not None
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor if editable else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    # -------------------------------------------------------- in-place editing
