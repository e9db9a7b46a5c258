"""The template file's schema: typed, frozen regions, styles and flow items, checked once at load.

msgspec (see pyproject) turns the JSON into these Structs and refuses unknown
keys, wrong types and values outside their choices; ``check`` then refuses
what a type cannot say: a style, colour, flow id or persona field that does
not exist, a length that does not parse. Every refusal is one line naming the
file, the key path and what is allowed (core.design_schema.DesignFileError).
The flow items are the section kinds of core.section_kinds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Union

import msgspec

from personadesigner.core import persona as P
from personadesigner.core.design_schema import DesignFileError, allowed_words, convert
from personadesigner.core.icons import icon_problem, icon_words
from personadesigner.core.section_continued import Continued, continued_fields
from personadesigner.core.section_kinds import (
    Align,
    Callouts,
    Count,
    Facts,
    Length,
    Section,
    ShareBar,
    section_types,
    text_fields,
)
from personadesigner.core.theme_schema import COLOR_ROLES, HEX_WORDS, TYPE_COLOR, is_hex
from personadesigner.core.units import PAGE_SIZES, page_size_name
from personadesigner.core.units import Length as Measure
from personadesigner.errors import UserError, quoted

Positive = Annotated[float, msgspec.Meta(gt=0, description="a number above 0")]
Share = Annotated[float, msgspec.Meta(ge=0, le=1, description="a share of the width from 0 to 1")]
PageSize = Annotated[
    str | tuple[Length, Length],
    msgspec.Meta(description='a page size such as "A4", or [width, height] as two lengths such as ["105mm", "148mm"]'),
]
Grow = Annotated[float, msgspec.Meta(ge=1, le=2, description="a type scale from 1 to 2")]
Spread = Annotated[float, msgspec.Meta(ge=0, le=8, description="a multiple of the section gap from 0 to 8")]
LENGTH_WORDS = 'a number of points, or text such as "6mm", "0.25in" or "40%"'


def length(value, scale: float = 1.0, whole: float = 0.0) -> float:
    """A template length in points: a number (points), "6mm", or "40%" of ``whole``."""
    if isinstance(value, (int, float)):
        return float(value) * scale
    text = str(value).strip()
    if text.endswith("%"):
        return float(text[:-1]) / 100.0 * whole
    return Measure.parse(text).pt * scale


class Style(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A text style; ``family`` is a theme role (heading, body, quote) or a family (sans, serif)."""

    family: Literal["heading", "body", "quote", "sans", "serif"] = "body"
    weight: Literal["regular", "bold"] = "regular"
    italic: bool = False
    #: The preferred size; text shrinks towards ``min`` until it fits.
    size: Positive = 9.0
    min: Positive | None = None
    leading: Positive = 1.3
    color: str = "text"
    #: Extra space between letters, in em.
    tracking: float = 0.0
    upper: bool = False
    #: A badge's pill colour.
    fill: str | None = None


#: The styles every template has unless it defines its own of the same name.
DEFAULT_STYLES: dict[str, Style] = {
    "body": Style(family="body", size=9, min=7, leading=1.35, color="text"),
    "heading": Style(
        family="heading", weight="bold", size=7.5, min=6.5, leading=1.6, color="heading", upper=True, tracking=0.06
    ),
    "fact_label": Style(family="body", size=7, min=6, leading=1.35, color="muted"),
    "slider": Style(family="body", size=7.5, min=6, leading=1.3, color="muted"),
    "badge": Style(family="body", weight="bold", size=7, min=6, color="on_accent", fill="type"),
    "quote": Style(family="quote", italic=True, size=10, min=7.5, leading=1.35, color="text"),
    "negative": Style(
        family="heading", weight="bold", size=8, min=8, leading=1.0, color="negative_text", tracking=0.18
    ),
    "initials": Style(family="heading", weight="bold", size=10, min=10, color="on_accent"),
    # the visual modules (core.layout_modules): pills, big figures and their labels, the share sentence
    "chip": Style(family="body", size=8, min=6.5, leading=1.3, color="text", fill="type_tint"),
    "callout": Style(family="heading", weight="bold", size=18, min=12, leading=1.1, color="type"),
    "callout_label": Style(family="body", size=6.5, min=5.5, leading=1.3, color="muted", upper=True, tracking=0.06),
    "share": Style(family="body", size=7.5, min=6, leading=1.3, color="muted"),
}


class Negative(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The warning band of a negative persona (a negative_band region may override both)."""

    height: Length | None = None
    text: str | None = None


class Region(msgspec.Struct, frozen=True, forbid_unknown_fields=True, tag_field="kind"):
    #: "negative", "not_negative", "filled:<flow id>" or "empty:<flow id>".
    when: str | None = None


class Placed(Region, frozen=True):
    """A region's rectangle: ``left``/``right``/``width`` and ``top``/``bottom``/``height``.

    ``top`` may be "after:<flow id>" (plus ``gap``), ``bottom`` "above:<flow id>"
    (plus ``bottom_gap``), ``left`` "right_of:<flow id>" (plus ``left_gap``).
    """

    left: Length | None = None
    right: Length | None = None
    width: Length | None = None
    top: Length | None = None
    bottom: Length | None = None
    height: Length | None = None
    #: Not moved down by the negative band.
    pin: bool = False
    gap: Length = 0
    left_gap: Length = 0
    bottom_gap: Length = 0


class Rect(Placed, tag="rect", frozen=True):
    fill: str | None = None
    stroke: str | None = None
    stroke_width: Length = 0
    radius: Length = 0
    field: str | None = None
    #: Extends into the bleed where it touches the trim edge.
    bleed: bool = True


class RuleRegion(Placed, tag="rule", frozen=True):
    color: str = "rule"
    width_pt: Length = 0.75


class Photo(Placed, tag="photo", frozen=True):
    clip: Literal["ellipse", "rounded", "rect"] = "ellipse"
    fill: str = "type"
    ring: str | None = None
    ring_width: Length = 0
    initials_style: str = "initials"
    #: A ``rect`` photo touching the trim edge extends into the bleed (a full-bleed header).
    bleed: bool = True


class LogoRegion(Placed, tag="logo", frozen=True):
    """Where the theme's logo goes (a header corner, the footer): fitted inside the
    rectangle without distortion, against ``align``; nothing when the theme has no logo."""

    align: Literal["left", "center", "right"] = "right"
    valign: Literal["top", "middle", "bottom"] = "middle"
    #: Which placement the region serves: drawn when the theme's ``logo_place`` is the same.
    place: Literal["header", "footer"] = "header"


class NegativeBand(Region, tag="negative_band", frozen=True):
    height: Length | None = None
    text: str | None = None


SectionItem = Union[section_types()]  # type: ignore[valid-type]  # noqa: UP007 (built from the registry)


class FlowRegion(Placed, tag="flow", frozen=True):
    id: str | None = None
    items: tuple[SectionItem, ...] = ()
    columns: Count = 1
    gutter: Length = 16
    section_gap: Length = 12
    align: Align = "left"
    valign: Literal["top", "middle", "bottom"] = "top"
    fact_label: Share = 0.38
    indent: Length = 10
    bar_indent: Length = 10
    slider_height: Length = 4
    #: Flows of one group share a type size (laid out after every other region).
    fit_group: str | None = None
    #: The largest type scale the flow grows to when it has room (1: never grows). A flow
    #: that may grow is part of the card's body (the fill measure, ``--uniform-type``).
    grow: Grow = 1.0
    #: How far each section gap may grow to spread the sections over free room, as a
    #: multiple of the gap (0: the sections stay together at the top).
    spread: Spread = 0.0
    #: A colour: each section sits on a panel of it (a module of the grid), reaching
    #: ``module_pad`` past the column on either side; the panels share the free room.
    modules: str | None = None
    #: Grows on its own (when its fit group need not shrink): a sidebar in another style
    #: should not hold the main column at its preferred size.
    grow_apart: bool = False
    module_pad: Length = 8


AnyRegion = Rect | RuleRegion | Photo | LogoRegion | NegativeBand | FlowRegion


class Back(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The card's back (core.card_back): the front's size, its styles plus the back's own, regions of its own."""

    regions: tuple[AnyRegion, ...] = ()
    #: Styles the back adds to (or changes of) the front's.
    styles: dict[str, Style] = {}


#: The template file format this PersonaDesigner reads; a file with a larger "version" is refused.
TEMPLATE_VERSION = 1


class TemplateSpec(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    #: A page name ("A4") or [width, height].
    size: PageSize
    #: The file format's version (see TEMPLATE_VERSION); library templates and template files carry it.
    version: Annotated[int, msgspec.Meta(ge=1, description="a whole number from 1")] = 1
    title: str | None = None
    description: str = ""
    orientation: Literal["portrait", "landscape"] | None = None
    sizes: tuple[str, ...] = ()
    resize: Literal["fixed", "reflow", "scale"] = "fixed"
    margin: Length | None = None
    safe: Length | None = None
    negative: Negative = Negative()
    styles: dict[str, Style] = {}
    regions: tuple[AnyRegion, ...] = ()
    #: What ``--backs`` prints behind the card; None: the card has no back.
    back: Back | None = None


def parse_template(data, source: str | Path) -> TemplateSpec:
    """The template file's JSON as a checked TemplateSpec; DesignFileError naming the file, key and what is allowed."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > TEMPLATE_VERSION:
        raise DesignFileError(
            "template",
            source,
            "version",
            f"is {version}: the template was made by a newer PersonaDesigner",
            f"this one reads version {TEMPLATE_VERSION}; update the app",
        )
    if isinstance(data, dict) and isinstance(data.get("back"), dict):
        data = {**data, "back": _with_default_kinds(data["back"])}
    spec = convert(_with_default_kinds(data), TemplateSpec, "template", source)
    _Check(spec, source).run()
    if spec.back is not None:  # its own flow ids; every key named "back.regions[...]"
        back = msgspec.structs.replace(spec, regions=spec.back.regions, styles={**spec.styles, **spec.back.styles})
        _Check(back, source, "back.").run()
    return spec


def _with_default_kinds(data):
    """A flow item without ``kind`` is a list (as templates have always been read)."""
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        return data
    regions = []
    for region in data["regions"]:
        if isinstance(region, dict) and isinstance(region.get("items"), list):
            items = [
                {"kind": "list", **it} if isinstance(it, dict) and "kind" not in it else it for it in region["items"]
            ]
            region = {**region, "items": items}
        regions.append(region)
    return {**data, "regions": regions}


_REFS = {"top": "after:", "bottom": "above:", "left": "right_of:"}


class _Check:
    """What the types cannot say: references and lengths, in file order; the first problem is raised."""

    def __init__(self, spec: TemplateSpec, source, prefix: str = "") -> None:
        self.spec, self.source, self.prefix = spec, source, prefix
        self.styles = {**DEFAULT_STYLES, **spec.styles}
        self.flow_ids = [r.id for r in spec.regions if isinstance(r, FlowRegion) and r.id]
        self.seen: dict[str, FlowRegion] = {}  # flows before the region being checked

    def fail(self, key: str, problem: str, allowed: str = "") -> None:
        if key.startswith(("regions", "styles")):
            key = self.prefix + key  # "back.regions[2].items[0]" (the front's own keys passed their check)
        raise DesignFileError("template", self.source, key, problem, allowed)

    def run(self) -> None:
        self.page()
        for name, style in self.spec.styles.items():
            self.color(style.color, f"styles.{name}.color")
            if style.fill is not None:
                self.color(style.fill, f"styles.{name}.fill")
        for i, region in enumerate(self.spec.regions):
            self.region(region, f"regions[{i}]")

    # ------------------------------------------------------------ values
    def length(self, value, key: str, percent: bool = True) -> None:
        if value is None or isinstance(value, (int, float)):
            return
        try:
            if value.strip().endswith("%") and percent:
                float(value.strip()[:-1])
            else:
                Measure.parse(value)
        except (UserError, ValueError):
            self.fail(key, f"{quoted(value)} is not a length", LENGTH_WORDS)

    def color(self, ref: str, key: str) -> None:
        if ref in COLOR_ROLES or ref == TYPE_COLOR or is_hex(ref):
            return
        self.fail(
            key, f"{quoted(ref)} is not a theme colour", allowed_words((TYPE_COLOR, *COLOR_ROLES)) + " or " + HEX_WORDS
        )

    def style(self, name: str, key: str) -> None:
        if name not in self.styles:
            self.fail(key, f"{quoted(name)} is not a style of this template", allowed_words(sorted(self.styles)))

    def page(self) -> None:
        spec = self.spec
        if isinstance(spec.size, str):
            if page_size_name(spec.size) is None:
                self.fail(
                    "size",
                    f"{quoted(spec.size)} is not a page size",
                    allowed_words(PAGE_SIZES) + ", or [width, height]",
                )
        else:
            for k, v in enumerate(spec.size):
                self.length(v, f"size[{k}]", percent=False)
        for k, name in enumerate(spec.sizes):
            if page_size_name(name) is None:
                self.fail(f"sizes[{k}]", f"{quoted(name)} is not a page size", allowed_words(PAGE_SIZES))
        self.length(spec.margin, "margin")
        self.length(spec.safe, "safe")
        self.length(spec.negative.height, "negative.height")

    # ------------------------------------------------------------ regions
    def region(self, region: Region, key: str) -> None:
        self.when(region.when, f"{key}.when")
        if isinstance(region, Placed):
            self.placed(region, key)
        getattr(self, "region_" + region.__struct_config__.tag)(region, key)
        if isinstance(region, FlowRegion) and region.id:
            if region.id in self.seen:
                self.fail(f"{key}.id", f"{quoted(region.id)} is the id of an earlier flow too", "an id of its own")
            self.seen[region.id] = region

    def when(self, when: str | None, key: str) -> None:
        if when is None or when in ("negative", "not_negative"):
            return
        kind, _, ref = when.partition(":")
        if kind not in ("filled", "empty") or ref not in self.flow_ids:
            self.fail(
                key,
                f"{quoted(when)} is not a condition",
                allowed_words(
                    ["negative", "not_negative", *(f"{k}:{i}" for k in ("filled", "empty") for i in self.flow_ids)]
                ),
            )

    def placed(self, region: Placed, key: str) -> None:
        for name in ("left", "right", "width", "top", "bottom", "height", "gap", "left_gap", "bottom_gap"):
            value = getattr(region, name)
            prefix = _REFS.get(name)
            if prefix and isinstance(value, str) and value.startswith(prefix):
                self.reference(value[len(prefix) :], prefix, f"{key}.{name}")
            else:
                self.length(value, f"{key}.{name}")

    def reference(self, ref: str, prefix: str, key: str) -> None:
        flow = self.seen.get(ref)
        if flow is None:
            self.fail(
                key,
                f"{quoted(prefix + ref)} does not name an earlier flow",
                allowed_words(prefix + i for i in self.seen) or "no flow comes before this region",
            )
        if flow.fit_group and prefix != "right_of:":
            self.fail(
                key,
                f"a region cannot start after or end above {quoted(ref)}, a flow of the fit group "
                f"{quoted(flow.fit_group)} (its size is known only at the end)",
            )

    def region_rect(self, region: Rect, key: str) -> None:
        for name in ("fill", "stroke"):
            if getattr(region, name) is not None:
                self.color(getattr(region, name), f"{key}.{name}")
        self.length(region.stroke_width, f"{key}.stroke_width")
        self.length(region.radius, f"{key}.radius")
        if region.field is not None and region.field not in P.ALL_FIELDS:
            self.fail(f"{key}.field", f"{quoted(region.field)} is not a persona field", allowed_words(P.ALL_FIELDS))

    def region_rule(self, region: RuleRegion, key: str) -> None:
        self.color(region.color, f"{key}.color")
        self.length(region.width_pt, f"{key}.width_pt")

    def region_photo(self, region: Photo, key: str) -> None:
        self.color(region.fill, f"{key}.fill")
        if region.ring is not None:
            self.color(region.ring, f"{key}.ring")
        self.length(region.ring_width, f"{key}.ring_width")
        self.style(region.initials_style, f"{key}.initials_style")

    def region_logo(self, region: LogoRegion, key: str) -> None:
        pass  # its rectangle is checked like every placed region's; align/valign by their types

    def region_negative_band(self, region: NegativeBand, key: str) -> None:
        self.length(region.height, f"{key}.height")

    def region_flow(self, region: FlowRegion, key: str) -> None:
        for name in ("gutter", "section_gap", "indent", "bar_indent", "slider_height", "module_pad"):
            self.length(getattr(region, name), f"{key}.{name}")
        if region.modules is not None:
            self.color(region.modules, f"{key}.modules")
        for k, item in enumerate(region.items):
            self.item(item, f"{key}.items[{k}]")

    # ------------------------------------------------------------ flow items
    def item(self, item: Section, key: str) -> None:
        self.style(item.style, f"{key}.style")
        if hasattr(item, "heading_style"):
            self.style(item.heading_style, f"{key}.heading_style")
        if hasattr(item, "label_style"):
            self.style(item.label_style, f"{key}.label_style")
        if isinstance(item, ShareBar):
            self.color(item.track, f"{key}.track")
            self.color(item.fill, f"{key}.fill")
        self.length(item.space_before, f"{key}.space_before")
        icon = getattr(item, "icon", False)
        if icon_problem(icon) is not None:
            self.fail(f"{key}.icon", f"{quoted(icon)} is not a bundled icon", 'false, "auto" or ' + icon_words())
        allowed = type(item).fields_allowed()
        if item.field is not None and item.field not in allowed:
            kind = item.__struct_config__.tag
            self.fail(
                f"{key}.field",
                f"{quoted(item.field)} is not a field a {kind} section shows",
                allowed_words(allowed) if allowed else "no field: leave the key out",
            )
        if isinstance(item, Continued):
            for k, name in enumerate(item.fields or ()):
                if name not in continued_fields():
                    self.fail(
                        f"{key}.fields[{k}]",
                        f"{quoted(name)} is not a list a front continues",
                        allowed_words(continued_fields()),
                    )
        if isinstance(item, (Facts, Callouts)):
            facts = (*text_fields(), "confidence", "last_validated")
            for k, name in enumerate(item.fields):
                if name not in facts:
                    self.fail(f"{key}.fields[{k}]", f"{quoted(name)} is not a text field", allowed_words(facts))
