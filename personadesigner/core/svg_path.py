"""A small SVG reader for icons: paths and basic shapes as subpaths of lines and cubics.

Why our own: every painter (reportlab, QPainter, a PPTX freeform) must draw an
icon from the same numbers, so the icon is parsed once, here, into the two
segment kinds every one of them has (straight lines and cubic Beziers); arcs
and quadratics become cubics, relative commands absolute. The subset is what
icon sets such as Tabler use: ``path`` (M L H V C S Q T A Z, absolute and
relative), ``circle``, ``ellipse``, ``rect``, ``line``, ``polyline`` and
``polygon``, no transforms. Qt-free and I/O-free: the caller hands in the text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

#: A segment: (x, y) a line to that point, (x1, y1, x2, y2, x, y) a cubic Bezier.
Segment = tuple[float, ...]
Point = tuple[float, float]
#: Control-point distance of a cubic quarter circle (of radius 1).
KAPPA = 0.5522847498


@dataclass(frozen=True)
class Subpath:
    """One pen-down stretch: a start point, its segments, and whether it closes."""

    start: Point
    segments: tuple[Segment, ...]
    closed: bool = False


@dataclass(frozen=True)
class VectorShape:
    """Subpaths to stroke and subpaths to fill, in the SVG's ``viewBox`` units (``box`` wide)."""

    strokes: tuple[Subpath, ...]
    fills: tuple[Subpath, ...] = ()
    box: float = 24.0


class SvgPathError(ValueError):
    """Path data or an SVG element outside the subset this reader understands."""


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_SEP = re.compile(r"[\s,]*")


class _Scanner:
    """Reads commands, numbers and arc flags (which may be written without separators)."""

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def _skip(self) -> None:
        self.pos = _SEP.match(self.text, self.pos).end()

    def done(self) -> bool:
        self._skip()
        return self.pos >= len(self.text)

    def command(self) -> str | None:
        """The next command letter, or None when a number follows (an implicit repeat)."""
        self._skip()
        ch = self.text[self.pos]
        if ch.isalpha() and ch not in "eE":
            self.pos += 1
            return ch
        return None

    def number(self) -> float:
        self._skip()
        m = _NUMBER.match(self.text, self.pos)
        if not m:
            raise SvgPathError(f"a number was expected at {self.pos} in {self.text[:40]!r}")
        self.pos = m.end()
        return float(m.group())

    def flag(self) -> bool:
        self._skip()
        ch = self.text[self.pos : self.pos + 1]
        if ch not in ("0", "1"):
            raise SvgPathError(f"an arc flag (0 or 1) was expected at {self.pos}")
        self.pos += 1
        return ch == "1"


_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


class _Builder:
    """Turns absolute commands into subpaths, remembering the current and control points."""

    def __init__(self) -> None:
        self.subpaths: list[Subpath] = []
        self.start: Point = (0.0, 0.0)
        self.cur: Point = (0.0, 0.0)
        self.segs: list[Segment] = []
        self.open = False
        #: The last cubic's second control point (for S) or the last quadratic's control (for T).
        self.last_cubic: Point | None = None
        self.last_quad: Point | None = None

    def flush(self, closed: bool = False) -> None:
        if self.open:
            self.subpaths.append(Subpath(self.start, tuple(self.segs), closed))
        self.segs, self.open = [], False

    def move(self, p: Point) -> None:
        self.flush()
        self.start = self.cur = p
        self.open = True

    def _pen(self) -> None:
        if not self.open:  # drawing after Z starts again at the closed subpath's start
            self.start = self.cur
            self.open = True

    def line(self, p: Point) -> None:
        self._pen()
        self.segs.append(p)
        self.cur = p

    def cubic(self, c1: Point, c2: Point, p: Point) -> None:
        self._pen()
        self.segs.append((*c1, *c2, *p))
        self.cur = p
        self.last_cubic = c2

    def quad(self, q: Point, p: Point) -> None:
        x0, y0 = self.cur
        c1 = (x0 + 2 / 3 * (q[0] - x0), y0 + 2 / 3 * (q[1] - y0))
        c2 = (p[0] + 2 / 3 * (q[0] - p[0]), p[1] + 2 / 3 * (q[1] - p[1]))
        self.cubic(c1, c2, p)
        self.last_cubic, self.last_quad = None, q  # an S after a Q reflects nothing

    def close(self) -> None:
        if self.open:
            self.flush(closed=True)
        self.cur = self.start


def _reflect(control: Point | None, about: Point) -> Point:
    if control is None:
        return about
    return (2 * about[0] - control[0], 2 * about[1] - control[1])


def parse_path(d: str) -> tuple[Subpath, ...]:
    """The subpaths of SVG path data ``d`` (absolute, lines and cubics only)."""
    scan, b = _Scanner(d), _Builder()
    cmd: str | None = None
    while not scan.done():
        letter = scan.command()
        if letter is None:
            if cmd is None:
                raise SvgPathError(f"path data must start with a command: {d[:40]!r}")
            letter = {"M": "L", "m": "l"}.get(cmd, cmd)  # numbers after a move are lines
        elif letter.upper() not in _ARGS:
            raise SvgPathError(f"unsupported path command {letter!r}")
        if cmd is None and letter not in "Mm":
            raise SvgPathError(f"path data must start with a move (M): {d[:40]!r}")
        cmd = letter
        _step(letter, scan, b)
    b.flush()
    return tuple(b.subpaths)


def _step(letter: str, scan: _Scanner, b: _Builder) -> None:
    """One command with its arguments."""
    up, rel = letter.upper(), letter.islower()
    ox, oy = b.cur if rel else (0.0, 0.0)
    if up == "A":
        rx, ry, angle = scan.number(), scan.number(), scan.number()
        large, sweep = scan.flag(), scan.flag()
        end = (ox + scan.number(), oy + scan.number())
        _arc(b, rx, ry, angle, large, sweep, end)
        b.last_cubic = b.last_quad = None
        return
    args = [scan.number() for _ in range(_ARGS[up])]
    pts = [(ox + args[i], oy + args[i + 1]) for i in range(0, len(args) - 1, 2)]
    prev_cubic, prev_quad = b.last_cubic, b.last_quad
    b.last_cubic = b.last_quad = None
    if up == "M":
        b.move(pts[0])
    elif up == "L":
        b.line(pts[0])
    elif up == "H":
        b.line((ox + args[0], b.cur[1]))
    elif up == "V":
        b.line((b.cur[0], oy + args[0]))
    elif up == "C":
        b.cubic(*pts)
    elif up == "S":
        b.cubic(_reflect(prev_cubic, b.cur), pts[0], pts[1])
    elif up == "Q":
        b.quad(pts[0], pts[1])
    elif up == "T":
        b.quad(_reflect(prev_quad, b.cur), pts[0])
    else:  # Z
        b.close()


def _arc(b: _Builder, rx: float, ry: float, angle: float, large: bool, sweep: bool, end: Point) -> None:
    """An elliptical arc as cubics (the SVG endpoint-to-centre conversion, then <= 90 degree pieces)."""
    x1, y1 = b.cur
    x2, y2 = end
    rx, ry = abs(rx), abs(ry)
    if (x1, y1) == (x2, y2):
        return
    if rx == 0 or ry == 0:
        b.line(end)
        return
    phi = math.radians(angle % 360)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p, y1p = cos_p * dx + sin_p * dy, -sin_p * dx + cos_p * dy
    scale = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if scale > 1:  # radii too small for the endpoints: grown just enough
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    co = math.sqrt(max(0.0, num / den)) if den else 0.0
    if large == sweep:
        co = -co
    cxp, cyp = co * rx * y1p / ry, -co * ry * x1p / rx
    cx = cos_p * cxp - sin_p * cyp + (x1 + x2) / 2
    cy = sin_p * cxp + cos_p * cyp + (y1 + y2) / 2
    t1 = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    t2 = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx)
    delta = t2 - t1
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    pieces = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / pieces
    k = 4 / 3 * math.tan(step / 4)

    def at(t: float) -> tuple[Point, Point]:
        """The point at angle t and its derivative direction (scaled by the radii)."""
        ct, st = math.cos(t), math.sin(t)
        px, py = rx * ct, ry * st
        tx, ty = -rx * st, ry * ct
        return (
            (cx + cos_p * px - sin_p * py, cy + sin_p * px + cos_p * py),
            (cos_p * tx - sin_p * ty, sin_p * tx + cos_p * ty),
        )

    t = t1
    for i in range(pieces):
        (ax, ay), (adx, ady) = at(t)
        (ex, ey), (edx, edy) = at(t + step)
        last = i == pieces - 1
        b.cubic((ax + k * adx, ay + k * ady), (ex - k * edx, ey - k * edy), end if last else (ex, ey))
        t += step


# ------------------------------------------------------------------ shapes
def _num(el: ET.Element, name: str, default: float = 0.0) -> float:
    value = el.get(name)
    if value is None:
        return default
    m = _NUMBER.match(value.strip())
    if not m:
        raise SvgPathError(f"<{_tag(el)}> {name}={value!r} is not a number")
    return float(m.group())


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _ellipse_path(cx: float, cy: float, rx: float, ry: float) -> Subpath:
    kx, ky = rx * KAPPA, ry * KAPPA
    return Subpath(
        (cx + rx, cy),
        (
            (cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
            (cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
            (cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
            (cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
        ),
        True,
    )


def _rect_path(el: ET.Element) -> tuple[Subpath, ...]:
    x, y, w, h = (_num(el, n) for n in ("x", "y", "width", "height"))
    rx_attr, ry_attr = el.get("rx"), el.get("ry")
    rx = _num(el, "rx") if rx_attr is not None else _num(el, "ry")
    ry = _num(el, "ry") if ry_attr is not None else rx
    rx, ry = min(rx, w / 2), min(ry, h / 2)
    if rx <= 0 or ry <= 0:
        return parse_path(f"M{x} {y}h{w}v{h}h{-w}z")
    return parse_path(
        f"M{x + rx} {y}H{x + w - rx}A{rx} {ry} 0 0 1 {x + w} {y + ry}V{y + h - ry}"
        f"A{rx} {ry} 0 0 1 {x + w - rx} {y + h}H{x + rx}A{rx} {ry} 0 0 1 {x} {y + h - ry}"
        f"V{y + ry}A{rx} {ry} 0 0 1 {x + rx} {y}Z"
    )


def _points(el: ET.Element) -> list[float]:
    return [float(v) for v in _NUMBER.findall(el.get("points", ""))]


def element_subpaths(el: ET.Element) -> tuple[Subpath, ...] | None:
    """The subpaths of one drawing element; None for an element that draws nothing (svg, g, title)."""
    tag = _tag(el)
    if tag == "path":
        return parse_path(el.get("d", ""))
    if tag == "circle":
        r = _num(el, "r")
        return (_ellipse_path(_num(el, "cx"), _num(el, "cy"), r, r),) if r > 0 else ()
    if tag == "ellipse":
        return (_ellipse_path(_num(el, "cx"), _num(el, "cy"), _num(el, "rx"), _num(el, "ry")),)
    if tag == "rect":
        return _rect_path(el)
    if tag == "line":
        return (Subpath((_num(el, "x1"), _num(el, "y1")), ((_num(el, "x2"), _num(el, "y2")),)),)
    if tag in ("polyline", "polygon"):
        v = _points(el)
        pts = list(zip(v[0::2], v[1::2]))
        if len(pts) < 2:
            return ()
        return (Subpath(pts[0], tuple(pts[1:]), tag == "polygon"),)
    return None


def _painted(el: ET.Element, name: str, inherited: str | None) -> bool:
    value = el.get(name, inherited)
    return value is not None and value.strip() not in ("none", "transparent")


def parse_svg(text: str) -> VectorShape:
    """An SVG document's drawing as subpaths to stroke and to fill, in its viewBox units.

    Painting follows the attributes (``stroke``/``fill``, inherited from the root as
    icon sets set them); an element with neither (Tabler's invisible bounding square)
    is left out. The viewBox must be a square starting at 0 0.
    """
    import xml.etree.ElementTree as ET  # here: ~4 ms at start, and a card without icons never parses one

    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise SvgPathError(f"not an SVG document: {exc}") from None
    box = [float(v) for v in _NUMBER.findall(root.get("viewBox", "0 0 24 24"))]
    if len(box) != 4 or box[0] or box[1] or box[2] != box[3]:
        raise SvgPathError(f"the viewBox {root.get('viewBox')!r} is not a square from 0 0")
    stroke_default, fill_default = root.get("stroke"), root.get("fill", "black")
    strokes: list[Subpath] = []
    fills: list[Subpath] = []
    for el in root.iter():
        if el is root:
            continue
        subpaths = element_subpaths(el)
        if subpaths is None:
            continue
        if _painted(el, "stroke", stroke_default):
            strokes.extend(subpaths)
        if _painted(el, "fill", fill_default):
            fills.extend(subpaths)
    return VectorShape(tuple(strokes), tuple(fills), box[2])


# ------------------------------------------------------------------ measuring
def flatten(sub: Subpath, tolerance: float = 0.05) -> list[Point]:
    """The subpath as a polyline (cubics split until they stray less than ``tolerance``)."""
    pts = [sub.start]
    x0, y0 = sub.start
    for seg in sub.segments:
        if len(seg) == 2:
            pts.append((seg[0], seg[1]))
        else:
            x1, y1, x2, y2, x3, y3 = seg
            # |B''| <= 6 max(|p0 - 2c1 + c2|, |c1 - 2c2 + p3|); a polyline of n steps strays <= |B''| / (8 n^2)
            dd = max(math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3))
            n = max(1, math.ceil(math.sqrt(6 * dd / (8 * tolerance))))
            for i in range(1, n + 1):
                t = i / n
                u = 1 - t
                a, b_, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                pts.append((a * x0 + b_ * x1 + c * x2 + d * x3, a * y0 + b_ * y1 + c * y2 + d * y3))
        x0, y0 = pts[-1]
    return pts


def bounds(subpaths, tolerance: float = 0.01) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of the subpaths' outlines (the pen's centre line, no stroke width)."""
    pts = [p for sub in subpaths for p in flatten(sub, tolerance)]
    if not pts:
        return (0.0, 0.0, 0.0, 0.0)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))
