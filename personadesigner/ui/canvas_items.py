"""The graphics items of the card canvas: the card, its shadow, guides and cut markers.

The card item only hands its CardLayout to the shared Qt painter (the same
draw call the PNG writer and printing use), so the canvas cannot disagree
with the print. Items live in points (scene units); the view's transform is
the zoom. Guides and markers use cosmetic pens so they stay one pixel thin at
every zoom.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem

from personadesigner.core.cardlayout import CardLayout, ImageItem, Primitive, Rule, TextBlock
from personadesigner.core.persona import field_label
from personadesigner.core.units import PT_PER_MM
from personadesigner.render.qt_painter import paint_layout

#: The bleed shown by the bleed guide (and laid out around the card): 3 mm.
CANVAS_BLEED = 3 * PT_PER_MM

TRIM_COLOR = QColor("#1e88e5")
BLEED_COLOR = QColor("#e53935")
SAFE_COLOR = QColor("#43a047")
CUT_COLOR = QColor("#ef6c00")
#: Room around a primitive's frame for what is drawn outside it (descenders, strokes).
INK_MARGIN = 6.0
#: More changed primitives than this: repaint the whole card rather than many pieces
#: (a keystroke that moves two sections on the profile changes 28: their panels, lines and heading icons).
PARTIAL_LIMIT = 32


def item_rect(it: Primitive) -> QRectF:
    """The area a primitive may ink, in card points (its frame plus a margin)."""
    m = INK_MARGIN
    if isinstance(it, Rule):
        r = QRectF(min(it.x1, it.x2), min(it.y1, it.y2), abs(it.x2 - it.x1), abs(it.y2 - it.y1))
        m += it.width
    else:
        r = QRectF(it.x, it.y, it.w, it.h)
        if isinstance(it, TextBlock):  # big type overhangs its frame more (poster headings)
            m = max([m] + [run.size * 0.5 for line in it.lines for run in line.runs])
        else:
            m += getattr(it, "stroke_width", 0.0)
    return r.adjusted(-m, -m, m, m)


def changed_area(old: CardLayout | None, new: CardLayout | None) -> QRectF | None:
    """Where two layouts of the same card differ; None when the whole card must repaint.

    Typing changes a line or two: repainting only that area keeps a keystroke
    well inside one frame even on text-dense templates.
    """
    if old is None or new is None or (old.width, old.height, old.bleed) != (new.width, new.height, new.bleed):
        return None
    try:
        diff = set(old.items).symmetric_difference(new.items)
    except TypeError:  # an unhashable primitive: play safe
        return None
    if len(diff) > PARTIAL_LIMIT:
        return None
    area = QRectF()
    for it in diff:
        area = area.united(item_rect(it))
    return area


class CardItem(QGraphicsItem):
    """The card: paints one CardLayout in points, clipped to the trim unless bleed shows."""

    def __init__(self) -> None:
        super().__init__()
        self._layout: CardLayout | None = None
        self._show_bleed = False
        self.setZValue(1)
        # exposedRect tells paint() which part needs drawing (partial repaints).
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_layout(self, layout: CardLayout | None) -> None:
        area = changed_area(self._layout, layout)
        if layout is None or self._layout is None or self._outer(layout) != self._outer(self._layout):
            self.prepareGeometryChange()
        self._layout = layout
        if area is None:
            self.update()
        elif not area.isEmpty():
            self.update(area)

    def layout(self) -> CardLayout | None:
        return self._layout

    def set_show_bleed(self, show: bool) -> None:
        if show != self._show_bleed:
            self.prepareGeometryChange()
            self._show_bleed = show
            self.update()

    def trim_rect(self) -> QRectF:
        if self._layout is None:
            return QRectF()
        return QRectF(0, 0, self._layout.width, self._layout.height)

    def visible_rect(self) -> QRectF:
        """What is drawn: the trim, plus the bleed when the bleed guide is on."""
        if self._layout is None:
            return QRectF()
        if self._show_bleed:
            return self._outer(self._layout)
        return self.trim_rect()

    @staticmethod
    def _outer(layout: CardLayout) -> QRectF:
        b = layout.bleed
        return QRectF(-b, -b, layout.width + 2 * b, layout.height + 2 * b)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self.visible_rect()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self._layout is None:
            return
        rect = self.visible_rect()
        painter.save()
        painter.setClipRect(rect)
        # Paper first: a card whose theme leaves areas transparent still reads as paper.
        painter.fillRect(rect, QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        paint_layout(painter, self._visible_part(option.exposedRect))
        painter.restore()

    def _visible_part(self, exposed: QRectF) -> CardLayout:
        """The layout with only the primitives that can ink ``exposed`` (order kept)."""
        layout = self._layout
        if exposed.isEmpty() or exposed.contains(self.visible_rect()):
            return layout
        items = [it for it in layout.items if item_rect(it).intersects(exposed)]
        return dataclasses.replace(layout, items=items)


class ShadowItem(QGraphicsItem):
    """A soft drop shadow under the card, drawn as a few translucent rounded rectangles.

    Cheaper than QGraphicsDropShadowEffect, which re-renders the card offscreen
    on every repaint and would break the keystroke-to-repaint budget.
    """

    STEPS = 8

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setZValue(0)
        # Drawn once per zoom level, then blitted: soft shadows are costly to paint.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)

    def _spread(self) -> float:
        return max(self._rect.width(), self._rect.height()) * 0.0025 + 0.4

    def boundingRect(self) -> QRectF:  # noqa: N802
        s = self._spread() * (self.STEPS + 2)
        return self._rect.adjusted(-s, -s, s, s)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._rect.isEmpty():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        s = self._spread()
        offset = s * 1.2
        for i in range(self.STEPS, 0, -1):
            grow = s * i
            painter.setBrush(QColor(0, 0, 0, 6 + 2 * (self.STEPS - i)))
            r = self._rect.adjusted(-grow, -grow + offset, grow, grow + offset)
            painter.drawRoundedRect(r, grow, grow)
        painter.restore()


class GuidesItem(QGraphicsItem):
    """Trim line, bleed edge and safe area as thin dashed lines (each toggled on request)."""

    def __init__(self) -> None:
        super().__init__()
        self._layout: CardLayout | None = None
        self.trim = False
        self.bleed = False
        self.safe = False
        self.setZValue(3)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_layout(self, layout: CardLayout | None) -> None:
        def geometry(lay):
            return None if lay is None else (lay.width, lay.height, lay.bleed, lay.safe_margin)

        if geometry(layout) == geometry(self._layout):
            self._layout = layout  # same guides: no repaint (typing must not repaint the card)
            return
        self.prepareGeometryChange()
        self._layout = layout
        self.update()

    def set_guides(self, trim: bool, bleed: bool, safe: bool) -> None:
        self.trim, self.bleed, self.safe = trim, bleed, safe
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self._layout is None:
            return QRectF()
        b = max(self._layout.bleed, CANVAS_BLEED) + 2
        return QRectF(-b, -b, self._layout.width + 2 * b, self._layout.height + 2 * b)

    def rects(self) -> dict[str, QRectF]:
        """The guide rectangles (points, card coordinates) that are switched on."""
        out: dict[str, QRectF] = {}
        if self._layout is None:
            return out
        w, h = self._layout.width, self._layout.height
        if self.trim:
            out["trim"] = QRectF(0, 0, w, h)
        if self.bleed:
            b = CANVAS_BLEED
            out["bleed"] = QRectF(-b, -b, w + 2 * b, h + 2 * b)
        if self.safe and self._layout.safe_margin > 0:
            m = self._layout.safe_margin
            out["safe"] = QRectF(m, m, w - 2 * m, h - 2 * m)
        return out

    def paint(self, painter: QPainter, option, widget=None) -> None:
        colors = {"trim": TRIM_COLOR, "bleed": BLEED_COLOR, "safe": SAFE_COLOR}
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for name, rect in self.rects().items():
            pen = QPen(colors[name], 1)
            pen.setCosmetic(True)
            pen.setStyle(Qt.PenStyle.SolidLine if name == "trim" else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect)
        painter.restore()


def cut_message(cut) -> str:
    """The tooltip of a preflight problem, e.g. "Goals 3: 42 of 120 characters cut — shorten it..."."""
    label = field_label(cut.field)
    where = label if cut.item is None else f"{label} {cut.item + 1}"
    chars = getattr(cut, "chars", None)
    if chars is not None:  # core.cardlayout.MissingGlyphs
        codes = " ".join(f"U+{ord(ch):04X}" for ch in chars)
        return f"{where}: no bundled font has {codes} — it prints as a box"
    word = getattr(cut, "word", None)
    if word is not None:  # core.cardlayout.WordBroken
        return f"{where}: “{word}” is wider than its box at the smallest size and was broken"
    return f"{where}: {cut.cut_chars} of {cut.total_chars} characters cut — shorten it or choose a larger template"


def _block_message(block: TextBlock) -> str:
    parts = [cut_message(block.cut)] if block.cut is not None else []
    if block.missing:
        label = field_label(block.field or "")
        where = label if block.item is None else f"{label} {block.item + 1}"
        codes = " ".join(f"U+{ord(ch):04X}" for ch in block.missing)
        parts.append(f"{where}: no bundled font has {codes} — it prints as a box")
    return "\n".join(parts)


class SelectionItem(QGraphicsRectItem):
    """A thin frame around the selected text, as a DTP app marks the active frame."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(TRIM_COLOR, 1.5)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setZValue(5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def boundingRect(self) -> QRectF:  # noqa: N802 (room for the halo at any zoom)
        return self.rect().adjusted(-6, -6, 6, 6)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # A light halo under the blue line: the frame reads on dark headers as on paper.
        halo = QPen(QColor(255, 255, 255, 200), 3.5)
        halo.setCosmetic(True)
        painter.setPen(halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect())
        super().paint(painter, option, widget)

    def show_rect(self, rect: QRectF) -> None:
        if rect.isEmpty():
            self.hide()
            return
        rect = rect.adjusted(-2, -2, 2, 2)
        if rect != self.rect():
            self.setRect(rect)
        self.show()


class CutMarkerItem(QGraphicsRectItem):
    """A dashed orange frame around a text the layout had to cut, explaining itself in a tooltip."""

    def __init__(self, block: TextBlock) -> None:
        super().__init__(QRectF(block.x, block.y, block.w, block.h))
        self.block = block
        pen = QPen(CUT_COLOR, 1.5)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        fill = QColor(CUT_COLOR)
        fill.setAlpha(28)
        self.setBrush(QBrush(fill))
        self.setZValue(4)
        self.setToolTip(_block_message(block))
        # Clicks go through to the canvas (hit-testing the text underneath).
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect())
        return path


class PhotoMarkerItem(CutMarkerItem):
    """The same dashed frame around a photo with too few pixels for its printed size;
    its tooltip gives the resolution and the size of photo that would print sharp."""

    def __init__(self, image: ImageItem) -> None:
        QGraphicsRectItem.__init__(self, QRectF(image.x, image.y, image.w, image.h))
        self.block = image
        low = image.low_res
        pen = QPen(CUT_COLOR, 1.5 if low.problem else 1.0)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setZValue(4)
        level = "prints blurred" if low.problem else "may print soft"
        self.setToolTip(
            f"Photo: {low.ppi:.0f} ppi at this size {level} — use a photo of at least {low.needed_px} pixels across"
        )
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)
