"""Card backs: a template's optional ``back`` laid out behind its front (``--backs``).

A back is the front's size and styles with regions of its own (the template
file's ``"back": {"regions": [...]}``), so it is laid out by the same engine as
a front. The front is laid out first, recording what its lists leave out
(core.continuation); the back's ``continued`` sections then print exactly those
items, and the front's "+N more goals" says "on the back". No Qt.
"""

from __future__ import annotations

from dataclasses import replace

import msgspec

from personadesigner.core.cardlayout import CardLayout, Cut
from personadesigner.core.continuation import LeftOut, continuing
from personadesigner.core.persona import Persona
from personadesigner.core.section_continued import Continued
from personadesigner.core.template_schema import FlowRegion, NegativeBand, Rect
from personadesigner.core.templates import Template
from personadesigner.core.themes import Theme

_BACKS: dict[int, tuple[Template, Template]] = {}


def has_back(tpl: Template) -> bool:
    return tpl.spec.back is not None


def back_template(tpl: Template) -> Template:
    """The back as a template of its own: the front's size and name, its styles plus the back's, the back's regions."""
    found = _BACKS.get(id(tpl))
    if found is None or found[0] is not tpl:
        if len(_BACKS) > 32:
            _BACKS.clear()
        back = tpl.spec.back
        if back is None:
            raise ValueError(f"the template {tpl.name} has no back")
        spec = msgspec.structs.replace(
            tpl.spec,
            regions=_with_band(back.regions, tpl.spec.regions),
            styles={**tpl.spec.styles, **back.styles},
            back=None,
        )
        found = _BACKS[id(tpl)] = (tpl, replace(tpl, spec=spec))
    return found[1]


def _with_band(back_regions: tuple, front_regions: tuple) -> tuple:
    """The back's regions with the front's negative band when the back has none: a negative
    persona's back says "NOT OUR CUSTOMER" too (a back is never mistaken for a target's).
    As on a front, the band goes over the card's pinned backgrounds and moves the rest down."""
    if any(isinstance(r, NegativeBand) for r in back_regions):
        return back_regions
    band = next((r for r in front_regions if isinstance(r, NegativeBand)), None)
    if band is None:
        return back_regions
    k = 0
    while k < len(back_regions) and isinstance(back_regions[k], Rect) and _covers_card(back_regions[k]):
        k += 1
    below = tuple(msgspec.structs.replace(r, pin=False) if getattr(r, "pin", False) else r for r in back_regions[k:])
    return (*back_regions[:k], band, *below)


def _covers_card(r: Rect) -> bool:
    return r.pin and r.top == 0 and r.bottom == 0 and r.height is None


def continued_lists(tpl: Template) -> LeftOut | None:
    """What the front records for the back: the lists the back continues (None: no ``continued``)."""
    back = tpl.spec.back
    wanted: set[str] = set()
    every = False
    for region in back.regions if back is not None else ():
        if isinstance(region, FlowRegion):
            for item in region.items:
                if isinstance(item, Continued):
                    every = every or item.fields is None
                    wanted.update(item.fields or ())
    if not every and not wanted:
        return None
    return LeftOut(fields=None if every else frozenset(wanted))


def lay_out_with_back(persona: Persona, tpl: Template, theme: Theme, **kw) -> CardLayout:
    """The front (``CardLayout.back`` set when the template has a back), both laid out with ``kw``
    (bleed, page_size, names, type_step) as core.layout.layout takes them."""
    from personadesigner.core.layout import layout  # core.layout imports the kinds this module registers

    if not has_back(tpl):
        return layout(persona, tpl, theme, **kw)
    left = continued_lists(tpl)
    front = layout(persona, tpl, theme, left_out=left, **kw)
    with continuing(left):
        front.back = layout(persona, back_template(tpl), theme, **kw)
    front.preflight = _not_on_the_back(front.preflight, front.back)
    # the name and role head both sides: a character no font has is said once, by the front
    front.back.preflight = [p for p in front.back.preflight if isinstance(p, Cut) or p not in front.preflight]
    return front


def _not_on_the_back(problems: list, back: CardLayout) -> list:
    """The front's problems without the list items its back continues: an item the back prints
    is not cut from the deck, and one the back has to cut in turn is the back's problem (said once)."""
    on_back = {(b.field, b.item) for b in back.text_blocks() if b.item is not None}
    on_back.update((c.field, c.item) for c in back.preflight if isinstance(c, Cut) and c.item is not None)
    return [p for p in problems if not (isinstance(p, Cut) and (p.field, p.item) in on_back)]
