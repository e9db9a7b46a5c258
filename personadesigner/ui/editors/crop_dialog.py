"""Square crop to the card's round avatar frame: drag the square, size it with the slider."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSlider, QVBoxLayout, QWidget


class _CropView(QWidget):
    """Shows the image scaled to fit, dims everything outside the chosen square."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        side = min(image.width(), image.height())
        self.side = side  # in image pixels
        self.center = QPointF(image.width() / 2, image.height() / 2)
        self._drag: QPointF | None = None
        em = self.fontMetrics().height()
        self.setMinimumSize(em * 16, em * 16)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 24, em * 24)

    def _scale(self) -> float:
        return min(self.width() / self.image.width(), self.height() / self.image.height())

    def _offset(self) -> QPointF:
        s = self._scale()
        return QPointF((self.width() - self.image.width() * s) / 2, (self.height() - self.image.height() * s) / 2)

    def crop_rect(self) -> QRectF:
        """The square in image pixels, kept inside the image."""
        half = self.side / 2
        x = min(max(self.center.x() - half, 0), self.image.width() - self.side)
        y = min(max(self.center.y() - half, 0), self.image.height() - self.side)
        return QRectF(x, y, self.side, self.side)

    def set_side(self, side: int) -> None:
        self.side = max(8, min(side, self.image.width(), self.image.height()))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        s, off = self._scale(), self._offset()
        target = QRectF(off.x(), off.y(), self.image.width() * s, self.image.height() * s)
        p.drawImage(target, self.image)
        r = self.crop_rect()
        view_r = QRectF(off.x() + r.x() * s, off.y() + r.y() * s, r.width() * s, r.height() * s)
        outside = QPainterPath()
        outside.addRect(target)
        circle = QPainterPath()
        circle.addEllipse(view_r)
        p.fillPath(outside.subtracted(circle), QColor(0, 0, 0, 140))
        p.setPen(QPen(QColor("white"), 1.5, Qt.PenStyle.DashLine))
        p.drawRect(view_r)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag = event.position()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        delta = (event.position() - self._drag) / self._scale()
        self._drag = event.position()
        r = self.crop_rect()
        self.center = r.center() + delta
        self.update()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)


class CropDialog(QDialog):
    """Choose the square of the photo that the card's avatar frame shows."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Crop photo")
        self.view = _CropView(image, self)
        self.view.setAccessibleName("Photo crop area")
        hint = QLabel("Drag to move the frame; use the slider to zoom.", self)
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        full = min(image.width(), image.height())
        self.size_slider.setRange(max(8, full // 10), full)
        self.size_slider.setValue(full)
        self.size_slider.setAccessibleName("Crop size")
        self.size_slider.valueChanged.connect(self.view.set_side)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.size_slider)
        layout.addWidget(buttons)

    def cropped_png(self) -> bytes:
        """The chosen square as PNG bytes (storage re-encodes and checks it)."""
        image = self.view.image.copy(self.view.crop_rect().toAlignedRect())
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data())
