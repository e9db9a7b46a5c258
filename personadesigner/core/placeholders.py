"""Placeholder hints: where a template would show the sections a persona has not filled in.

A new persona's card is a name on a coloured header and a lot of white: the
user cannot tell that the quote, the goals and the pain points go there. The
canvas shows light hints ("Add a goal") in those places. They are worked
out here, by the layout engine itself (the persona laid out with a
placeholder in each empty section), so a hint sits exactly where the text
will go. They are never part of the ``CardLayout`` that painters draw: PDF,
PNG and print cannot show them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from personadesigner.core.cardlayout import CardLayout, TextBlock
from personadesigner.core.layout import layout
from personadesigner.core.persona import LIST_FIELDS, Persona
from personadesigner.core.templates import Template, load_template
from personadesigner.core.themes import Theme

#: The sections worth a hint (the content of a persona), and what each hint says.
HINT_TEXTS: dict[str, str] = {
    "quote": "Add a quote",
    "goals": "Add a goal",
    "pain_points": "Add pain points",
    "motivations": "Add a motivation",
    "objections": "Add an objection",
}
#: Flow item kinds that show one of those fields.
_KINDS = frozenset({"quote", "list", "inline", "paragraph"})


@dataclass(frozen=True)
class Hint:
    """An empty section the template shows: its field, its hint, and where its text would be."""

    field: str
    text: str
    x: float
    y: float
    w: float
    h: float
    #: The section as it would be laid out with the hint as its text (heading included).
    blocks: tuple[TextBlock, ...]


def empty_sections(persona: Persona, template: str | Template) -> list[str]:
    """The hinted fields that are empty and that the template always shows when filled.

    Optional sections (shown only when there is room) get no hint: they would
    crowd a new card with promises the template may not keep.
    """
    tpl = template if isinstance(template, Template) else load_template(template)
    shown: list[str] = []
    for region in tpl.regions:
        for item in getattr(region, "items", ()):
            field = item.field
            if (
                field in HINT_TEXTS
                and item.__struct_config__.tag in _KINDS
                and not item.optional
                and not item.hidden
                and field not in shown
                and _is_empty(persona, field)
            ):
                shown.append(field)
    return shown


def _is_empty(persona: Persona, field: str) -> bool:
    value = getattr(persona, field)
    if field in LIST_FIELDS:
        return not any(v.strip() for v in value)
    return not value.strip()


def placeholder_hints(
    persona: Persona,
    template: str | Template,
    theme: str | Theme,
    *,
    bleed: float = 0.0,
    page_size: str | None = None,
    names: dict[str, str] | None = None,
    shown: CardLayout | None = None,
) -> list[Hint]:
    """The hints for ``persona`` on this design, in the template's order.

    ``shown``: the persona's real layout; a hint that would cover any of its
    text (a section that would push shown content down) is left out, and the
    others are placed as if it stayed empty.
    """
    fields = empty_sections(persona, template)
    taken = [b for b in shown.text_blocks() if b.lines] if shown is not None else []
    while fields:
        filled = copy.copy(persona)
        for field in fields:
            setattr(filled, field, [HINT_TEXTS[field]] if field in LIST_FIELDS else HINT_TEXTS[field])
        card = layout(filled, template, theme, bleed=bleed, page_size=page_size, names=names)
        hints = [_hint(field, card) for field in fields]
        kept = [h for h in hints if h is not None and not any(_overlap(h, t) for t in taken)]
        if len(kept) == len(fields):
            return kept
        # Without the sections that cannot have a hint, the others may sit elsewhere: lay out again.
        fields = [h.field for h in kept]
    return []


def _hint(field: str, card: CardLayout) -> Hint | None:
    blocks = tuple(b for b in card.text_blocks() if b.field == field and b.lines)
    if not blocks:  # no room for it even as a hint
        return None
    x0 = min(b.x for b in blocks)
    y0 = min(b.y for b in blocks)
    x1 = max(b.x + b.w for b in blocks)
    y1 = max(b.y + b.h for b in blocks)
    return Hint(field, HINT_TEXTS[field], x0, y0, x1 - x0, y1 - y0, blocks)


def _overlap(hint: Hint, block: TextBlock, slack: float = 0.5) -> bool:
    x0, y0, x1, y1 = hint.x, hint.y, hint.x + hint.w, hint.y + hint.h
    return (
        x0 + slack < block.x + block.w
        and block.x + slack < x1
        and y0 + slack < block.y + block.h
        and block.y + slack < y1
    )
