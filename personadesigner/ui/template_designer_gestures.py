"""The template designer's gestures on the canvas: click to select, drag to move or resize, keys.

A mixin of TemplateDesigner (ui/template_designer.py): it filters the canvas's
mouse and key events while designing, asks ui/template_designer_geometry.py
where things are, and turns a finished gesture into one edit (one undo step).
The marks a gesture shows while it runs (ghost, drop line, guides, safe area)
are only the overlay's state: nothing is laid out again until the drop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent

from personadesigner.core import template_edit as E
from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.templates import length
from personadesigner.ui import template_designer_geometry as G

#: How far the pointer moves before a press becomes a drag, and how near an edge grabs it (screen pixels).
DRAG_PX = 4.0
GRAB_PX = 6.0
SNAP_PX = 6.0
_MOUSE = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
)


class DesignGestures:
    """Mouse and keys of TemplateDesigner (which provides canvas, data, select, edit, _refresh...)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not self.active:
            return False
        kind = event.type()
        if obj is self._viewport and kind in _MOUSE:
            return self._mouse(kind, event)
        if obj is self.canvas and kind == QEvent.Type.KeyPress:
            return self._key(event)
        return False

    def _card_point(self, event) -> QPointF:
        return self.canvas.mapToScene(event.position().toPoint())

    def _px(self) -> float:
        """One screen pixel in card points."""
        return 1.0 / (self.canvas.transform().m11() or 1.0)

    def _mouse(self, kind, event) -> bool:
        if kind == QEvent.Type.MouseButtonDblClick:
            return True  # no in-place editing while designing
        if kind == QEvent.Type.MouseButtonPress:
            return self._pressed(event)
        if kind == QEvent.Type.MouseMove:
            return self._moved(event)
        return self._released(event)

    def _pressed(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        card = self.layout()
        if card is None:
            return False
        self.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
        p = self._card_point(event)
        self._press = (event.position(), p)
        edges = self._edges(card, p)
        if edges:
            area = G.flow_area(card, self.selected[0])
            self._drag = {"kind": "resize", "edges": edges, "area": area, "rect": G.area_rect(area), "pending": True}
            return True
        sec = card.section_at(p.x(), p.y())
        if sec is not None:
            self.select((sec.region, sec.item))
        else:
            area = G.flow_at(card, p.x(), p.y())
            self.select((area.region, None) if area is not None else None)
        return True

    def _edges(self, card: CardLayout, p: QPointF) -> str:
        if self.selected is None:
            return ""
        area = G.flow_area(card, self.selected[0])
        if area is None:
            return ""
        return G.edge_at(G.area_rect(area), p.x(), p.y(), GRAB_PX * self._px())

    def _moved(self, event) -> bool:
        card = self.layout()
        if card is None:
            return False
        p = self._card_point(event)
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            self._hovered(card, p)
            return False
        start_view, start = self._press
        if self._drag is None and self.selected_section() is not None:
            if (event.position() - start_view).manhattanLength() < DRAG_PX:
                return True
            self._drag = {"kind": "section", "source": self.selected_section()}
        drag = self._drag
        if drag is None:
            return True
        drag.pop("pending", None)
        if drag["kind"] == "resize":
            lines = G.snap_lines(card, drag["area"].region, length(self.template.margin, 1.0, card.height))
            drag["rect"], drag["guides"] = G.resized(
                G.area_rect(drag["area"]), drag["edges"], p.x() - start.x(), p.y() - start.y(), lines,
                SNAP_PX * self._px(),
            )  # fmt: skip
        else:
            self._dragging_section(card, drag, p, start)
        if drag["kind"] == "section":
            self._viewport.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._refresh(changed=False)
        return True

    def _dragging_section(self, card: CardLayout, drag: dict, p: QPointF, start: QPointF) -> None:
        src = drag["source"]
        rect = G.section_rect(card, *src)
        if rect is not None:
            x, y, w, h = rect
            drag["ghost"] = (x + p.x() - start.x(), y + p.y() - start.y(), w, h)
        area = G.flow_at(card, p.x(), p.y(), reach=12.0)
        count = len(self.data["regions"][area.region].get("items") or []) if area is not None else None
        drag["drop"] = G.drop_at(card, p.x(), p.y(), src, count)

    def _hovered(self, card: CardLayout, p: QPointF) -> None:
        edges = self._edges(card, p)
        sec = card.section_at(p.x(), p.y())
        hover = (sec.region, sec.item) if sec is not None else None
        cursor = Qt.CursorShape.ArrowCursor
        if edges:
            cursor = {"l": Qt.CursorShape.SizeHorCursor, "r": Qt.CursorShape.SizeHorCursor,
                      "t": Qt.CursorShape.SizeVerCursor, "b": Qt.CursorShape.SizeVerCursor,
                      "lt": Qt.CursorShape.SizeFDiagCursor, "rb": Qt.CursorShape.SizeFDiagCursor,
                      }.get(edges, Qt.CursorShape.SizeBDiagCursor)  # fmt: skip
        elif hover is not None:
            cursor = Qt.CursorShape.OpenHandCursor
        self._viewport.setCursor(cursor)
        if hover != self._hover:
            self._hover = hover
            self._refresh(changed=False)

    def _released(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        drag, self._drag, self._press = self._drag, None, None
        if drag is None or drag.get("pending"):
            return True
        card = self.layout()
        done = False
        if drag["kind"] == "resize" and card is not None:
            area = drag["area"]
            done = self.edit(
                "Resize region", E.resize_region, area.region, G.area_rect(area), drag["rect"],
                (card.width, card.height), area.offset,
            )  # fmt: skip
        elif drag["kind"] == "section" and drag.get("drop") is not None:
            drop = drag["drop"]
            done = self.edit(
                "Move section", E.move_section, drag["source"], drop.region, drop.index,
                select=(drop.region, drop.index),
            )  # fmt: skip
        if not done:
            self._refresh(changed=False)
        return True

    def select_next(self, step: int) -> None:
        """Up/Down: select the previous or next section on the card (the keyboard's way to pick one)."""
        card = self.layout()
        if card is None:
            return
        order = {area.region: k for k, area in enumerate(card.flows)}
        shown = sorted({(s.region, s.item) for s in card.sections}, key=lambda sec: (order.get(sec[0], 0), sec[1]))
        if not shown:
            return
        current = self.selected_section()
        k = shown.index(current) + step if current in shown else (0 if step > 0 else len(shown) - 1)
        self.select(shown[max(0, min(k, len(shown) - 1))])

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        K = Qt.Key
        if alt and key in (K.Key_Up, K.Key_Down):
            self.move_selected(-1 if key == K.Key_Up else 1)
        elif (alt and key in (K.Key_Left, K.Key_Right)) or (ctrl and key in (K.Key_BracketLeft, K.Key_BracketRight)):
            self.move_to_flow(-1 if key in (K.Key_Left, K.Key_BracketLeft) else 1)
        elif not (alt or ctrl) and key in (K.Key_Delete, K.Key_Backspace, K.Key_H):
            self.hide_selected()
        elif not (alt or ctrl) and key in (K.Key_Up, K.Key_Down):
            self.select_next(-1 if key == K.Key_Up else 1)
        elif key == K.Key_Escape and self.selected is not None:
            self.select(None)
        else:
            return False
        return True
