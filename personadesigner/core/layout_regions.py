"""Drawing the fixed regions of a template: boxes, rules, the photo and the negative band.

core.layout walks a template's regions in order and hands each of these kinds
to its function here (flows, which need the shared type size of their fit
group, stay in core.layout). Each function appends primitives to the card and
needs nothing but the region's typed spec and the page it is resolved on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from personadesigner.core import text as T
from personadesigner.core.avatar import picture
from personadesigner.core.cardlayout import (
    Box,
    CardLayout,
    ImageItem,
    Polygon,
    Rule,
    TextBlock,
    TextLine,
    photo_resolution,
)
from personadesigner.core.colors import readable_ink
from personadesigner.core.flow_blocks import ResolvedStyle
from personadesigner.core.persona import Persona
from personadesigner.core.template_schema import (
    LogoRegion,
    Negative,
    NegativeBand,
    Photo,
    Placed,
    Rect,
    RuleRegion,
    length,
)
from personadesigner.core.themes import Theme

NEGATIVE_TEXT = "NOT OUR CUSTOMER"
_EPS = 0.01


#: Template lengths in points by (value, scale, whole): every card of a batch resolves the
#: same few dozen ("6mm", 12, "40%") against the same page.
_LENGTHS: dict[tuple, float] = {}
#: (region, its rectangle) by (id of the region, height, page size, scale, band offset):
#: Page.rect of regions placed by numbers alone. The region is kept to tell ids apart.
_RECTS: dict[tuple, tuple] = {}


class Page:
    """Resolves template rectangles against the page, the scale and the negative band."""

    def __init__(self, w: float, h: float, scale: float, offset: float, margin: float = 0.0) -> None:
        self.w, self.h, self.scale, self.offset = w, h, scale, offset
        #: Where a region that ends "above:<id>" of an empty flow ends (from the trim's bottom).
        self.margin = margin
        #: Content bottom (None: empty) and top of flows already laid out, for "top": "after:<id>".
        self.bottoms: dict[str, float | None] = {}
        self.tops: dict[str, float] = {}
        #: Right edge of flows that show something (None: empty), for "left": "right_of:<id>".
        self.rights: dict[str, float | None] = {}

    def len(self, v, whole: float) -> float:
        key = (v, self.scale, whole)
        found = _LENGTHS.get(key)
        if found is None:
            if len(_LENGTHS) > 4096:
                _LENGTHS.clear()
            found = _LENGTHS[key] = length(v, self.scale, whole)
        return found

    def rect(self, spec: Placed, height=None) -> tuple[float, float, float, float]:
        """(x, y, w, h) of the region; ``height`` replaces the spec's (a rule is 0 high).

        A region placed by numbers alone (no "after:", "above:", "right_of:") lands where it
        did on the last card of this page size and band, so that answer is kept."""
        key = (id(spec), height, self.w, self.h, self.scale, self.offset)
        found = _RECTS.get(key)
        if found is not None and found[0] is spec:
            return found[1]
        rect = self._rect(spec, height)
        if after_ref(spec) is None and above_ref(spec) is None and not _right_of(spec):
            if len(_RECTS) > 1024:
                _RECTS.clear()
            _RECTS[key] = (spec, rect)
        return rect

    def _rect(self, spec: Placed, height) -> tuple[float, float, float, float]:
        W, H = self.w, self.h
        height = spec.height if height is None else height
        x = self._left(spec)
        if spec.width is not None:
            w = self.len(spec.width, W)
            if spec.right is not None and spec.left is None:
                x = W - self.len(spec.right, W) - w
        else:
            w = W - x - self.len(spec.right or 0, W)
        y = self._top(spec)
        if height is not None:
            h = self.len(height, H)
            if spec.bottom is not None and spec.top is None:
                y = H - self._bottom(spec) - h
        else:
            h = H - y - self._bottom(spec)
        return x, y, w, max(0.0, h)

    def _top(self, spec: Placed) -> float:
        ref = after_ref(spec)
        if ref is None:
            return self.len(spec.top or 0, self.h) + (0.0 if spec.pin else self.offset)
        bottom = self.bottoms.get(ref)
        if bottom is None:  # an empty flow above takes no room
            return self.tops.get(ref, self.offset)
        return bottom + self.len(spec.gap, self.h)

    def _left(self, spec: Placed) -> float:
        """The region's left edge. "right_of:<id>" starts it ``left_gap`` right of an
        earlier flow (the profile's sidebar); an empty flow takes no room (the margin)."""
        left = spec.left or 0
        if isinstance(left, str) and left.startswith("right_of:"):
            edge = self.rights.get(left[9:])
            return self.margin if edge is None else edge + self.len(spec.left_gap, self.w)
        return self.len(left, self.w)

    def _bottom(self, spec: Placed) -> float:
        """The region's distance from the trim's bottom edge. "above:<id>" ends it
        ``bottom_gap`` above an earlier flow (a footer); an empty flow takes no room,
        and the region then keeps the template's margin."""
        ref = above_ref(spec)
        if ref is None:
            return self.len(spec.bottom or 0, self.h)
        if self.bottoms.get(ref) is None:
            return self.margin
        return self.h - self.tops[ref] + self.len(spec.bottom_gap, self.h)


def _right_of(spec: Placed) -> bool:
    left = spec.left
    return isinstance(left, str) and left.startswith("right_of:")


def after_ref(spec: Placed) -> str | None:
    top = spec.top
    return top[6:] if isinstance(top, str) and top.startswith("after:") else None


def above_ref(spec: Placed) -> str | None:
    bottom = spec.bottom
    return bottom[6:] if isinstance(bottom, str) and bottom.startswith("above:") else None


@dataclass
class Canvas:
    """What a region is drawn with: the card so far, its page, styles, theme and persona."""

    out: CardLayout
    page: Page
    styles: object  # core.layout._Styles: name, shrink -> ResolvedStyle
    theme: Theme
    persona: Persona
    bleed: float
    negative: Negative

    def color(self, ref: str | None) -> str | None:
        return self.theme.color(ref, self.persona.type) if ref else None


#: What regions placed by numbers alone drew, by the region, style set, theme, persona type,
#: page and what else they show (see ``_drawn``): the region, style set and theme are kept
#: to tell ids apart.
_DRAWN: dict[tuple, tuple] = {}


def _drawn(c: Canvas, region: Placed, shows, draw) -> tuple:
    """The primitives ``draw(c, region)`` makes, kept for the next card of the batch when the
    region is placed by numbers alone: a background, a rule, an initials disc draw alike on
    every card of one template, theme and persona type. ``shows``: what else they depend on."""
    page = c.page
    key = (
        id(region),
        id(c.styles),
        id(c.theme),
        c.persona.type,
        page.w,
        page.h,
        page.scale,
        page.offset,
        c.bleed,
        shows,
    )
    found = _DRAWN.get(key)
    if found is not None and found[0] is region and found[1] is c.styles and found[2] is c.theme:
        return found[3]
    items = tuple(draw(c, region))
    if after_ref(region) is None and above_ref(region) is None and not _right_of(region):
        if len(_DRAWN) > 1024:
            _DRAWN.clear()
        _DRAWN[key] = (region, c.styles, c.theme, items)
    return items


def draw_rect(c: Canvas, region: Rect) -> None:
    c.out.items.extend(_drawn(c, region, None, _rect_box))


def _rect_box(c: Canvas, region: Rect) -> list[Box]:
    page = c.page
    x, y, w, h = page.rect(region)
    if region.bleed:
        x, y, w, h = bleed_rect(x, y, w, h, page.w, page.h, c.bleed)
    return [
        Box(
            x,
            y,
            w,
            h,
            fill=c.color(region.fill),
            stroke=c.color(region.stroke),
            stroke_width=page.len(region.stroke_width, page.w),
            radius=page.len(region.radius, page.w),
            field=region.field,
        )
    ]


def draw_rule(c: Canvas, region: RuleRegion) -> None:
    c.out.items.extend(_drawn(c, region, None, _rule))


def _rule(c: Canvas, region: RuleRegion) -> list[Rule]:
    x, y, w, _h = c.page.rect(region, height=0)
    return [Rule(x, y, x + w, y, c.color(region.color), c.page.len(region.width_pt, c.page.w))]


def draw_photo(c: Canvas, region: Photo) -> None:
    if c.persona.photo:
        c.out.items.extend(_photo_items(c, region))
    else:  # initials on a disc: alike for every persona with these initials
        c.out.items.extend(_drawn(c, region, (c.persona.initials, T.current_forms()), _photo_items))


def _photo_items(c: Canvas, region: Photo) -> list:
    """The photo (its resolution checked into the preflight) or the initials on their disc."""
    items: list = []
    x, y, w, h = c.page.rect(region)
    st = c.styles(region.initials_style)
    fill = c.color(region.fill)
    if region.clip == "rect" and region.bleed:  # a full-bleed header reaches past the trim...
        bx, by, bw, bh = bleed_rect(x, y, w, h, c.page.w, c.page.h, c.bleed)
        items.append(Box(bx, by, bw, bh, fill=fill, field="photo"))
        if c.persona.photo:  # ...the photo with it; initials stay centred on the trimmed card
            x, y, w, h = bx, by, bw, bh
    # The style's ink when it reads on the disc (white on the type's colour), else the type's colour.
    ink = readable_ink(fill, (st.color, c.color("type"), c.color("text")))
    p = c.persona
    for item in picture(
        p.photo,
        p.initials,
        x,
        y,
        w,
        h,
        clip=region.clip,
        fill=fill,
        ink=ink,
        font=st.font,
        ring=c.color(region.ring),
        ring_width=c.page.len(region.ring_width, c.page.w),
    ):
        if isinstance(item, ImageItem):
            low = photo_resolution(p.name, item.w, item.h, item.src[2], item.src[3])
            if low is not None:
                item = replace(item, low_res=low)
                c.out.photos.append(low)
        items.append(item)
    return items


def draw_logo(c: Canvas, region: LogoRegion) -> None:
    """The theme's logo fitted into the region (whole, not distorted); nothing without a logo."""
    theme = c.theme
    if theme.logo is None or region.place != theme.logo_place:
        return
    x, y, w, h = c.page.rect(region)
    iw, ih = theme.logo_size
    if w <= 0 or h <= 0 or iw <= 0 or ih <= 0:
        return
    k = min(w / iw, h / ih)
    lw, lh = iw * k, ih * k
    x += {"left": 0.0, "center": (w - lw) / 2, "right": w - lw}[region.align]
    y += {"top": 0.0, "middle": (h - lh) / 2, "bottom": h - lh}[region.valign]
    c.out.items.append(
        ImageItem(x, y, lw, lh, theme.logo, (0.0, 0.0, float(iw), float(ih)), field=None, key=theme.logo_key)
    )


def draw_negative_band(c: Canvas, region: NegativeBand) -> None:
    """The unmistakable "NOT OUR CUSTOMER" warning band across the top (negative personas only);
    everything not pinned below it moves down by its height."""
    if c.persona.type != "negative":
        return
    height = _first(region.height, c.negative.height, 20)
    label = _first(region.text, c.negative.text, NEGATIVE_TEXT)
    c.page.offset = negative_band(
        c.out, c.page.len(height, c.page.h), label, c.page, c.styles("negative"), c.theme, c.bleed
    )


def _first(*values):
    return next(v for v in values if v is not None)


def negative_band(
    layout: CardLayout, h: float, label: str, page: Page, st: ResolvedStyle, theme: Theme, bleed: float
) -> float:
    """Draw the band ``h`` high with ``label`` between hazard stripes; returns its height."""
    W = page.w
    x, y, w, hh = bleed_rect(0.0, 0.0, W, h, W, page.h, bleed)
    layout.items.append(Box(x, y, w, hh, fill=theme.color("negative_band"), field="type"))
    pieces = T.shape_line(
        label, T.TextStyle(st.font, st.size), tracking=st.tracking
    )  # shaped whole: kerning, any script
    total = T.line_width(pieces)
    pad = h * 0.8
    zone0, zone1 = (W - total) / 2 - pad, (W + total) / 2 + pad
    step = h * 0.7
    stripe = theme.color("negative")
    layout.items.extend(_hazard_stripes(x, zone0, y, h, stripe, step))
    layout.items.extend(_hazard_stripes(zone1, x + w, y, h, stripe, step))
    cx = (W - total) / 2
    base = h / 2 + st.size * 0.36
    runs = []
    for piece in pieces:
        runs.append(T.text_run(piece, cx, base, st.size, st.color))
        cx += piece.width
    layout.items.append(TextBlock(0.0, 0.0, W, h, (TextLine(tuple(runs), label),), field="type", align="center"))
    return h


def bleed_rect(x, y, w, h, W, H, bleed):
    """Extend a background rectangle that touches a trim edge by the bleed."""
    if bleed <= 0:
        return x, y, w, h
    if x <= _EPS:
        x, w = x - bleed, w + bleed
    if y <= _EPS:
        y, h = y - bleed, h + bleed
    if x + w >= W - _EPS:
        w += bleed
    if y + h >= H - _EPS:
        h += bleed
    return x, y, w, h


def _hazard_stripes(x0: float, x1: float, top: float, bottom: float, color: str, step: float) -> list[Polygon]:
    """45-degree stripes filling [x0, x1] x [top, bottom] (a warning-tape look).

    Each stripe is a parallelogram cut to that rectangle, so no painter's line
    cap can spill below the band (thick stroked lines once did, on ``mini`` most).
    """
    h = bottom - top
    half = step * 0.45 * 2**0.5 / 2  # half the stripe's horizontal width (0.45 step across)
    stripes = []
    x = x0 - h - half
    while x - half < x1:
        # bottom edge centred on x, top edge centred on x + h
        shape = [(x - half, bottom), (x + half, bottom), (x + h + half, top), (x + h - half, top)]
        cut = _clip_x(_clip_x(shape, x0, keep_right=True), x1, keep_right=False)
        if len(cut) >= 3:
            stripes.append(Polygon(tuple(cut), color))
        x += step
    return stripes


def _clip_x(points: list[tuple[float, float]], edge: float, *, keep_right: bool) -> list[tuple[float, float]]:
    """The convex polygon cut by the vertical line x = ``edge``, keeping one side."""

    def inside(p):
        return p[0] >= edge if keep_right else p[0] <= edge

    out = []
    for i, cur in enumerate(points):
        prev = points[i - 1]
        if inside(cur) != inside(prev):
            t = (edge - prev[0]) / (cur[0] - prev[0])
            out.append((edge, prev[1] + t * (cur[1] - prev[1])))
        if inside(cur):
            out.append(cur)
    return out


#: Region kind -> how it is drawn (flows are laid out by core.layout itself).
DRAW = {
    "rect": draw_rect,
    "rule": draw_rule,
    "photo": draw_photo,
    "logo": draw_logo,
    "negative_band": draw_negative_band,
}
