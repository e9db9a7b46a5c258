"""Section kinds: what a template flow item shows of a persona, one small builder each.

A kind is its typed spec (a frozen msgspec Struct whose tag is the kind's name,
so the template schema knows its keys and defaults) and a builder that turns
the spec and a persona into core.layout_flow.Block lists. ``@section_kind``
registers both; adding a kind is one Struct and one function here, and the
template schema, the layout engine and the docs' list of kinds follow.

A builder returns [] when the persona has nothing for the section, so an empty
section never leaves its heading behind. Notes are internal: no kind prints them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, ClassVar, Literal

import msgspec

from personadesigner.core import persona as P
from personadesigner.core.evidence_notes import share_line, share_percent
from personadesigner.core.flow_blocks import Block
from personadesigner.core.icons import channel_icon
from personadesigner.core.icons import resolve as resolve_icon
from personadesigner.core.layout_icons import PLACEHOLDER
from personadesigner.core.persona import FIELD_LABELS, RELATION_LABELS, SOURCE_KIND_LABELS, TYPE_LABELS, Persona
from personadesigner.core.text import clean, glued_separator

#: A template length: points, a unit ("6mm", "0.25in") or a share of the page ("40%").
Length = Annotated[
    float | str, msgspec.Meta(description='a length: a number of points, or text such as "6mm", "0.25in" or "40%"')
]
Align = Literal["left", "center", "right"]
IconChoice = Annotated[
    str | bool, msgspec.Meta(description='"auto", the name of a bundled icon (resources/card_icons), or false')
]
Count = Annotated[int, msgspec.Meta(ge=1, description="a whole number, 1 or more")]

DEMOGRAPHICS = (
    "age",
    "gender",
    "location",
    "income",
    "education",
    "household",
    "company",
    "company_size",
    "industry",
    "segment",
)
NEVER_PRINTED = frozenset({"notes"})
#: Confidence as three dots (filled = how sure the research is), legible in black and white.
_CONFIDENCE_DOTS = {"high": "\u25cf\u25cf\u25cf", "medium": "\u25cf\u25cf\u25cb", "low": "\u25cf\u25cb\u25cb"}
_OPEN_QUOTES = "\"'\u201c\u201e\u00ab\u2018\u300c"
#: Single-line persona fields a "text" item may show besides the text fields.
_TEXT_EXTRAS = ("name", "confidence", "last_validated", "type_label")


def text_fields() -> tuple[str, ...]:
    """Persona text fields a section may print (read from core.persona, so a new field is known)."""
    return tuple(f for f in P.TEXT_FIELDS if f not in NEVER_PRINTED)


def list_fields() -> tuple[str, ...]:
    """Persona lists of plain text (read from core.persona, so a new list field is known)."""
    return tuple(f for f in P.LIST_FIELDS if f not in NEVER_PRINTED)


class Section(msgspec.Struct, frozen=True, forbid_unknown_fields=True, tag_field="kind"):
    """Keys every flow item has."""

    #: The persona field the item shows (what the canvas selects when it is clicked).
    field: str | None = None
    style: str = "body"
    align: Align | None = None
    #: Shown only when it fits whole at the size the other sections need.
    optional: bool = False
    #: The gap above it instead of the flow's ``section_gap``.
    space_before: Length | None = None
    #: Hidden in the template designer: kept in its place, never laid out (shown again from there).
    hidden: bool = False

    #: The persona fields ``field`` may name (a function: the persona's fields are read when a file is checked).
    fields_allowed: ClassVar[Callable[[], tuple[str, ...]]] = tuple


class Headed(Section, frozen=True):
    """A section under a heading (``heading: false`` drops it; ``label`` replaces its words)."""

    heading: bool = True
    label: str | None = None
    heading_style: str = "heading"
    #: An icon left of the heading: "auto" (the field's own, core.icons.FIELD_ICONS), an icon's name, or false.
    icon: IconChoice = False


Builder = Callable[[Section, Persona, "dict[str, str] | None"], "list[Block]"]
#: kind -> (spec type, builder), in the order they are declared.
SECTION_KINDS: dict[str, tuple[type[Section], Builder]] = {}


def section_kind(spec_type: type[Section]) -> Callable[[Builder], Builder]:
    """Register ``builder`` for the kind named by ``spec_type``'s tag."""

    def register(builder: Builder) -> Builder:
        SECTION_KINDS[spec_type.__struct_config__.tag] = (spec_type, builder)
        return builder

    return register


def section_blocks(spec: Section, p: Persona, names: dict[str, str] | None = None) -> list[Block]:
    """Blocks of one flow item for ``p``; [] when the persona has nothing for it (or it is hidden).

    Each block remembers the item that made it (``Block.section``): the layout tells the
    canvas designer where each item landed.
    """
    if spec.field in NEVER_PRINTED or spec.hidden:
        return []
    blocks = SECTION_KINDS[spec.__struct_config__.tag][1](spec, p, names)
    for b in blocks:
        b.section = spec
    return blocks


def _heading(spec: Headed, default: str) -> list[Block]:
    """The section's heading block: the spec's alone, so made once per spec (blocks are not
    changed once made) and shared by every card of a batch."""
    if not spec.heading:
        return []
    found = _HEADINGS.get(id(spec))
    if found is None or found[0] is not spec or found[1] != default:
        if len(_HEADINGS) > 256:
            _HEADINGS.clear()
        block = Block(
            "heading",
            field=spec.field,
            text=clean(spec.label or default),
            style=spec.heading_style,
            keep_with_next=True,
            counts=False,
            icon=heading_icon(spec),
            section=spec,
        )
        found = _HEADINGS[id(spec)] = (spec, default, block)  # the entry keeps the spec (its id) alive
    return [found[2]]


#: (spec, default words, heading block) by the id of the spec (``_heading``).
_HEADINGS: dict[int, tuple[Headed, str, Block]] = {}


#: The field whose icon a heading of a kind without ``field`` shows for ``"icon": "auto"``.
_KIND_ICON_FIELDS = {
    "facts": "demographics",
    "evidence": "evidence",
    "sliders": "traits",
    "sources": "sources",
    "related": "related",
    "quote": "quote",
}


def heading_icon(spec: Headed) -> str | None:
    """The icon a section's heading gets (core.icons.resolve of its ``icon`` key)."""
    return resolve_icon(spec.icon, spec.field, _KIND_ICON_FIELDS.get(spec.__struct_config__.tag))


def item_icons(spec: Section, items: list[tuple[int, str]]) -> dict[int, str]:
    """item index -> its recognised icon (core.icons.channel_icon), when the spec asks for ``item_icons``."""
    if not getattr(spec, "item_icons", False):
        return {}
    return {i: channel_icon(v) for i, v in items}


def _items(values, limit: int | None) -> list[tuple[int, str]]:
    out = [(i, clean(v).strip()) for i, v in enumerate(values)]
    out = [(i, v) for i, v in out if v]
    return out[:limit] if limit else out


def _paragraphs(value: str) -> list[str]:
    return [para.strip() for para in value.split("\n") if para.strip()]


# ------------------------------------------------------------------ one field
class Text(Section, tag="text", frozen=True, kw_only=True):
    """One field as a line of text (the name, the role)."""

    field: str
    fields_allowed: ClassVar = staticmethod(lambda: (*_TEXT_EXTRAS[:1], *text_fields(), *_TEXT_EXTRAS[1:]))


@section_kind(Text)
def _text(spec: Text, p: Persona, names) -> list[Block]:
    raw = TYPE_LABELS[p.type] if spec.field == "type_label" else getattr(p, spec.field)
    value = clean(raw).strip()
    return [Block("text", field=spec.field, text=value, style=spec.style, align=spec.align)] if value else []


class Badge(Section, tag="badge", frozen=True):
    """The persona type's label on a pill."""

    style: str = "badge"
    fields_allowed: ClassVar = staticmethod(lambda: ("type",))


@section_kind(Badge)
def _badge(spec: Badge, p: Persona, names) -> list[Block]:
    return [
        Block(
            "badge",
            field="type",
            text=TYPE_LABELS.get(p.type, p.type),
            style=spec.style,
            counts=False,
            align=spec.align,
        )
    ]


class Quote(Headed, tag="quote", frozen=True):
    """The quote in quotation marks, with a bar in the type's colour."""

    style: str = "quote"
    heading: bool = False
    bar: bool = True
    fields_allowed: ClassVar = staticmethod(lambda: ("quote",))


@section_kind(Quote)
def _quote(spec: Quote, p: Persona, names) -> list[Block]:
    value = clean(p.quote).strip()
    if not value:
        return []
    if value[0] not in _OPEN_QUOTES:
        value = f"\u201c{value}\u201d"
    return _heading(spec, FIELD_LABELS["quote"]) + [
        Block("text", field="quote", text=value, style=spec.style, bar=spec.bar, align=spec.align)
    ]


class Paragraph(Headed, tag="paragraph", frozen=True, kw_only=True):
    """A long text field, one block per paragraph."""

    field: str
    paragraph_gap: float = 4.0
    fields_allowed: ClassVar = staticmethod(text_fields)


@section_kind(Paragraph)
def _paragraph(spec: Paragraph, p: Persona, names) -> list[Block]:
    paras = _paragraphs(clean(getattr(p, spec.field)).strip())
    if not paras:
        return []
    blocks = _heading(spec, FIELD_LABELS[spec.field])
    for k, para in enumerate(paras):
        if k:
            blocks.append(Block("gap", space=spec.paragraph_gap))
        blocks.append(Block("text", field=spec.field, text=para, style=spec.style, align=spec.align))
    return blocks


# ------------------------------------------------------------------ lists
class ListSection(Headed, tag="list", frozen=True, kw_only=True):
    """A list field as bullets (``bullets: false``: plain lines)."""

    field: str
    max_items: Count | None = None
    bullets: bool = True
    #: Say "+N more goals" under the list when ``max_items`` leaves items out (false: a
    #: "Top goal" section that means to show one).
    count_rest: bool = True
    #: Each item's recognised icon (core.icons.channel_icon) instead of its bullet.
    item_icons: bool = False
    fields_allowed: ClassVar = staticmethod(list_fields)


@section_kind(ListSection)
def _list(spec: ListSection, p: Persona, names) -> list[Block]:
    every = _items(getattr(p, spec.field), None)
    items = every[: spec.max_items] if spec.max_items else every
    if not items:
        return []
    noun = FIELD_LABELS[spec.field].lower()
    icons = item_icons(spec, items)
    blocks = _heading(spec, FIELD_LABELS[spec.field]) + [
        Block(
            "text",
            field=spec.field,
            item=i,
            text=v,
            style=spec.style,
            bullet=spec.bullets,
            align=spec.align,
            more=noun,
            icon=icons.get(i),
        )
        for i, v in items
    ]
    rest = len(every) - len(items)
    if rest and spec.count_rest:  # the template's limit, said on the card (never a preflight cut)
        blocks.append(
            Block(
                "more",
                field=spec.field,
                item=every[len(items)][0],
                text=f"+{rest} more {noun}",
                style=spec.style,
                counts=False,
                value=rest,
                more=noun,
            )
        )
    return blocks


class Inline(Headed, tag="inline", frozen=True, kw_only=True):
    """A list field as one line, the items joined by ``separator`` (channels, tools)."""

    field: str
    max_items: Count | None = None
    separator: str = " \u00b7 "
    #: Each item's recognised icon (core.icons.channel_icon) before its words.
    item_icons: bool = False
    fields_allowed: ClassVar = staticmethod(list_fields)


@section_kind(Inline)
def _inline(spec: Inline, p: Persona, names) -> list[Block]:
    items = _items(getattr(p, spec.field), spec.max_items)
    if not items:
        return []
    icons = item_icons(spec, items)
    mark = PLACEHOLDER if icons else ""
    joined = glued_separator(spec.separator).join(mark + v.replace("\n", " ") for _i, v in items)
    return _heading(spec, FIELD_LABELS[spec.field]) + [
        Block(
            "text",
            field=spec.field,
            text=joined,
            style=spec.style,
            align=spec.align,
            icons=tuple((icons[i], i) for i, _v in items) if icons else (),
        )
    ]


class Sliders(Headed, tag="sliders", frozen=True):
    """The personality traits as sliders."""

    style: str = "slider"
    max_items: Count | None = None
    fields_allowed: ClassVar = staticmethod(lambda: ("traits",))


@section_kind(Sliders)
def _sliders(spec: Sliders, p: Persona, names) -> list[Block]:
    rows = []
    for i, t in enumerate(p.traits):
        left, right = clean(t.left).strip(), clean(t.right).strip()
        if left or right:
            rows.append(
                Block(
                    "slider",
                    field="traits",
                    item=i,
                    label=left,
                    label2=right,
                    text=f"{left} \u2013 {right}",
                    value=t.value,
                    style=spec.style,
                )
            )
    rows = rows[: spec.max_items or None]
    return (_heading(spec, FIELD_LABELS["traits"]) + rows) if rows else []


class Sources(Headed, tag="sources", frozen=True):
    """The research sources, one bullet each."""

    fields_allowed: ClassVar = staticmethod(lambda: ("sources",))


@section_kind(Sources)
def _sources(spec: Sources, p: Persona, names) -> list[Block]:
    blocks = []
    for i, s in enumerate(p.sources):
        parts = [SOURCE_KIND_LABELS.get(s.kind, s.kind.capitalize())]  # the words the editor shows
        title = clean(s.title).strip()
        if title:
            parts.append(title)
        if s.date:
            parts.append(s.date)
        line = " \u00b7 ".join(parts)
        note = clean(s.note).strip()
        if note:
            line += f" \u2014 {note}"
        blocks.append(Block("text", field="sources", item=i, text=line, style=spec.style, bullet=True, more="sources"))
    return (_heading(spec, FIELD_LABELS["sources"]) + blocks) if blocks else []


class Related(Headed, tag="related", frozen=True):
    """Related personas by relation and name."""

    fields_allowed: ClassVar = staticmethod(lambda: ("related",))


@section_kind(Related)
def _related(spec: Related, p: Persona, names) -> list[Block]:
    blocks = []
    for i, r in enumerate(p.related):
        other = (names or {}).get(r.persona, r.persona)
        label = RELATION_LABELS.get(r.relation, r.relation)
        blocks.append(
            Block(
                "text",
                field="related",
                item=i,
                text=clean(f"{label}: {other}").strip(),
                style=spec.style,
                bullet=True,
                more="related personas",
            )
        )
    return (_heading(spec, FIELD_LABELS["related"]) + blocks) if blocks else []


class Custom(Section, tag="custom", frozen=True):
    """The user's own sections, each under its own label."""

    heading_style: str = "heading"
    gap: float = 8.0
    paragraph_gap: float = 4.0
    fields_allowed: ClassVar = staticmethod(lambda: ("custom",))


@section_kind(Custom)
def _custom(spec: Custom, p: Persona, names) -> list[Block]:
    blocks: list[Block] = []
    for i, c in enumerate(p.custom):
        value = clean(c.value).strip()
        if not value:
            continue
        if blocks:
            blocks.append(Block("gap", space=spec.gap))
        label = clean(c.label).strip() or FIELD_LABELS["custom"]
        blocks.append(
            Block(
                "heading",
                field="custom",
                item=i,
                text=label,
                style=spec.heading_style,
                keep_with_next=True,
                counts=False,
            )
        )
        for k, para in enumerate(_paragraphs(value)):
            if k:
                blocks.append(Block("gap", space=spec.paragraph_gap))
            blocks.append(Block("text", field="custom", item=i, text=para, style=spec.style))
    return blocks


# ------------------------------------------------------------------ facts and evidence
class Facts(Headed, tag="facts", frozen=True):
    """Label/value rows of text fields (demographics)."""

    fields: tuple[str, ...] = DEMOGRAPHICS


@section_kind(Facts)
def _facts(spec: Facts, p: Persona, names) -> list[Block]:
    rows = []
    for f in spec.fields:
        value = clean(getattr(p, f)).strip().replace("\n", " ")
        if value:
            rows.append(Block("fact", field=f, text=value, label=FIELD_LABELS[f], style=spec.style))
    if not rows:
        return []
    return _heading(spec, spec.label if spec.label is not None else "Demographics") + rows


class Evidence(Headed, tag="evidence", frozen=True):
    """Confidence and last validated, as facts."""


@section_kind(Evidence)
def _evidence(spec: Evidence, p: Persona, names) -> list[Block]:
    rows = []
    if p.confidence:
        rows.append(
            Block(
                "fact",
                field="confidence",
                text=p.confidence.capitalize(),
                label=FIELD_LABELS["confidence"],
                style=spec.style,
            )
        )
    if p.last_validated:
        rows.append(
            Block(
                "fact",
                field="last_validated",
                text=clean(p.last_validated),
                label=FIELD_LABELS["last_validated"],
                style=spec.style,
            )
        )
    if not rows:
        return []
    return _heading(spec, spec.label if spec.label is not None else "Evidence") + rows


class EvidenceLine(Section, tag="evidence_line", frozen=True):
    """One quiet line of how far to trust the persona: dots, date, research behind it."""

    separator: str = "  \u00b7  "
    #: Add "represents 34 % of 600 respondents" (false: a share_bar says it).
    share: bool = True


@section_kind(EvidenceLine)
def _evidence_line(spec: EvidenceLine, p: Persona, names) -> list[Block]:
    parts = []
    level = _CONFIDENCE_DOTS.get(p.confidence.strip().lower())
    if level:
        parts.append(f"{level} {p.confidence.strip().capitalize()} confidence")
    validated = clean(p.last_validated).strip()
    if validated:
        parts.append(f"Validated {validated}")
    n = len(p.sources)
    if n:
        parts.append(f"{n} research source{'s' if n != 1 else ''}")
    joined = glued_separator(spec.separator).join(parts)
    lines = [Block("text", field="confidence", text=joined, style=spec.style, align=spec.align)]
    share = share_line(p) if spec.share else ""  # a data-built persona: "represents 34 % of 600 respondents"
    if share:
        lines.append(
            Block("text", field="sources", text=share[:1].upper() + share[1:], style=spec.style, align=spec.align)
        )
    return lines if parts else lines[1:]


class SegmentOrTags(Section, tag="segment_or_tags", frozen=True):
    """The segment, or the tags when there is no segment."""

    max_items: Count | None = None


@section_kind(SegmentOrTags)
def _segment_or_tags(spec: SegmentOrTags, p: Persona, names) -> list[Block]:
    segment = clean(p.segment).strip().replace("\n", " ")
    if segment:
        return [Block("text", field="segment", text=segment, style=spec.style, align=spec.align)]
    tags = [v.replace("\n", " ") for _i, v in _items(p.tags, spec.max_items)]
    if not tags:
        return []
    return [Block("text", field="tags", text=" \u00b7 ".join(tags), style=spec.style, align=spec.align)]


# ------------------------------------------------------------------ visual modules (core.layout_modules draws them)
class Chips(Headed, tag="chips", frozen=True, kw_only=True):
    """A list field as wrapped pills (channels, tools, values); a "+N more" chip says what did not fit."""

    field: str
    style: str = "chip"
    max_items: Count | None = None
    #: Rows of pills at most; the last row shown ends in "+N more" when items are left out.
    max_rows: Count | None = None
    #: Each item's recognised icon (core.icons.channel_icon) inside its pill, before its words.
    item_icons: bool = False
    fields_allowed: ClassVar = staticmethod(list_fields)


@section_kind(Chips)
def _chips(spec: Chips, p: Persona, names) -> list[Block]:
    every = _items(getattr(p, spec.field), None)
    items = every[: spec.max_items] if spec.max_items else every
    if not items:
        return []
    chips = Block(
        "chips",
        field=spec.field,
        text="\x1f".join(v for _i, v in items),
        style=spec.style,
        parts=tuple((i, v.replace("\n", " ")) for i, v in items),
        value=len(every) - len(items),
        label=FIELD_LABELS[spec.field].lower(),
        space=float(spec.max_rows or 0),
        icons=tuple((name, i) for i, name in item_icons(spec, items).items()),
    )
    return _heading(spec, FIELD_LABELS[spec.field]) + [chips]


class Callouts(Headed, tag="callouts", frozen=True):
    """Short text fields as big figures in equal columns, each with its label under it
    ("32" / AGE); a value that starts with a number shows the number big, the words in the label."""

    style: str = "callout"
    label_style: str = "callout_label"
    heading: bool = False
    fields: tuple[str, ...] = ("age", "company_size", "income")
    #: Callouts at most (the first filled fields); the rest are left to other sections.
    max_items: Count | None = 4
    #: Callouts per row (a narrow sidebar: 2); default all in one row.
    columns: Count | None = None


@section_kind(Callouts)
def _callouts(spec: Callouts, p: Persona, names) -> list[Block]:
    parts = []
    for f in spec.fields:
        value = clean(getattr(p, f)).strip().replace("\n", " ")
        if value:
            parts.append((f, FIELD_LABELS[f], value))
    parts = parts[: spec.max_items]
    if not parts:
        return []
    block = Block(
        "callouts",
        field=parts[0][0],
        text=" ".join(v for _f, _l, v in parts),
        style=spec.style,
        label2=spec.label_style,
        parts=tuple(parts),
        align=spec.align,
        space=float(spec.columns or 0),
    )
    return _heading(spec, spec.label if spec.label is not None else "At a glance") + [block]


class ShareBar(Headed, tag="share_bar", frozen=True):
    """ "Represents 34 % of respondents" over a bar filled to the share; nothing when no share is known."""

    heading: bool = False
    style: str = "share"
    #: Theme colours of the bar's track and of the share (on a band of the type's colour:
    #: a translucent "#ffffff40" track and "on_type").
    track: str = "track"
    fill: str = "type"
    #: The bar beside the sentence on one line (a footer), when both fit; else under it.
    inline: bool = False
    fields_allowed: ClassVar = staticmethod(lambda: ("sources", "segment"))


@section_kind(ShareBar)
def _share_bar(spec: ShareBar, p: Persona, names) -> list[Block]:
    share = share_percent(p)
    if share is None:
        return []
    value, line = share
    text = line[:1].upper() + line[1:]
    block = Block(
        "share_bar",
        field=spec.field or "sources",
        text=text,
        style=spec.style,
        value=value,  # type: ignore[arg-type]  # a share may have decimals
        label=spec.track,
        label2=spec.fill,
        bar=spec.inline,
    )
    return _heading(spec, spec.label if spec.label is not None else "Share") + [block]


def section_types() -> tuple[type[Section], ...]:
    """The spec type of every registered kind (the template schema's union of items)."""
    return tuple(spec_type for spec_type, _builder in SECTION_KINDS.values())


# Kinds in modules of their own register when imported (before the template schema reads the kinds).
from personadesigner.core import section_continued  # noqa: E402, F401
