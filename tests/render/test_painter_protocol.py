"""Every painter draws every CardLayout primitive: a missing method fails here, not on paper."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from personadesigner.core import cardlayout
from personadesigner.core.cardlayout import Box, CardLayout, Rule
from personadesigner.render.painter import (
    PRIMITIVES,
    Painter,
    draw_primitives,
    method_name,
    missing_methods,
)


def _painter_classes() -> list[type]:
    """The painter of every registered card export format, plus the canvas's."""
    from personadesigner.render import formats
    from personadesigner.render.qt_painter import QtCardPainter

    found = {fmt.painter_class() for fmt in formats.card_formats()}
    return sorted(found | {QtCardPainter}, key=lambda c: c.__qualname__)


def test_the_primitives_are_every_drawable_class_of_cardlayout():
    """A new primitive must join the Primitive union, or no painter would ever be asked to draw it."""
    drawable = {
        cls
        for _, cls in inspect.getmembers(cardlayout, inspect.isclass)
        if dataclasses.is_dataclass(cls)
        and cls.__module__ == cardlayout.__name__
        and cls
        not in (
            CardLayout,
            cardlayout.Cut,
            cardlayout.LowResolution,
            cardlayout.MissingGlyphs,
            cardlayout.WordBroken,
            cardlayout.TextLine,
            cardlayout.TextRun,
        )
    }
    assert drawable == set(PRIMITIVES)


def test_the_protocol_names_a_method_for_every_primitive():
    assert missing_methods(Painter) == []
    assert method_name(cardlayout.TextBlock) == "text_block" and method_name(cardlayout.ImageItem) == "image_item"


@pytest.mark.parametrize("painter_class", _painter_classes(), ids=lambda c: c.__name__)
def test_every_painter_implements_every_primitive(painter_class):
    assert missing_methods(painter_class) == [], f"{painter_class.__name__} cannot draw these primitives"


def test_a_painter_without_a_primitive_method_is_caught():
    class Partial:
        def box(self, item): ...

    assert "rule" in missing_methods(Partial) and "box" not in missing_methods(Partial)


def test_primitives_reach_the_painter_in_layout_order():
    seen = []

    class Recorder:
        def __getattr__(self, name):
            return lambda item: seen.append((name, item))

    box, rule = Box(0, 0, 10, 10, fill="#ffffff"), Rule(0, 0, 5, 5, "#000000")
    draw_primitives(CardLayout(10, 10, 0, [rule, box, rule]), Recorder())
    assert seen == [("rule", rule), ("box", box), ("rule", rule)]
