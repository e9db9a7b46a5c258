"""What the template designer draws over the card: regions, the selection, handles, drop line, guides.

One graphics item on the canvas scene, above the card and never part of the
CardLayout (no painter can print it). It only draws the state the designer
gives it (ui/template_designer.py decides); pens are cosmetic and handles are
sized in screen pixels, so the marks stay crisp and the same size at every zoom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

#: The designer's ink: one blue for what is selected, a lighter one for what could be.
SELECT = QColor("#1e6fd9")
REGION = QColor(30, 111, 217, 90)
HOVER = QColor(30, 111, 217, 150)
DROP = QColor("#1e6fd9")
GUIDE = QColor("#e8368f")
SAFE = QColor("#2e9d48")
GHOST = QColor(30, 111, 217, 28)
#: Handle size and grab distance, in screen pixels.
HANDLE_PX = 8.0
GRAB_PX = 7.0
#: Room between a section's text and its outline, in points.
PAD = 2.5

Rect = tuple[float, float, float, float]


@dataclass
class OverlayState:
    """Everything the overlay shows, in card points."""

    regions: list[Rect] = field(default_factory=list)
    hover: Rect | None = None
    selected: Rect | None = None
    #: The selected section's flow region (its edges get resize handles).
    region: Rect | None = None
    region_label: str = ""
    #: The section being dragged, where the pointer has it.
    ghost: Rect | None = None
    #: The drop indicator: (x1, x2, y).
    drop: tuple[float, float, float] | None = None
    #: Snapping guides: ("v", x) or ("h", y) lines across the card.
    guides: list[tuple[str, float]] = field(default_factory=list)
    #: The safe area, drawn while dragging.
    safe: Rect | None = None


def qrect(r: Rect) -> QRectF:
    return QRectF(*r)


class DesignOverlay(QGraphicsItem):
    """Draws an OverlayState over a card of ``size`` points."""

    def __init__(self) -> None:
        super().__init__()
        self.state = OverlayState()
        self._size = (0.0, 0.0)
        #: One screen pixel in points at the last paint (marks are sized in pixels).
        self._px = 1.0
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the designer handles the mouse

    def set_state(self, state: OverlayState, size: tuple[float, float]) -> None:
        """Show ``state``; only the marks that changed are repainted (a drag moves a few small
        marks over a large card, which then need not be drawn again)."""
        old, self.state = self.state, state
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size
            self.update()
            return
        if old.regions != state.regions or old.safe != state.safe:
            self.update()
            return
        for name in ("hover", "selected", "region", "ghost", "drop", "guides"):
            before, after = getattr(old, name), getattr(state, name)
            if before != after:
                for r in self._marks(name, before) + self._marks(name, after):
                    self.update(r)

    def _marks(self, name: str, value) -> list[QRectF]:
        """Small rectangles covering what ``value`` (a state field) draws, handles and tag included."""
        if not value:
            return []
        m = 18.0 * self._px  # handles, the grip tab and antialiasing past the line
        if name == "drop":
            x1, x2, y = value
            return [QRectF(x1 - m, y - m, x2 - x1 + 2 * m, 2 * m)]
        if name == "guides":
            w, h = self._size
            return [QRectF(at - m, -40, 2 * m, h + 80) if axis == "v" else QRectF(-40, at - m, w + 80, 2 * m)
                    for axis, at in value]  # fmt: skip
        r = qrect(value).adjusted(-PAD, -PAD, PAD, PAD)
        if name == "ghost":
            return [r.adjusted(-m, -m, m, m)]
        strips = [
            QRectF(r.left() - m, r.top() - m, r.width() + 2 * m, 2 * m),
            QRectF(r.left() - m, r.bottom() - m, r.width() + 2 * m, 2 * m),
            QRectF(r.left() - m, r.top() - m, 2 * m, r.height() + 2 * m),
            QRectF(r.right() - m, r.top() - m, 2 * m, r.height() + 2 * m),
        ]
        if name == "region":  # the name tag above it
            strips.append(QRectF(r.left() - m, r.top() - 30 * self._px, 200 * self._px, 30 * self._px))
        return strips

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        w, h = self._size
        return QRectF(-40, -40, w + 80, h + 80)

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, option, widget=None) -> None:
        st = self.state
        scale = painter.worldTransform().m11() or 1.0
        px = self._px = 1.0 / scale  # one screen pixel in points
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # square hairlines stay crisp
        if st.safe is not None:
            self._dashed(painter, qrect(st.safe), SAFE, 1.0)
        painter.setPen(self._pen(REGION, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for r in st.regions:  # solid hairlines: dashing every region on every repaint is slow
            painter.drawRect(qrect(r))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if st.hover is not None and st.hover != st.selected:
            self._outline(painter, qrect(st.hover).adjusted(-PAD, -PAD, PAD, PAD), HOVER, 1.0, 3 * px)
        if st.region is not None:
            self._region(painter, qrect(st.region), st.region_label, px)
        if st.selected is not None:
            self._selection(painter, qrect(st.selected).adjusted(-PAD, -PAD, PAD, PAD), px)
        if st.ghost is not None:
            painter.fillRect(qrect(st.ghost), GHOST)
            self._outline(painter, qrect(st.ghost), HOVER, 1.0, 3 * px)
        for axis, at in st.guides:
            self._guide(painter, axis, at)
        if st.drop is not None:
            self._drop(painter, *st.drop, px)
        painter.restore()

    @staticmethod
    def _pen(color: QColor, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(color, width, style)
        pen.setCosmetic(True)
        return pen

    def _dashed(self, painter: QPainter, r: QRectF, color: QColor, width: float) -> None:
        """A thin dashed frame; square lines need no antialiasing (and dashing with it is slow)."""
        pen = self._pen(color, width, Qt.PenStyle.DashLine)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        painter.restore()

    def _outline(self, painter: QPainter, r: QRectF, color: QColor, width: float, radius: float) -> None:
        painter.setPen(self._pen(color, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(r, radius, radius)

    def _selection(self, painter: QPainter, r: QRectF, px: float) -> None:
        """The selected section: a rounded outline, corner handles and a grip tab to drag it by."""
        self._outline(painter, r, SELECT, 2.0, 3 * px)
        for x, y in ((r.left(), r.top()), (r.right(), r.top()), (r.left(), r.bottom()), (r.right(), r.bottom())):
            self._handle(painter, QPointF(x, y), px, round_=True)
        grip = QRectF(r.left() - 14 * px, r.center().y() - 11 * px, 10 * px, 22 * px)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(SELECT))
        painter.drawRoundedRect(grip, 3 * px, 3 * px)
        painter.setBrush(QBrush(QColor("white")))
        for k in range(3):
            for j in range(2):
                dot = QPointF(grip.left() + (3 + 4 * j) * px, grip.top() + (6 + 5 * k) * px)
                painter.drawEllipse(dot, 1.1 * px, 1.1 * px)

    def _region(self, painter: QPainter, r: QRectF, label: str, px: float) -> None:
        """The selected section's flow region: its outline, a name tag and a handle on every edge."""
        painter.setPen(self._pen(SELECT, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        for p in (
            QPointF(r.center().x(), r.top()),
            QPointF(r.center().x(), r.bottom()),
            QPointF(r.left(), r.center().y()),
            QPointF(r.right(), r.center().y()),
        ):
            self._handle(painter, p, px)
        if label:
            self._tag(painter, r, label, px)

    def _handle(self, painter: QPainter, at: QPointF, px: float, round_: bool = False) -> None:
        s = HANDLE_PX * px
        box = QRectF(at.x() - s / 2, at.y() - s / 2, s, s)
        painter.setPen(self._pen(SELECT, 1.5))
        painter.setBrush(QBrush(QColor("white")))
        if round_:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5 * px, 1.5 * px)

    def _tag(self, painter: QPainter, r: QRectF, label: str, px: float) -> None:
        """A small pill with the region's name above its top-left corner."""
        font = QFont(painter.font())
        font.setPixelSize(11)
        painter.save()
        painter.translate(r.left(), r.top())
        painter.scale(px, px)
        metrics = QFontMetricsF(font)
        w, h = metrics.horizontalAdvance(label) + 12, metrics.height() + 4
        pill = QRectF(0, -h - 3, w, h)
        path = QPainterPath()
        path.addRoundedRect(pill, 4, 4)
        painter.fillPath(path, SELECT)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    def _guide(self, painter: QPainter, axis: str, at: float) -> None:
        w, h = self._size
        painter.setPen(self._pen(GUIDE, 1.0))
        if axis == "v":
            painter.drawLine(QPointF(at, -20), QPointF(at, h + 20))
        else:
            painter.drawLine(QPointF(-20, at), QPointF(w + 20, at))

    def _drop(self, painter: QPainter, x1: float, x2: float, y: float, px: float) -> None:
        """Where the section would land: a line across the column with a ring at each end."""
        painter.setPen(self._pen(DROP, 2.5))
        painter.drawLine(QPointF(x1 + 3 * px, y), QPointF(x2 - 3 * px, y))
        painter.setBrush(QBrush(QColor("white")))
        painter.setPen(self._pen(DROP, 2.0))
        for x in (x1, x2):
            painter.drawEllipse(QPointF(x, y), 3.5 * px, 3.5 * px)
