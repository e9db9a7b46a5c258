"""Plain geometry both painters share, so the PDF and the screen draw the same shapes.

Colours arrive as ``#rrggbb`` or ``#rrggbbaa`` strings and a slider is a track, a
filled part and a round marker: deciding those numbers once here keeps the
reportlab and QPainter painters from drifting apart. No Qt, no reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from personadesigner.core.cardlayout import Slider

Rect = tuple[float, float, float, float]  # x, y, w, h in points, y down


@lru_cache(maxsize=256)
def rgba(color: str) -> tuple[float, float, float, float]:
    """``#rrggbb[aa]`` (or ``#rgb``) as red, green, blue, alpha in 0..1."""
    text = color.strip().lstrip("#")
    if len(text) in (3, 4):
        text = "".join(ch * 2 for ch in text)
    if len(text) not in (6, 8):
        raise ValueError(f"not a colour: {color!r}")
    values = [int(text[i : i + 2], 16) / 255.0 for i in range(0, len(text), 2)]
    if len(values) == 3:
        values.append(1.0)
    return values[0], values[1], values[2], values[3]


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
