"""The computed card: positioned primitives that every painter draws as they are.

The layout engine decides everything (positions, line breaks, font of each
run, cuts); the PDF painter, the Qt canvas and the PNG writer only draw these
primitives, so the screen and the print cannot disagree.

Coordinates are points, origin at the top-left corner of the trim box, y
growing downwards. Items that bleed extend past the trim (negative x/y or
beyond ``width``/``height``) by ``CardLayout.bleed``. Colours are ``#rrggbb``
(or ``#rrggbbaa``) strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from personadesigner.core.svg_path import Subpath, VectorShape


@dataclass(frozen=True)
class Box:
    """A filled and/or stroked rectangle, rounded rectangle or ellipse."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.0
    radius: float = 0.0
    shape: Literal["rect", "ellipse"] = "rect"
    field: str | None = None
    item: int | None = None


@dataclass(frozen=True)
class Rule:
    """A straight line (dividers, slider ticks)."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float = 0.5


@dataclass(frozen=True)
class Polygon:
    """A filled polygon (the negative band's hazard stripes): exact edges in every
    painter, where a thick stroked line's caps would spill past its band."""

    points: tuple[tuple[float, float], ...]
    fill: str
    field: str | None = None

    @property
    def x(self) -> float:
        return min(p[0] for p in self.points)

    @property
    def y(self) -> float:
        return min(p[1] for p in self.points)

    @property
    def w(self) -> float:
        return max(p[0] for p in self.points) - self.x

    @property
    def h(self) -> float:
        return max(p[1] for p in self.points) - self.y


@dataclass(frozen=True)
class TextRun:
    """A shaped run: one face, one direction; runs of a line are in visual (drawing) order.

    ``x`` is the left edge, ``y`` the baseline; ``width`` is the advance the
    layout engine measured. ``text`` is the run's logical text, as typed (for
    the PDF's text layer, copy-paste and a PPTX writer); ``rtl`` its direction,
    ``tracking`` (em) the space added after every cluster. ``glyphs`` are the
    bundled face's glyph ids in drawing order, each drawn at (x + xs[i],
    y + ys[i]) (points, y down); ``clusters`` give, per glyph, the index in
    ``text`` of the first character it draws. The glyphs come from the layout
    engine's shaping cache (core.text.glyph_run) when a painter first asks: the
    layout itself needs only the widths.
    """

    x: float
    y: float
    text: str
    font: str
    size: float
    color: str
    width: float
    rtl: bool = False
    tracking: float = 0.0

    def _shaped(self):
        from personadesigner.core.text import run_glyphs

        return run_glyphs(self)

    @property
    def glyphs(self) -> tuple[int, ...]:
        return self._shaped()[0]

    @property
    def xs(self) -> tuple[float, ...]:
        return self._shaped()[1]

    @property
    def ys(self) -> tuple[float, ...]:
        return self._shaped()[2]

    @property
    def clusters(self) -> tuple[int, ...]:
        return self._shaped()[3]


@dataclass(frozen=True)
class TextLine:
    runs: tuple[TextRun, ...]
    #: The line as the reader reads it (logical order), for accessibility and tests.
    text: str = ""


@dataclass(frozen=True)
class Cut:
    """Preflight: a text the layout had to cut (even at its minimum size it did not fit whole)."""

    persona: str
    field: str
    item: int | None
    shown_chars: int
    total_chars: int

    @property
    def cut_chars(self) -> int:
        return self.total_chars - self.shown_chars

    def __str__(self) -> str:
        where = self.field if self.item is None else f"{self.field}[{self.item + 1}]"
        return f'"{self.persona}": {where}: {self.cut_chars} of {self.total_chars} characters cut'


#: Under this effective resolution a placed photo is a preflight problem (``--strict`` fails)...
PROBLEM_PPI = 100.0
#: ...and under this one a warning: it prints visibly soft.
WARNING_PPI = 150.0


@dataclass(frozen=True)
class LowResolution:
    """Preflight: a placed photo with too few pixels for its printed size (pixels of
    the crop that shows / printed inches); under PROBLEM_PPI a problem, else a warning."""

    persona: str
    ppi: float
    #: Pixels the shown crop would need across at WARNING_PPI.
    needed_px: int
    field: str = "photo"

    @property
    def problem(self) -> bool:
        return self.ppi < PROBLEM_PPI

    def __str__(self) -> str:
        level = "prints blurred" if self.problem else "may print soft"
        return (
            f'"{self.persona}": photo: {self.ppi:.0f} ppi at its printed size {level} '
            f"(use a photo of at least {self.needed_px} pixels across)"
        )


def photo_resolution(
    persona: str, frame_w: float, frame_h: float, crop_w: float, crop_h: float
) -> LowResolution | None:
    """The preflight record of a photo whose crop (pixels) fills a frame (points), or None when it is sharp."""
    if frame_w <= 0 or frame_h <= 0:
        return None
    ppi = min(crop_w / (frame_w / 72.0), crop_h / (frame_h / 72.0))
    if ppi >= WARNING_PPI:
        return None
    return LowResolution(persona, ppi, int(-(-frame_w / 72.0 * WARNING_PPI // 1)))


@dataclass(frozen=True)
class MissingGlyphs:
    """Preflight: characters of a field that no bundled font draws (shown as .notdef boxes)."""

    persona: str
    field: str
    item: int | None
    chars: str

    def __str__(self) -> str:
        where = self.field if self.item is None else f"{self.field}[{self.item + 1}]"
        codes = " ".join(f"U+{ord(ch):04X}" for ch in self.chars)
        return f'"{self.persona}": {where}: no bundled font has {codes}'


@dataclass(frozen=True)
class WordBroken:
    """Preflight: a name or heading word wider than its box even at the minimum size, broken."""

    persona: str
    field: str
    item: int | None
    word: str

    def __str__(self) -> str:
        where = self.field if self.item is None else f"{self.field}[{self.item + 1}]"
        return f'"{self.persona}": {where}: "{self.word}" is wider than its box at the smallest size and was broken'


@dataclass(frozen=True)
class TextBlock:
    """A laid-out text area: its frame, its lines, the field it shows."""

    x: float
    y: float
    w: float
    h: float
    lines: tuple[TextLine, ...]
    field: str | None = None
    item: int | None = None
    cut: Cut | None = None
    align: Literal["left", "center", "right"] = "left"
    #: Characters of this block no bundled font has (drawn as boxes, outlined on the canvas).
    missing: str = ""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class ImageItem:
    """An encoded image (PNG/JPEG bytes) drawn into a frame.

    ``src`` is the crop rectangle in image pixels (x, y, w, h), chosen by the
    layout engine so both painters show the same part of the photo. ``key`` is
    the digest of ``data`` (core.avatar.photo_key), computed once by the layout:
    the painters' image caches use it instead of hashing the bytes on every paint.
    """

    x: float
    y: float
    w: float
    h: float
    data: bytes
    src: tuple[float, float, float, float]
    clip: Literal["rect", "ellipse", "rounded"] = "rect"
    radius: float = 0.0
    field: str | None = "photo"
    item: int | None = None
    key: str = ""
    #: Set when the photo has too few pixels for its printed size (the canvas outlines it).
    low_res: LowResolution | None = None


@dataclass(frozen=True)
class Slider:
    """A personality slider bar: a track and a marker at ``value`` (0-100)."""

    x: float
    y: float
    w: float
    h: float
    value: int
    track: str
    fill: str
    marker: str
    field: str | None = "traits"
    item: int | None = None


@dataclass(frozen=True)
class Icon:
    """A vector icon: ``shape``'s outlines (core.svg_path, in a ``shape.box`` square) scaled into
    the ``size`` square at (x, y), stroked ``stroke_width`` points wide with round caps and
    joins (its filled parts filled) in ``color``. Every painter draws these same numbers."""

    x: float
    y: float
    size: float
    #: Compared by the icon's ``name`` (a canvas diff hashes primitives on every keystroke).
    shape: VectorShape = field(compare=False, repr=False)
    color: str = "#000000"
    stroke_width: float = 1.0
    name: str = ""
    field: str | None = None
    item: int | None = None

    @property
    def w(self) -> float:
        return self.size

    @property
    def h(self) -> float:
        return self.size

    def outlines(self, filled: bool = False) -> list[Subpath]:
        """The stroked (or ``filled``) subpaths placed on the card, in points."""
        k = self.size / self.shape.box
        x, y = self.x, self.y

        def seg(s):
            return tuple(v * k + (x if i % 2 == 0 else y) for i, v in enumerate(s))

        subs = self.shape.fills if filled else self.shape.strokes
        return [Subpath(seg(sub.start), tuple(map(seg, sub.segments)), sub.closed) for sub in subs]


Primitive = Union[Box, Rule, Polygon, TextBlock, ImageItem, Slider, Icon]


@dataclass
class CardLayout:
    """One persona laid out on one template and theme."""

    width: float
    height: float
    bleed: float
    items: list[Primitive] = field(default_factory=list)
    preflight: list[Cut | MissingGlyphs | WordBroken] = field(default_factory=list)
    persona_id: str = ""
    persona_name: str = ""
    template: str = ""
    theme: str = ""
    #: Safe area inset from the trim (points), shown on request in the canvas.
    safe_margin: float = 0.0
    #: Photos printed under WARNING_PPI (those under PROBLEM_PPI are preflight problems).
    photos: list[LowResolution] = field(default_factory=list)
    #: The rectangles (x, y, w, h) of the template's body flows (those that may grow), for the fill measure.
    body: list[tuple[float, float, float, float]] = field(default_factory=list)
    #: The shrink factor the body flows were laid out at (negative: grown), for ``--uniform-type``.
    type_step: float | None = None

    def problems(self) -> list:
        """Everything that fails a ``--strict`` export: cut text, then photos under PROBLEM_PPI."""
        return [*self.preflight, *(r for r in self.photos if r.problem)]

    def warnings(self) -> list[LowResolution]:
        return [r for r in self.photos if not r.problem]

    def hit_test(self, x: float, y: float) -> tuple[str, int | None] | None:
        """The persona field (and list item) drawn at (x, y), topmost first."""
        for it in reversed(self.items):
            f = getattr(it, "field", None)
            if f is None or isinstance(it, Rule):
                continue
            if it.x <= x <= it.x + it.w and it.y <= y <= it.y + it.h:
                return f, getattr(it, "item", None)
        return None

    def text_blocks(self) -> list[TextBlock]:
        return [it for it in self.items if isinstance(it, TextBlock)]

    def runs(self):
        for block in self.text_blocks():
            for line in block.lines:
                yield from line.runs
