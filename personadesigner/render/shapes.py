"""Plain geometry both painters share, so the PDF and the screen draw the same shapes.

Colours arrive as ``#rrggbb`` or ``#rrggbbaa`` strings and a slider is a track, a
filled part and a round marker: deciding those numbers once here keeps the
reportlab and QPainter painters from drifting apart. No Qt, no reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass

from personadesigner.core.cardlayout import Slider
from personadesigner.core.colors import rgba  # noqa: F401 - the painters import it from here

Rect = tuple[float, float, float, float]  # x, y, w, h in points, y down


@dataclass(frozen=True)
class SliderShape:
    """A slider as three shapes: a thin rounded track, its filled part and a disc."""

    track: Rect
    filled: Rect
    marker_cx: float
    marker_cy: float
    marker_r: float

    @property
    def track_radius(self) -> float:
        return self.track[3] / 2


def slider_shape(s: Slider) -> SliderShape:
    """The track is a third of the slider's height, the marker as tall as the slider.

    The marker centre moves between the two ends inset by its radius so it never
    sticks out of the slider's frame (value 0 and 100 stay inside the card).
    """
    r = s.h / 2
    value = min(100, max(0, s.value))
    cx = s.x + r + max(0.0, s.w - 2 * r) * value / 100.0
    cy = s.y + r
    th = s.h / 3
    track = (s.x, cy - th / 2, s.w, th)
    filled = (s.x, cy - th / 2, max(0.0, cx - s.x), th)
    return SliderShape(track, filled, cx, cy, r)
