"""Icons in a flow: a heading's icon, a list item's icon in place of its bullet, a channel
line's icon before each channel.

Why apart from core.layout_flow: the flow decides rows and lines; this module only
sizes and places icons next to what the flow placed (the flow asks how much room
an icon takes, then hands over the laid-out line). Icons are sized to the text's
cap height (x ICON_SCALE) and centred on it, so they sit on the baseline like a
capital letter and scale with the type when a flow shrinks or grows.
"""

from __future__ import annotations

from personadesigner.core import text as T
from personadesigner.core.cardlayout import Icon, TextLine
from personadesigner.core.icons import STROKE_UNITS, load_icon

#: Cap height of the bundled Noto faces, in em.
CAP_HEIGHT = 0.714
#: An icon's side over the cap height of the text it goes with.
ICON_SCALE = 1.4
#: Room between an icon and its text, in em.
ICON_GAP = 0.4
#: What an inline item's icon stands on in the line's text: an em space (not a break
#: opportunity, so an icon never ends a line without its channel) and a narrow no-break space.
PLACEHOLDER = "\u2003\u202f\u202f"


def icon_side(size: float) -> float:
    """The side of an icon beside text of ``size`` points."""
    return size * CAP_HEIGHT * ICON_SCALE


def icon_room(size: float) -> float:
    """The indent an icon and its gap take before text of ``size`` points."""
    return icon_side(size) + size * ICON_GAP


def placed_icon(
    name: str, x: float, baseline: float, size: float, color: str, field: str | None, item: int | None = None
) -> Icon:
    """The icon ``name`` with its left edge at ``x``, centred on the caps of text of ``size`` on ``baseline``."""
    side = icon_side(size)
    shape = load_icon(name)
    top = baseline - size * CAP_HEIGHT / 2 - side / 2
    return Icon(x, top, side, shape, color, STROKE_UNITS * side / shape.box, name=name, field=field, item=item)


def leading_icon(name: str, line: TextLine, x_min: float, size: float, color: str, field, item) -> Icon:
    """A heading's icon just before its first line (left of the text, wherever the line is aligned)."""
    start = min((run.x for run in line.runs), default=x_min + icon_room(size))
    baseline = line.runs[0].y if line.runs else 0.0
    return placed_icon(name, max(x_min, start - icon_room(size)), baseline, size, color, field, item)


def inline_icons(
    icons_of: tuple[tuple[str, int], ...], lines, font: str, size: float, tracking: float, color: str, field
) -> list:
    """An icon on every PLACEHOLDER of ``lines``: the n-th placeholder gets the n-th (icon, item)
    of ``icons_of`` (left-to-right lines only: a right-to-left line keeps its text and no icons)."""
    icons: list[Icon] = []
    k = 0
    for line in lines:
        text = line.text
        at = text.find(PLACEHOLDER)
        while at >= 0 and k < len(icons_of):
            if line.runs and not any(run.rtl for run in line.runs):
                x = line.runs[0].x + T.measure(text[:at], font, size) + tracking * size * at
                name, item = icons_of[k]
                icons.append(placed_icon(name, x, line.runs[0].y, size, color, field, item))
            k += 1
            at = text.find(PLACEHOLDER, at + len(PLACEHOLDER))
    return icons
