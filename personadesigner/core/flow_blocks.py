"""The units a flow lays out (core.layout_flow): a style resolved at a shrink factor, a
block (a heading, one list item, a fact...) and a row of a block at a given size."""

from __future__ import annotations

from dataclasses import dataclass

#: The height of a row that can never fit (grown type that would break a word or push a label out).
TOO_TALL = 1e9


@dataclass
class ResolvedStyle:
    font: str
    size: float
    leading: float
    color: str
    tracking: float = 0.0  # extra space between letters, in em
    upper: bool = False
    fill: str | None = None

    @property
    def line_height(self) -> float:
        return self.size * self.leading


@dataclass
class Block:
    """One unit of a flow; see the module docstring."""

    kind: str  # text | heading | fact | slider | badge | gap | chips | callouts | share_bar
    field: str | None = None
    item: int | None = None
    #: The template flow item that made it (core.section_kinds.section_blocks): the designer's provenance.
    section: object = None
    text: str = ""
    style: str = "body"
    bullet: bool = False
    bar: bool = False
    label: str = ""
    label2: str = ""
    value: int = 0
    keep_with_next: bool = False
    space: float = 0.0  # gap blocks: height in points
    counts: bool = True  # reported in the preflight when cut
    align: str | None = None
    #: A list item: the plural the card names when items are left out ("+3 more goals").
    more: str = ""
    #: A gap between sections, which may grow when the flow spreads.
    stretch: bool = False
    #: A module's pieces (core.layout_modules): chips (item, text), callouts (field, label, value).
    parts: tuple = ()
    #: A heading's icon, or a list item's icon drawn instead of its bullet (core.icons names).
    icon: str | None = None
    #: An inline line's (icon, item) per core.layout_icons.PLACEHOLDER in its text.
    icons: tuple[tuple[str, int], ...] = ()


@dataclass(slots=True)
class Row:
    h: float
    block: int
    kind: str
    text: str = ""
    first: bool = False
    last: bool = False
