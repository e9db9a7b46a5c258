"""The rows of the list editor: drag handle, bullet, wrapping text, remove button.

One row per item, as in an outliner. A row only shows and reports; its
owner (the ListEditor) decides what keys, drags and removals mean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QToolButton, QWidget

from .growing_text import GrowingTextEdit

if TYPE_CHECKING:
    from .list_editor import ListEditor

BULLET = "\u2022"
_DOTS: dict[tuple, QPixmap] = {}


class Handle(QWidget):
    """Six dots to grab a row by; dragging it reorders the list."""

    def __init__(self, row: Row) -> None:
        super().__init__(row)
        self.row = row
        self._press: QPoint | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip("Drag to reorder (or Alt+Up / Alt+Down)")
        self.setFixedWidth(max(10, self.fontMetrics().horizontalAdvance("M") * 2 // 3))

    def paintEvent(self, _event) -> None:  # noqa: N802
        dots = self._dots()
        painter = QPainter(self)
        x = (self.width() - dots.width() / dots.devicePixelRatio()) / 2
        painter.drawPixmap(QPointF(x, self.row.first_line_centre() - 6), dots)

    def _dots(self) -> QPixmap:
        """Six dots, drawn once per colour and pixel ratio (a form has many rows)."""
        color = self.palette().color(QPalette.ColorRole.PlaceholderText)
        dpr = self.devicePixelRatioF()
        key = (color.rgba(), dpr)
        pixmap = _DOTS.get(key)
        if pixmap is None:
            pixmap = QPixmap(round(8 * dpr), round(12 * dpr))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            for dy in (1, 6, 11):
                for dx in (1.5, 6.5):
                    painter.drawEllipse(QPointF(dx, dy), 1.3, 1.3)
            painter.end()
            _DOTS[key] = pixmap
        return pixmap

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.row.owner.start_drag(self.row)


class ItemEdit(GrowingTextEdit):
    """The text of one row; outliner keys are handed to the list editor first."""

    def __init__(self, row: Row) -> None:
        super().__init__(row, frame=False)
        self.row = row
        self.viewport().setAutoFillBackground(False)  # the row's background (and highlight) shows

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.row.owner.row_key(self.row, event):
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.row.set_active(True)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.row.set_active(False)
        self.row.owner.row_left(self.row)


class Row(QWidget):
    """One item: handle, bullet, text, remove button. ``pending``: typed but not in the model yet."""

    def __init__(self, owner: ListEditor, text: str, *, pending: bool = False, adder: bool = False) -> None:
        super().__init__(owner)
        self.owner = owner
        self.pending = pending or adder
        self.adder = adder
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.handle = Handle(self)
        self.bullet = QLabel("+" if adder else BULLET, self)
        self.bullet.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.bullet.setFixedWidth(self.fontMetrics().horizontalAdvance("M"))
        self.edit = ItemEdit(self)
        self.edit.set_text(text)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("\u00d7")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setFixedWidth(self.fontMetrics().horizontalAdvance("M") + 6)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.setToolTip("Remove this item (or empty it and press Backspace)")
        policy = self.remove_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # showing it on hover must not re-wrap the text
        self.remove_button.setSizePolicy(policy)
        self.remove_button.hide()
        self.remove_button.clicked.connect(lambda: owner.remove_row(self))
        if adder:
            self.handle.setEnabled(False)
            self.handle.setVisible(False)
            hpolicy = self.handle.sizePolicy()
            hpolicy.setRetainSizeWhenHidden(True)
            self.handle.setSizePolicy(hpolicy)
            muted = self.bullet.palette()
            muted.setColor(QPalette.ColorRole.WindowText, muted.color(QPalette.ColorRole.PlaceholderText))
            self.bullet.setPalette(muted)
        self.bullet.setContentsMargins(0, int(self.edit.document().documentMargin()), 0, 0)
        layout.addWidget(self.handle)
        layout.addWidget(self.bullet, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_active(self, active: bool) -> None:
        """The row with the cursor gets a light highlight, as the current line of an outliner."""
        self.setAutoFillBackground(active)
        if active:
            palette = self.palette()
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(36)
            palette.setColor(self.backgroundRole(), tint)
            self.setPalette(palette)
        self.remove_button.setVisible(active and not self.adder)

    def first_line_centre(self) -> float:
        return self.edit.document().documentMargin() + self.edit.fontMetrics().lineSpacing() / 2

    def enterEvent(self, event) -> None:  # noqa: N802
        self.remove_button.setVisible(not self.adder)
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        if not self.edit.hasFocus():
            self.remove_button.hide()
        super().leaveEvent(event)
