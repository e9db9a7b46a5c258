"""The layout engine: one persona on one template and theme -> a CardLayout.

Every output (canvas, PNG, PDF) paints this one result, so the screen and the
print agree on positions, line breaks, fonts and cuts. The template supplies
all numbers (regions, styles, flows, typed by core.template_schema); this
module only resolves them against the page, the theme and the persona. Fixed
regions are drawn by core.layout_regions, flow items become blocks through
the section kinds of core.section_kinds, and core.layout_flow fits the blocks.
"""

from __future__ import annotations

from personadesigner.core.cardlayout import CardLayout
from personadesigner.core.continuation import LeftOut
from personadesigner.core.flow_blocks import Block, ResolvedStyle
from personadesigner.core.han_forms import persona_forms
from personadesigner.core.layout_flow import Flow
from personadesigner.core.layout_regions import DRAW, NEGATIVE_TEXT, Canvas, Page
from personadesigner.core.missing_glyphs import report_missing
from personadesigner.core.persona import Persona
from personadesigner.core.section_kinds import section_blocks
from personadesigner.core.section_rects import designed_areas
from personadesigner.core.template_schema import DEFAULT_STYLES, FlowRegion
from personadesigner.core.templates import Template, length, load_template
from personadesigner.core.text import cjk_forms
from personadesigner.core.themes import Theme, load_theme

__all__ = ["NEGATIVE_TEXT", "layout"]


def _face(family: str, weight: str, italic: bool) -> str:
    variant = ("bold" if weight == "bold" else "") + ("italic" if italic else "")
    return family + ("-" + variant if variant else "")


class _Styles:
    """Text styles of a template resolved against a theme and a page scale, cached per shrink step."""

    def __init__(self, tpl: Template, theme: Theme, ptype: str, scale: float) -> None:
        self.specs = {**DEFAULT_STYLES, **tpl.styles}
        self.theme = theme
        self.ptype = ptype
        self.scale = scale
        self.cache: dict = {}

    def family(self, role: str) -> str:
        return {
            "heading": self.theme.heading_family,
            "body": self.theme.body_family,
            "quote": self.theme.quote_family,
        }.get(role, role)

    def __call__(self, name: str, s: float = 0.0) -> ResolvedStyle:
        key = (name, s)
        st = self.cache.get(key)
        if st is not None:
            return st
        spec = self.specs.get(name) or self.specs["body"]
        pref = float(spec.size)
        low = float(spec.min) if spec.min is not None else pref
        low = max(low * self.theme.min_scale, self.theme.min_size)
        pref = max(pref, low)
        # s > 0 shrinks towards the minimum; s < 0 grows (a flow with room): -0.35 is 1.35 x preferred
        size = (pref - s * (pref - low) if s >= 0 else pref * (1.0 - s)) * self.scale
        st = ResolvedStyle(
            font=_face(self.family(spec.family), spec.weight, spec.italic),
            size=size,
            leading=float(spec.leading),
            color=self.theme.color(spec.color, self.ptype),
            tracking=float(spec.tracking),
            upper=spec.upper,
            fill=self.theme.color(spec.fill, self.ptype) if spec.fill else None,
        )
        self.cache[key] = st
        return st


_STYLES: dict[tuple, tuple[Template, Theme, _Styles]] = {}


def _styles_for(tpl: Template, theme: Theme, ptype: str, scale: float) -> _Styles:
    """One resolved-style cache per (template, theme, type, scale), shared by every card of a batch.

    Keyed by identity (a template or theme file is parsed once per version); the entry
    keeps both alive, so an id cannot be reused by another object while it is cached.
    """
    key = (id(tpl), id(theme), ptype, scale)
    found = _STYLES.get(key)
    if found is None or found[0] is not tpl or found[1] is not theme:
        if len(_STYLES) > 64:
            _STYLES.clear()
        found = _STYLES[key] = (tpl, theme, _Styles(tpl, theme, ptype, scale))
    return found[2]


class _Slot:
    """A flow of a fit group, placed in drawing order but run once its group's shared
    shrink is known (after every region, since any later flow of the group may need more)."""

    def __init__(self, flow: Flow, spec: FlowRegion, y: float, need: float) -> None:
        self.flow, self.spec, self.y, self.need = flow, spec, y, need


class _Card(Canvas):
    """The card being laid out: the region drawers' canvas plus the flows waiting for their fit group."""

    def start(
        self, tpl: Template, names, type_step: float | None = None, left_out=None, provenance: bool = True
    ) -> _Card:
        self.tpl, self.names = tpl, names
        #: Record where flows and items landed (layout()'s ``provenance``).
        self.provenance = provenance
        #: Backs are printed: what the flows leave out of lists, for the back (core.continuation).
        self.left_out = left_out
        #: ``--uniform-type``: the shrink factor every body flow is laid out at (None: each fits its own).
        self.type_step = type_step
        #: The factors the body flows were run at.
        self.steps: list[float] = []
        #: (primitives, cuts) of the regions before a slot, and the _Slots, in drawing order.
        self.parts: list = []
        #: The largest shrink (or smallest growth, when negative) any flow of each fit group needs.
        self.shared: dict[str, float] = {}
        #: (region, flow, negative band offset) of every flow, for the designer's provenance.
        self.designed: list = []
        return self

    def flow(self, region: FlowRegion) -> None:
        """Build and solve the flow once; a flow of a fit group waits in a slot until every region is seen."""
        flow, y = _make_flow(region, self.page, self.styles, self.theme, self.persona, self.names, self.left_out)
        body = region.grow > 1.0
        flow.provenance = self.provenance
        if self.provenance:
            self.designed.append((region, flow, self.page.offset if not region.pin else 0.0))
        if body:
            self.out.body.append(_region_rect(flow))
        at_least = self.type_step if body else 0.0
        if region.id is not None:
            last = flow.columns[-1]
            self.page.rights[region.id] = last[0] + last[2] if flow.blocks else None
        group = region.fit_group
        if not group:
            self._emit(*_run_flow(flow, region, y, self.page, at_least))
            self._step(flow, body)
            return
        need = 0.0
        if flow.blocks and flow.columns:
            need = flow.solve(at_least)[0]
            self.shared[group] = max(self.shared.get(group, need), need)
        self.parts += [(self.out.items, self.out.preflight), _Slot(flow, region, y, need)]
        self.out.items, self.out.preflight = [], []

    def _emit(self, items: list, cuts: list) -> None:
        self.out.items.extend(items)
        self.out.preflight.extend(cuts)

    def finish(self) -> CardLayout:
        """Run the waiting flows at their group's shared size, everything in drawing order."""
        if self.parts:
            self.parts.append((self.out.items, self.out.preflight))
            self.out.items, self.out.preflight = [], []
            for part in self.parts:
                if isinstance(part, _Slot):
                    flow = part.flow
                    # Columns side by side keep one size: the most shrunk, or the least grown
                    # (a flow that grows apart shares the shrink only: a sidebar of another style).
                    at_least = self.shared.get(part.spec.fit_group, 0.0)
                    if part.spec.grow_apart and at_least <= 0:
                        at_least = part.need
                    part = _run_flow(flow, part.spec, part.y, self.page, at_least)
                    self._step(flow, isinstance(part, tuple) and bool(part[0]) and flow.grow > 1.0)
                self._emit(*part)
        if self.steps:
            self.out.type_step = max(self.steps)
        self._record_designed()
        return self.out

    def _record_designed(self) -> None:
        """Where each flow region and item landed (CardLayout.flows, .sections): the canvas designer's
        provenance, read once every flow has run (a fit group's run last)."""
        index = _region_index(self.tpl)
        for region, flow, offset in self.designed:
            designed_areas(self.out, region, index[id(region)], flow, offset)

    def _step(self, flow: Flow, body: bool) -> None:
        if body and flow.blocks:
            self.steps.append(flow.s)


_INDEXES: dict[int, tuple[Template, dict[int, int]]] = {}


def _region_index(tpl: Template) -> dict[int, int]:
    """id of each region of ``tpl`` -> its index, once per template (the entry keeps it alive)."""
    found = _INDEXES.get(id(tpl))
    if found is None or found[0] is not tpl:
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        found = _INDEXES[id(tpl)] = (tpl, {id(r): i for i, r in enumerate(tpl.regions)})
    return found[1]


def _region_rect(flow: Flow) -> tuple[float, float, float, float]:
    """The rectangle the flow's columns span."""
    first, last = flow.columns[0], flow.columns[-1]
    return first[0], first[1], last[0] + last[2] - first[0], first[3]


def _run_flow(flow: Flow, spec: FlowRegion, y: float, page: Page, at_least: float | None) -> tuple[list, list]:
    items, cuts = flow.run(at_least)
    if spec.id is not None:
        page.bottoms[spec.id] = flow.bottom if items else None
        page.tops[spec.id] = y
    return items, cuts


def layout(
    persona: Persona,
    template: str | Template,
    theme: str | Theme,
    *,
    bleed: float = 0.0,
    page_size: str | None = None,
    names: dict[str, str] | None = None,
    type_step: float | None = None,
    left_out: LeftOut | None = None,
    provenance: bool = True,
) -> CardLayout:
    """Lay ``persona`` out on ``template`` with ``theme``.

    ``bleed`` (points): background boxes touching the trim edge extend by it.
    ``page_size``: the sheet of a sheet-sized template (profile: A4/Letter; poster: A3..A0).
    ``names``: persona id -> name, to print related personas by name.
    ``type_step``: lay every body flow (a flow that may grow) out at this shrink factor
    instead of fitting each card on its own (``--uniform-type``: the largest
    ``CardLayout.type_step`` of a deck, so cards side by side share one body size).
    ``left_out``: backs are printed (core.card_back); lists the card stops say "on the back"
    and what they leave out is recorded there.
    ``provenance``: record where each flow and its items landed (CardLayout.flows, .sections)
    for the template designer; an export, which prints the card, does without.
    """
    tpl = template if isinstance(template, Template) else load_template(template)
    th = theme if isinstance(theme, Theme) else load_theme(theme)
    W, H, scale = tpl.geometry(page_size)
    out = CardLayout(
        width=W,
        height=H,
        bleed=float(bleed),
        persona_id=persona.id,
        persona_name=persona.name,
        template=tpl.name,
        theme=th.name,
        safe_margin=tpl.safe * scale,
    )
    page = Page(W, H, scale, 0.0, length(tpl.margin, scale, H))
    card = _Card(out, page, _styles_for(tpl, th, persona.type, scale), th, persona, float(bleed), tpl.negative)
    card.start(tpl, names, type_step, left_out, provenance)
    with cjk_forms(persona_forms(persona)):  # a kanji-only name of a Japanese persona takes Japanese forms
        for region in tpl.regions:
            if _applies(region.when, tpl, persona, names):
                kind = region.__struct_config__.tag
                if kind == "flow":
                    card.flow(region)
                else:
                    DRAW[kind](card, region)
        return report_missing(card.finish())


def _filled(tpl: Template, flow_id: str, persona: Persona, names) -> bool:
    """Whether the flow ``flow_id`` of the template shows anything for this persona."""
    for spec in tpl.regions:
        if isinstance(spec, FlowRegion) and spec.id == flow_id:
            return any(section_blocks(item, persona, names) for item in spec.items)
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
    return _filled(tpl, ref, persona, names) == (kind == "filled")  # the schema allows nothing else


def _make_flow(
    spec: FlowRegion, page: Page, styles: _Styles, theme: Theme, persona: Persona, names, left_out=None
) -> tuple[Flow, float]:
    rect = page.rect(spec)
    y = rect[1]
    columns, gap, lengths = _geometry(spec, rect, page)
    columns = list(columns)  # the flow's own (the cached one serves every card)
    kw = dict(
        align=spec.align,
        valign=spec.valign,
        fact_label=float(spec.fact_label),
        indent=lengths[0],
        bar_indent=lengths[1],
        slider_h=lengths[2],
        persona_name=persona.name,
        theme=theme,
        persona_type=persona.type,
    )
    sections = [(item, got) for item in spec.items if (got := section_blocks(item, persona, names))]
    chosen = [sec for sec in sections if not sec[0].optional]
    if len(chosen) < len(sections):
        chosen = _with_optional(sections, chosen, columns, styles, kw, gap, page)
    flow = Flow(
        _join(chosen, gap, page),
        columns,
        styles,
        **kw,
        grow=spec.grow,
        spread=spec.spread,
        module_pad=lengths[3],
        module_fill=theme.color(spec.modules, persona.type) if spec.modules else None,
        left_out=left_out,
    )
    return flow, y


#: (region, its geometry) by (id of the flow region, its rectangle, page size and scale).
_GEOMETRY: dict[tuple, tuple] = {}


def _geometry(spec: FlowRegion, rect, page: Page) -> tuple[list, float, tuple[float, float, float, float]]:
    """(columns, section gap, (indent, bar indent, slider height, module pad)) of a flow region
    in ``rect``: the same on every card of a batch where the region lands in the same place."""
    key = (id(spec), rect, page.w, page.h, page.scale)
    found = _GEOMETRY.get(key)
    if found is not None and found[0] is spec:
        return found[1]
    x, y, w, h = rect
    ncols = spec.columns
    gutter = page.len(spec.gutter, page.w)
    cw = (w - gutter * (ncols - 1)) / ncols
    columns = [(x + k * (cw + gutter), y, cw, h) for k in range(ncols)]
    gap = page.len(spec.section_gap, page.h)
    lengths = (
        page.len(spec.indent, page.w),
        page.len(spec.bar_indent, page.w),
        page.len(spec.slider_height, page.h),
        page.len(spec.module_pad, page.w),
    )
    if len(_GEOMETRY) > 256:
        _GEOMETRY.clear()
    _GEOMETRY[key] = (spec, (columns, gap, lengths))
    return columns, gap, lengths


def _join(sections, gap: float, page: Page) -> list[Block]:
    """The blocks of the chosen sections, a gap between neighbours."""
    blocks: list[Block] = []
    for item, got in sections:
        if blocks:
            space = item.space_before
            blocks.append(_gap(gap if space is None else page.len(space, page.h)))
        blocks.extend(got)
    return blocks


#: Gap blocks by their height: blocks are not changed once made, so cards share them.
_GAPS: dict[float, Block] = {}


def _gap(space: float) -> Block:
    """The stretching gap of ``space`` points between two sections."""
    if not space:  # 0.0 and -0.0 are equal keys but not the same height to print
        return Block("gap", space=space, stretch=True)
    found = _GAPS.get(space)
    if found is None:
        if len(_GAPS) > 256:
            _GAPS.clear()
        found = _GAPS[space] = Block("gap", space=space, stretch=True)
    return found


def _with_optional(sections, required, columns, styles, kw, gap, page):
    """The required sections plus each optional one (in template order) that fits whole.

    An optional section is kept only when the flow still fits at the type size
    the required sections need on their own: extras never shrink, cut or push
    out the sections the template promises; one that does not fit is left out
    entirely (never shown cut).
    """
    base = Flow(_join(required, gap, page), columns, styles, **kw)
    s0 = base.solve(0.0)[0] if base.blocks else 0.0
    if base.blocks and not base.fits(s0):
        return required
    chosen = {id(x) for x in required}
    for sec in sections:
        if not sec[0].optional:
            continue
        trial = [x for x in sections if id(x) in chosen or x is sec]
        if Flow(_join(trial, gap, page), columns, styles, **kw).fits(s0):
            chosen.add(id(sec))
    return [x for x in sections if id(x) in chosen]
