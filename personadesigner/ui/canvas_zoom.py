"""Zooming the card canvas: fixed steps, Ctrl+wheel, and "fit" that keeps fitting on resize.

The view's transform is the zoom, where 100 % shows the card at its real size
on the screen (the screen's logical DPI, 72 points to the inch).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent

ZOOM_STEPS: tuple[float, ...] = (0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)
ZOOM_MIN, ZOOM_MAX = ZOOM_STEPS[0], ZOOM_STEPS[-1]


class CanvasZoom:
    """CardCanvas's zoom (a mixin on the QGraphicsView; ``zoomChanged`` is the view's signal)."""

    _zoom = 1.0
    _fit_mode = True

    def _screen_scale(self) -> float:
        """Pixels per point at 100 %: the card shows at its real size."""
        return self.logicalDpiX() / 72.0

    def zoom(self) -> float:
        return self._zoom

    def is_fit_mode(self) -> bool:
        return self._fit_mode

    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor`` (1.0 = real size); leaves fit mode."""
        was_fit, self._fit_mode = self._fit_mode, False
        self._set_scrollbars(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._apply_zoom(factor, announce=was_fit)

    def _set_scrollbars(self, policy: Qt.ScrollBarPolicy) -> None:
        if self.horizontalScrollBarPolicy() != policy:
            self.setHorizontalScrollBarPolicy(policy)
            self.setVerticalScrollBarPolicy(policy)

    def _apply_zoom(self, factor: float, *, announce: bool = False) -> None:
        factor = min(max(float(factor), ZOOM_MIN), ZOOM_MAX)
        s = factor * self._screen_scale()
        self.resetTransform()
        self.scale(s, s)
        self._place_editor()
        if abs(factor - self._zoom) > 1e-9 or announce:
            self._zoom = factor
            self.zoomChanged.emit(factor)

    def zoom_in(self) -> None:
        bigger = [z for z in ZOOM_STEPS if z > self._zoom * 1.001]
        self.set_zoom(bigger[0] if bigger else ZOOM_MAX)

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOM_STEPS if z < self._zoom * 0.999]
        self.set_zoom(smaller[-1] if smaller else ZOOM_MIN)

    def zoom_fit(self) -> None:
        """Fit the whole card in the window, and keep fitting it when the window resizes."""
        was_fit, self._fit_mode = self._fit_mode, True
        # The whole card fits: no scroll bars, so their coming and going cannot
        # resize the viewport and re-trigger the fit (a resize ping-pong).
        self._set_scrollbars(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rect = self._scene.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.width() < 2 or view.height() < 2:
            return
        factor = min(view.width() / rect.width(), view.height() / rect.height()) / self._screen_scale()
        self._apply_zoom(factor, announce=not was_fit)
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self._zoom * (1.15**steps))
            event.accept()
            return
        super().wheelEvent(event)
