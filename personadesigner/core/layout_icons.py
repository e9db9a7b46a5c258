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


def trailing_icon(name: str, line: TextLine, x_max: float, size: float, color: str, field, item) -> Icon:
    """A right-aligned or right-to-left heading's icon just right of its first line: the mirror
    of ``leading_icon``, on the edge where the items' bullets and icons hang."""
    end = max((run.x + run.width for run in line.runs), default=x_max - icon_room(size))
    baseline = line.runs[0].y if line.runs else 0.0
    x = min(x_max - icon_side(size), end + size * ICON_GAP)
    return placed_icon(name, x, baseline, size, color, field, item)


def _placeholders(line: TextLine, font: str, size: float, tracking: float, base_dir: str | None):
    """(logical position, left edge of the icon) of each PLACEHOLDER on ``line``, in reading order.

    A placeholder is found in the line's logical text, then measured in the run that
    holds its first character (its spaces may fall into two faces' runs). A right-to-left
    run holds its text in logical order but draws it from its right end, so there the
    placeholder is measured from the right and its icon sits at the placeholder's right
    edge (before the item's words, for a right-to-left reader).
    """
    starts = T.piece_starts(line.text, font, base_dir)
    if len(starts) != len(line.runs):  # not the line the layout shaped: no icon rather than a wrong one
        return []
    found = []
    text = T.clean(line.text)  # the text the runs were cut from
    at = text.find(PLACEHOLDER)
    while at >= 0:
        for run, start in zip(line.runs, starts):
            if start <= at < start + len(run.text):
                k = at - start
                before = T.measure(run.text[:k], font, size) + tracking * size * k
                x = run.x + run.width - before - icon_side(size) if run.rtl else run.x + before
                found.append((at, x))
                break
        at = text.find(PLACEHOLDER, at + len(PLACEHOLDER))
    return found


def inline_icons(
    icons_of: tuple[tuple[str, int], ...],
    lines,
    font: str,
    size: float,
    tracking: float,
    color: str,
    field,
    base_dir: str | None = None,
) -> list:
    """An icon on every PLACEHOLDER of ``lines``: the n-th placeholder in reading order gets the
    n-th (icon, item) of ``icons_of``, on left-to-right, right-to-left and mixed lines alike."""
    icons: list[Icon] = []
    k = 0
    for line in lines:
        count = line.text.count(PLACEHOLDER)
        found = _placeholders(line, font, size, tracking, base_dir) if line.runs else []
        if len(found) == count:
            for (_pos, x), (name, item) in zip(found, icons_of[k : k + count]):
                icons.append(placed_icon(name, x, line.runs[0].y, size, color, field, item))
        k += count
    return icons
