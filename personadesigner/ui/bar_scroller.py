"""A one-row bar that may be narrower than its content: it scrolls sideways instead.

Why: a row of controls (the design bar) has a minimum width of its own; inside
the window's splitter that minimum adds up with the sidebar and the form and
made the window wider than a laptop screen. Wrapped in a BarScroller the row
keeps its natural size when there is room and gets a thin horizontal scroll
bar when there is not, so the window's minimum width no longer depends on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

#: The narrowest the bar gets, in widths of "M" (it scrolls below its content's own width).
MIN_EMS = 12


class BarScroller(QScrollArea):
    """Holds one bar widget; as tall as the bar (plus the scroll bar only while it shows)."""

    def __init__(self, bar: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barScroller")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setWidget(bar)
        bar.installEventFilter(self)  # its height changes with the style, the font and its content
        self._fit_height()

    def _needs_scrolling(self) -> bool:
        bar = self.widget()
        return bar is not None and bar.minimumSizeHint().width() > self.viewport().width()

    def _fit_height(self) -> None:
        bar = self.widget()
        height = bar.sizeHint().height() if bar is not None else 0
        if self._needs_scrolling():
            height += self.horizontalScrollBar().sizeHint().height()
        if self.height() != height:
            self.setFixedHeight(height)
        layout = bar.layout() if bar is not None else None
        if layout is not None and layout.geometry() != bar.rect():
            # Shrunk while the window was being built, the bar may keep its layout's taller
            # geometry (controls drawn below its edge): lay it out for the size it has.
            layout.setGeometry(bar.rect())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        bar = self.widget()
        return QSize(bar.sizeHint().width() if bar is not None else 0, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.fontMetrics().horizontalAdvance("M") * MIN_EMS, self.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_height()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._fit_height()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            QTimer.singleShot(0, self, self._fit_height)  # after the bar's own layout has run
        return super().eventFilter(obj, event)
