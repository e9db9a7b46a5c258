"""Placeholder hints on the canvas: where the empty sections of a new persona will go.

The layout engine says where (core.placeholders); this module only shows it:
one item per hint, the section's would-be text ghosted in a dashed frame.
The items live in the canvas scene only, never in the CardLayout, so no
painter (PDF, PNG, print) can draw them.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from personadesigner.core.cardlayout import CardLayout, TextBlock, TextLine
from personadesigner.core.persona import Persona
from personadesigner.core.placeholders import Hint, empty_sections, placeholder_hints
from personadesigner.errors import UserError
from personadesigner.render.qt_painter import paint_layout
from personadesigner.ui.canvas_items import TRIM_COLOR

#: Light enough to read as "not there yet" on paper and on tinted panels.
HINT_INK = "#9aa3ad"
HINT_FRAME = QColor(120, 144, 156, 150)
HINT_FILL = QColor(30, 136, 229, 12)


def _ghost(block: TextBlock) -> TextBlock:
    """The block with every run in the hint ink."""
    lines = tuple(
        TextLine(tuple(dataclasses.replace(run, color=HINT_INK) for run in line.runs), line.text)
        for line in block.lines
    )
    return dataclasses.replace(block, lines=lines)


class HintItem(QGraphicsItem):
    """A placeholder hint on the canvas only: the empty section's would-be text, ghosted, in a dashed frame.

    Never part of the CardLayout, so no painter (PDF, PNG, print) can draw it.
    A click on it focuses the field in the form (the canvas handles the click).
    """

    PAD = 3.0

    def __init__(self, hint: Hint, width: float, height: float) -> None:
        super().__init__()
        self.hint = hint
        self.field = hint.field
        self._ghost = CardLayout(width=width, height=height, bleed=0.0, items=[_ghost(b) for b in hint.blocks])
        self.setZValue(2)
        self.setToolTip(f"{hint.text}: click to fill it in")
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the canvas handles the click
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._hover = False

    def text(self) -> str:
        return self.hint.text

    def rect(self) -> QRectF:
        h = self.hint
        return QRectF(h.x, h.y, h.w, h.h).adjusted(-self.PAD, -self.PAD, self.PAD, self.PAD)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect().adjusted(-2, -2, 2, 2)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        fill = QColor(HINT_FILL)
        if self._hover:
            fill.setAlpha(fill.alpha() * 3)
        pen = QPen(TRIM_COLOR if self._hover else HINT_FRAME, 1)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self.rect(), 2.5, 2.5)
        paint_layout(painter, self._ghost)
        painter.restore()


class HintLayer:
    """The hint items of one canvas scene, worked out again only when what they depend on changes.

    That is the design, which sections are empty and where the shown texts are:
    typing in a filled field costs no second layout.
    """

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._items: list[HintItem] = []
        self._key: tuple | None = None

    def update(
        self,
        persona: Persona | None,
        template: str,
        theme: str,
        card: CardLayout | None,
        *,
        bleed: float,
        names: dict[str, str] | None,
    ) -> bool:
        """Show the hints of ``persona`` shown as ``card``; True when they changed."""
        if card is None or persona is None:
            key = None
        else:
            try:
                empty = tuple(empty_sections(persona, template))
            except UserError:
                empty = ()
            blocks = tuple((b.x, b.y, b.w, b.h) for b in card.text_blocks()) if empty else ()
            key = (template, theme, persona.type, empty, blocks, card.width, card.height)
        if key == self._key:
            return False
        self._key = key
        for item in self._items:
            self._scene.removeItem(item)
        self._items = []
        if key is not None and key[3]:
            hints = placeholder_hints(persona, template, theme, bleed=bleed, names=names, shown=card)
            self._items = [HintItem(h, card.width, card.height) for h in hints]
            for item in self._items:
                self._scene.addItem(item)
        return True

    def items(self) -> list[HintItem]:
        return list(self._items)

    def at(self, scene_pos: QPointF) -> str | None:
        """The field of the hint at a scene position, or None."""
        for item in self._items:
            if item.rect().contains(scene_pos):
                return item.field
        return None

    def rect_for(self, field: str) -> QRectF:
        """The frame of the field's hint (empty when it has none)."""
        for item in self._items:
            if item.field == field:
                return item.rect()
        return QRectF()
