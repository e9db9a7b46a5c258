"""The painter protocol: one method per CardLayout primitive, and the one dispatch to them.

Every painter (reportlab PDF, QPainter canvas and PNG, a later PPTX writer) is a
class with a method per primitive kind, named after the primitive
(``Box`` -> ``box``, ``TextBlock`` -> ``text_block``). ``draw_primitives`` walks
a layout and calls them; no painter keeps its own isinstance ladder, so a new
primitive is one method in each painter, and a painter that lacks one fails
``tests/render/test_painter_protocol.py`` instead of silently drawing nothing.
No Qt and no reportlab here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, get_args

from personadesigner.core.cardlayout import (
    Box,
    CardLayout,
    Icon,
    ImageItem,
    Polygon,
    Primitive,
    Rule,
    Slider,
    TextBlock,
)

#: Every primitive class a CardLayout may hold, in the order cardlayout declares them.
PRIMITIVES: tuple[type, ...] = get_args(Primitive)


def method_name(kind: type) -> str:
    """The painter method that draws ``kind``: its class name in snake case."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()


class Painter(Protocol):
    """What every card painter implements (coordinates are the layout's points, y down)."""

    def box(self, item: Box) -> None: ...

    def rule(self, item: Rule) -> None: ...

    def polygon(self, item: Polygon) -> None: ...

    def text_block(self, item: TextBlock) -> None: ...

    def image_item(self, item: ImageItem) -> None: ...

    def slider(self, item: Slider) -> None: ...

    def icon(self, item: Icon) -> None: ...


def missing_methods(painter_class: type) -> list[str]:
    """The primitive methods ``painter_class`` does not implement (empty when complete)."""
    return [name for name in map(method_name, PRIMITIVES) if not callable(getattr(painter_class, name, None))]


def bind(painter: Painter) -> dict[type, Callable]:
    """primitive class -> the painter's bound method: looked up once per painter, not per item."""
    return {kind: getattr(painter, method_name(kind)) for kind in PRIMITIVES}


def draw_primitives(layout: CardLayout, painter: Painter, methods: dict[type, Callable] | None = None) -> None:
    """Draw every primitive of ``layout`` in order with ``painter`` (``methods``: from ``bind``)."""
    draw = methods if methods is not None else bind(painter)
    for item in layout.items:
        draw[type(item)](item)


__all__ = ["PRIMITIVES", "Painter", "bind", "draw_primitives", "method_name", "missing_methods"]
