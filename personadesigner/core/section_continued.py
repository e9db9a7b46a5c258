"""The ``continued`` section kind: on a card's back, the list items its front left out.

With backs printed, a front that stops a list says "+8 more goals on the back"
(core.continuation); this section prints exactly those items, each list under
its label ("Goals, continued"), formatted as the front's own list, sources and
related sections format them. It shows nothing on a front, or when the front
showed everything. Registered from core.section_kinds like every kind.
"""

from __future__ import annotations

from typing import ClassVar

from personadesigner.core.continuation import current
from personadesigner.core.flow_blocks import Block
from personadesigner.core.persona import FIELD_LABELS, Persona
from personadesigner.core.section_kinds import (
    ListSection,
    Related,
    Section,
    Sources,
    list_fields,
    section_blocks,
    section_kind,
)
from personadesigner.core.text import clean

#: The record-like lists a front may stop with "+N more" besides the plain lists.
_RECORD_LISTS = ("sources", "related")


def continued_fields() -> tuple[str, ...]:
    """The lists a front may leave items out of (what ``fields`` may name)."""
    return (*list_fields(), *_RECORD_LISTS)


class Continued(Section, tag="continued", frozen=True):
    """The items the front left out, list by list; ``fields`` limits which lists (None: all)."""

    fields: tuple[str, ...] | None = None
    heading: bool = True
    #: After the list's label in its heading ("Goals, continued").
    suffix: str = ", continued"
    heading_style: str = "heading"
    #: Space between two continued lists.
    gap: float = 8.0

    fields_allowed: ClassVar = staticmethod(lambda: ())


def _items_of(field: str, spec: Continued, p: Persona, names) -> list[Block]:
    """Every item of one list as the front formats it, no heading, no "+N more"."""
    if field == "sources":
        item_spec: Section = Sources(heading=False, style=spec.style)
    elif field == "related":
        item_spec = Related(heading=False, style=spec.style)
    else:
        item_spec = ListSection(field=field, heading=False, count_rest=False, style=spec.style, align=spec.align)
    return [b for b in section_blocks(item_spec, p, names) if b.kind == "text"]


@section_kind(Continued)
def _continued(spec: Continued, p: Persona, names) -> list[Block]:
    left = current()
    if left is None:
        return []
    blocks: list[Block] = []
    stopped = set(left.fields_left_out())
    for field in spec.fields or continued_fields():  # the persona's field order (or the template's)
        if field not in stopped:
            continue
        items = [b for b in _items_of(field, spec, p, names) if left.left_out(field, b.item)]
        if not items:
            continue
        if blocks:
            blocks.append(Block("gap", space=spec.gap))
        if spec.heading:
            label = clean(FIELD_LABELS.get(field, field) + spec.suffix)
            blocks.append(
                Block("heading", field=field, text=label, style=spec.heading_style, keep_with_next=True, counts=False)
            )
        blocks.extend(items)
    return blocks
