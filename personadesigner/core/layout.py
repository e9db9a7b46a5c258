"""The layout engine: one persona on one template and theme -> a CardLayout.

Every output (canvas, PNG, PDF) paints this one result, so the screen and the
print agree on positions, line breaks, fonts and cuts. The template supplies
all numbers (regions, styles, flows); this module only resolves them against
the page, the theme and the persona, and delegates text flows to
core.layout_flow.
"""

from __future__ import annotations

from personadesigner.core import text as T
from personadesigner.core.avatar import picture
from personadesigner.core.cardlayout import Box, CardLayout, Rule, TextBlock, TextLine, TextRun
from personadesigner.core.layout_flow import Block, Flow, ResolvedStyle
from personadesigner.core.layout_sections import section_blocks
from personadesigner.core.persona import Persona
from personadesigner.core.templates import Template, length, load_template
from personadesigner.core.themes import Theme, load_theme

NEGATIVE_TEXT = "NOT OUR CUSTOMER"
_EPS = 0.01

_DEFAULT_STYLES = {
    "body": {"family": "body", "size": 9, "min": 7, "leading": 1.35, "color": "text"},
    "heading": {"family": "heading", "weight": "bold", "size": 7.5, "min": 6.5, "leading": 1.6,
                "color": "heading", "upper": True, "tracking": 0.06},
    "fact_label": {"family": "body", "size": 7, "min": 6, "leading": 1.35, "color": "muted"},
    "slider": {"family": "body", "size": 7.5, "min": 6, "leading": 1.3, "color": "muted"},
    "badge": {"family": "body", "weight": "bold", "size": 7, "min": 6, "color": "on_accent", "fill": "type"},
    "quote": {"family": "quote", "italic": True, "size": 10, "min": 7.5, "leading": 1.35, "color": "text"},
    "negative": {"family": "heading", "weight": "bold", "size": 8, "min": 8, "leading": 1.0,
                 "color": "negative_text", "tracking": 0.18},
    "initials": {"family": "heading", "weight": "bold", "size": 10, "min": 10, "color": "on_accent"},
}


def _face(family: str, weight: str, italic: bool) -> str:
    variant = ("bold" if weight == "bold" else "") + ("italic" if italic else "")
    return family + ("-" + variant if variant else "")


class _Styles:
    """Text styles of a template resolved against a theme and a page scale, cached per shrink step."""

    def __init__(self, tpl: Template, theme: Theme, ptype: str, scale: float) -> None:
        self.specs = {**_DEFAULT_STYLES, **tpl.data.get("styles", {})}
        self.theme = theme
        self.ptype = ptype
        self.scale = scale
        self.cache: dict = {}

    def family(self, role: str) -> str:
        return {"heading": self.theme.heading_family, "body": self.theme.body_family,
                "quote": self.theme.quote_family}.get(role, role)

    def __call__(self, name: str, s: float = 0.0) -> ResolvedStyle:
        key = (name, s)
        st = self.cache.get(key)
        if st is not None:
            return st
        spec = self.specs.get(name) or self.specs["body"]
        pref = float(spec.get("size", 9))
        low = float(spec.get("min", pref))
        low = max(low * self.theme.min_scale, self.theme.min_size)
        pref = max(pref, low)
        size = (pref - s * (pref - low)) * self.scale
        fill = spec.get("fill")
        st = ResolvedStyle(
            font=_face(self.family(spec.get("family", "body")), spec.get("weight", "regular"), bool(spec.get("italic"))),
            size=size,
            leading=float(spec.get("leading", 1.3)),
            color=self.theme.color(spec.get("color", "text"), self.ptype),
            tracking=float(spec.get("tracking", 0.0)),
            upper=bool(spec.get("upper", False)),
            fill=self.theme.color(fill, self.ptype) if fill else None,
        )
        self.cache[key] = st
        return st


_STYLES: dict[tuple, tuple[Template, Theme, _Styles]] = {}


def _styles_for(tpl: Template, theme: Theme, ptype: str, scale: float) -> _Styles:
    """One resolved-style cache per (template, theme, type, scale), shared by every card of a batch.

    Keyed by identity (templates and themes are loaded once); the entry keeps both
    alive, so an id cannot be reused by another object while it is cached.
    """
    key = (id(tpl), id(theme), ptype, scale)
    found = _STYLES.get(key)
    if found is None or found[0] is not tpl or found[1] is not theme:
        if len(_STYLES) > 64:
            _STYLES.clear()
        found = _STYLES[key] = (tpl, theme, _Styles(tpl, theme, ptype, scale))
    return found[2]


class _Page:
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
        return length(v, self.scale, whole)

    def rect(self, spec: dict) -> tuple[float, float, float, float]:
        W, H = self.w, self.h
        x = self._left(spec)
        if "width" in spec:
            w = self.len(spec["width"], W)
            if "right" in spec and "left" not in spec:
                x = W - self.len(spec["right"], W) - w
        else:
            w = W - x - self.len(spec.get("right", 0), W)
        top = spec.get("top", 0)
        if isinstance(top, str) and top.startswith("after:"):
            ref = top[6:]
            bottom = self.bottoms.get(ref)
            if bottom is None:  # an empty flow above takes no room
                y = self.tops.get(ref, self.offset)
            else:
                y = bottom + self.len(spec.get("gap", 0), H)
        else:
            y = self.len(top, H) + (0.0 if spec.get("pin") else self.offset)
        if "height" in spec:
            h = self.len(spec["height"], H)
            if "bottom" in spec and "top" not in spec:
                y = H - self._bottom(spec) - h
        else:
            h = H - y - self._bottom(spec)
        return x, y, w, max(0.0, h)

    def _left(self, spec: dict) -> float:
        """The region's left edge. "right_of:<id>" starts it ``left_gap`` right of an
        earlier flow (the profile's sidebar); an empty flow takes no room (the margin)."""
        left = spec.get("left", 0)
        if isinstance(left, str) and left.startswith("right_of:"):
            edge = self.rights.get(left[9:])
            return self.margin if edge is None else edge + self.len(spec.get("left_gap", 0), self.w)
        return self.len(left, self.w)

    def _bottom(self, spec: dict) -> float:
        """The region's distance from the trim's bottom edge. "above:<id>" ends it
        ``bottom_gap`` above an earlier flow (a footer); an empty flow takes no room,
        and the region then keeps the template's margin."""
        bottom = spec.get("bottom", 0)
        ref = _above_ref(spec)
        if ref is None:
            return self.len(bottom, self.h)
        if self.bottoms.get(ref) is None:
            return self.margin
        return self.h - self.tops[ref] + self.len(spec.get("bottom_gap", 0), self.h)


def _bleed_rect(x, y, w, h, W, H, bleed):
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


def _hazard_stripes(x0: float, x1: float, top: float, bottom: float, color: str, step: float) -> list[Rule]:
    """45-degree stripes filling [x0, x1] x [top, bottom], clipped to it (a warning-tape look)."""
    h = bottom - top
    sw = step * 0.45
    rules = []
    x = x0 - h
    while x < x1:
        # the line from (x, bottom) to (x + h, top), clipped to x0..x1
        t0 = max(0.0, (x0 - x) / h)
        t1 = min(1.0, (x1 - x) / h)
        if t1 > t0:
            rules.append(Rule(x + t0 * h, bottom - t0 * h, x + t1 * h, bottom - t1 * h, color, sw))
        x += step
    return rules


def _negative_band(layout: CardLayout, spec: dict, page: _Page, styles: _Styles, theme: Theme, bleed: float) -> float:
    """The unmistakable "NOT OUR CUSTOMER" warning band across the top; returns its height."""
    h = page.len(spec.get("height", 20), page.h)
    W = page.w
    x, y, w, hh = _bleed_rect(0.0, 0.0, W, h, W, page.h, bleed)
    band = theme.color("negative_band")
    layout.items.append(Box(x, y, w, hh, fill=band, field="type"))
    st = styles("negative")
    label = spec.get("text", NEGATIVE_TEXT)
    track = st.tracking * st.size
    chars = [(ch, T.measure(ch, st.font, st.size)) for ch in label]
    total = sum(cw for _c, cw in chars) + track * (len(chars) - 1)
    pad = h * 0.8
    zone0, zone1 = (W - total) / 2 - pad, (W + total) / 2 + pad
    step = h * 0.7
    stripe = theme.color("negative")
    layout.items.extend(_hazard_stripes(x, zone0, y, h, stripe, step))
    layout.items.extend(_hazard_stripes(zone1, x + w, y, h, stripe, step))
    cx = (W - total) / 2
    base = h / 2 + st.size * 0.36
    runs = []
    for ch, cw in chars:
        runs.append(TextRun(cx, base, ch, st.font, st.size, st.color, cw))
        cx += cw + track
    layout.items.append(TextBlock(0.0, 0.0, W, h, (TextLine(tuple(runs), label),), field="type", align="center"))
    return h


class _Slot:
    """A flow of a fit group, placed in drawing order but run once its group's shared
    shrink is known (after every region, since any later flow of the group may need more)."""

    def __init__(self, flow: Flow, spec: dict, y: float) -> None:
        self.flow, self.spec, self.y = flow, spec, y


def _run_flow(flow: Flow, spec: dict, y: float, page: _Page, at_least: float) -> tuple[list, list]:
    items, cuts = flow.run(at_least)
    if "id" in spec:
        page.bottoms[spec["id"]] = flow.bottom if items else None
        page.tops[spec["id"]] = y
    return items, cuts


def _after_ref(spec: dict) -> str | None:
    top = spec.get("top")
    return top[6:] if isinstance(top, str) and top.startswith("after:") else None


def _above_ref(spec: dict) -> str | None:
    bottom = spec.get("bottom")
    return bottom[6:] if isinstance(bottom, str) and bottom.startswith("above:") else None


def layout(persona: Persona, template: str | Template, theme: str | Theme, *, bleed: float = 0.0,
           page_size: str | None = None, names: dict[str, str] | None = None) -> CardLayout:
    """Lay ``persona`` out on ``template`` with ``theme``.

    ``bleed`` (points): background boxes touching the trim edge extend by it.
    ``page_size``: the sheet of a sheet-sized template (profile: A4/Letter; poster: A3..A0).
    ``names``: persona id -> name, to print related personas by name.
    """
    tpl = template if isinstance(template, Template) else load_template(template)
    th = theme if isinstance(theme, Theme) else load_theme(theme)
    W, H, scale = tpl.geometry(page_size)
    styles = _styles_for(tpl, th, persona.type, scale)
    out = CardLayout(width=W, height=H, bleed=float(bleed), persona_id=persona.id, persona_name=persona.name,
                     template=tpl.name, theme=th.name, safe_margin=tpl.safe * scale)
    page = _Page(W, H, scale, 0.0, length(tpl.data.get("margin", 16), scale, H))
    neg = tpl.data.get("negative", {})
    # Each flow is built and solved once. A flow of a fit group waits in a slot until
    # every region has been seen: its group's members share the largest shrink any needs.
    parts: list = []  # (primitives, cuts) of the regions before a slot, and the _Slots, in drawing order
    shared: dict[str, float] = {}
    waiting: set[str] = set()  # ids of flows in a slot (their bottoms are not known yet)
    for region in tpl.data.get("regions", []):
        kind = region["kind"]
        if not _applies(region.get("when"), tpl, persona, names):
            continue
        if kind == "negative_band":
            if persona.type == "negative":
                page.offset = _negative_band(out, {**neg, **region}, page, styles, th, bleed)
            continue
        if kind == "rect":
            x, y, w, h = page.rect(region)
            if region.get("bleed", True):
                x, y, w, h = _bleed_rect(x, y, w, h, W, H, bleed)
            fill = region.get("fill")
            stroke = region.get("stroke")
            out.items.append(Box(x, y, w, h, fill=th.color(fill, persona.type) if fill else None,
                                 stroke=th.color(stroke, persona.type) if stroke else None,
                                 stroke_width=page.len(region.get("stroke_width", 0), W),
                                 radius=page.len(region.get("radius", 0), W), field=region.get("field")))
        elif kind == "rule":
            x, y, w, _h = page.rect({**region, "height": 0})
            out.items.append(Rule(x, y, x + w, y, th.color(region.get("color", "rule"), persona.type),
                                  page.len(region.get("width_pt", 0.75), W)))
        elif kind == "photo":
            x, y, w, h = page.rect(region)
            st = styles(region.get("initials_style", "initials"))
            ring = region.get("ring")
            out.items.extend(picture(
                persona.photo, persona.initials, x, y, w, h, clip=region.get("clip", "ellipse"),
                fill=th.color(region.get("fill", "type"), persona.type), ink=st.color, font=st.font,
                ring=th.color(ring, persona.type) if ring else None,
                ring_width=page.len(region.get("ring_width", 0), W)))
        elif kind == "flow":
            if waiting and {_after_ref(region), _above_ref(region)} & waiting:
                raise ValueError(f"template {tpl.name!r}: a region cannot start after or end above "
                                 "a flow of a fit group")
            flow, y = _make_flow(region, page, styles, th, persona, names)
            if "id" in region:
                last = flow.columns[-1]
                page.rights[region["id"]] = last[0] + last[2] if flow.blocks else None
            group = region.get("fit_group")
            if group:
                if flow.blocks and flow.columns:
                    shared[group] = max(shared.get(group, 0.0), flow.solve()[0])
                parts += [(out.items, out.preflight), _Slot(flow, region, y)]
                out.items, out.preflight = [], []
                if "id" in region:
                    waiting.add(region["id"])
            else:
                items, cuts = _run_flow(flow, region, y, page, 0.0)
                out.items.extend(items)
                out.preflight.extend(cuts)
        else:
            raise ValueError(f"template {tpl.name!r}: unknown region kind {kind!r}")
    if parts:
        parts.append((out.items, out.preflight))
        out.items, out.preflight = [], []
        for part in parts:
            if isinstance(part, _Slot):
                items, cuts = _run_flow(part.flow, part.spec, part.y, page, shared.get(part.spec["fit_group"], 0.0))
            else:
                items, cuts = part
            out.items.extend(items)
            out.preflight.extend(cuts)
    return out


def _filled(tpl: Template, flow_id: str, persona: Persona, names) -> bool:
    """Whether the flow ``flow_id`` of the template shows anything for this persona."""
    for spec in tpl.data.get("regions", []):
        if spec.get("kind") == "flow" and spec.get("id") == flow_id:
            return any(section_blocks(item, persona, names) for item in spec.get("items", []))
    return False


def _applies(when: str | None, tpl: Template, persona: Persona, names) -> bool:
    """A region's condition: "negative", "not_negative", "filled:<flow id>", "empty:<flow id>"."""
    if not when:
        return True
    if when == "negative":
        return persona.type == "negative"
    if when == "not_negative":
        return persona.type != "negative"
    kind, _, ref = when.partition(":")
    if kind in ("filled", "empty"):
        return _filled(tpl, ref, persona, names) == (kind == "filled")
    raise ValueError(f"template {tpl.name!r}: unknown condition {when!r}")


def _make_flow(spec: dict, page: _Page, styles: _Styles, theme: Theme, persona: Persona, names) -> tuple[Flow, float]:
    x, y, w, h = page.rect(spec)
    ncols = int(spec.get("columns", 1))
    gutter = page.len(spec.get("gutter", 16), page.w)
    cw = (w - gutter * (ncols - 1)) / ncols
    columns = [(x + k * (cw + gutter), y, cw, h) for k in range(ncols)]
    gap = page.len(spec.get("section_gap", 12), page.h)
    kw = dict(
        align=spec.get("align", "left"), valign=spec.get("valign", "top"),
        fact_label=float(spec.get("fact_label", 0.38)),
        indent=page.len(spec.get("indent", 10), page.w), bar_indent=page.len(spec.get("bar_indent", 10), page.w),
        slider_h=page.len(spec.get("slider_height", 4), page.h),
        persona_name=persona.name, theme=theme, persona_type=persona.type,
    )
    sections = [(item, got) for item in spec.get("items", []) if (got := section_blocks(item, persona, names))]
    chosen = [sec for sec in sections if not sec[0].get("optional")]
    if len(chosen) < len(sections):
        chosen = _with_optional(sections, chosen, columns, styles, kw, gap, page)
    flow = Flow(_join(chosen, gap, page), columns, styles, **kw)
    return flow, y


def _join(sections, gap: float, page: _Page) -> list[Block]:
    """The blocks of the chosen sections, a gap between neighbours."""
    blocks: list[Block] = []
    for item, got in sections:
        space = item.get("space_before")
        if blocks:
            blocks.append(Block("gap", space=gap if space is None else page.len(space, page.h)))
        blocks.extend(got)
    return blocks


def _with_optional(sections, required, columns, styles, kw, gap, page):
    """The required sections plus each optional one (in template order) that fits whole.

    An optional section is kept only when the flow still fits at the type size
    the required sections need on their own: extras never shrink, cut or push
    out the sections the template promises; one that does not fit is left out
    entirely (never shown cut).
    """
    base = Flow(_join(required, gap, page), columns, styles, **kw)
    s0 = base.solve()[0] if base.blocks else 0.0
    if base.blocks and not base.fits(s0):
        return required
    chosen = {id(x) for x in required}
    for sec in sections:
        if not sec[0].get("optional"):
            continue
        trial = [x for x in sections if id(x) in chosen or x is sec]
        if Flow(_join(trial, gap, page), columns, styles, **kw).fits(s0):
            chosen.add(id(sec))
    return [x for x in sections if id(x) in chosen]
