"""Helpers of the canvas and dialog tests (tests/ui/canvas): personas, a hand-made layout,
ids by name. A module (not conftest), so test folders run together in one pytest call."""

from __future__ import annotations

from personadesigner.core.cardlayout import Box, CardLayout, Cut, TextBlock, TextLine, TextRun
from personadesigner.core.persona import Persona, Trait
from personadesigner.core.units import PT_PER_MM

A6 = (105 * PT_PER_MM, 148 * PT_PER_MM)


def make_persona(name: str = "Anna Berg", **fields) -> Persona:
    p = Persona(
        name=name,
        type=fields.pop("type", "end_user"),
        role="Marketer at a startup",
        age="32",
        location="Malmö",
        quote="I want to spend my day on ideas, not on spreadsheets.",
        story="Anna joined a 20-person startup two years ago and runs all of its marketing alone.",
        goals=["Ship campaigns faster", "Prove the ROI of marketing"],
        pain_points=["Too many tools", "Reporting by hand"],
        traits=[Trait("Introvert", "Extrovert", 70)],
    )
    for key, value in fields.items():
        setattr(p, key, value)
    return p


def _block(x, y, w, h, text, field, item=None, size=10.0, cut=None) -> TextBlock:
    run = TextRun(x, y + size, text, "sans", size, "#222222", len(text) * size * 0.5)
    return TextBlock(x, y, w, h, (TextLine((run,), text),), field, item, cut)


def hand_layout(*, cut: bool = False, width: float = A6[0], height: float = A6[1]) -> CardLayout:
    """A card placed by hand: a red band with the name, a quote and two goals."""
    b = 3 * PT_PER_MM
    goal_cut = Cut("Anna Berg", "goals", 1, 10, 52) if cut else None
    items = [
        Box(-b, -b, width + 2 * b, 70 + b, fill="#c0392b"),
        _block(20, 20, 200, 26, "Anna Berg", "name", size=18),
        _block(20, 100, width - 40, 30, "I want to spend my day on ideas", "quote"),
        _block(20, 150, width - 40, 14, "Ship campaigns faster", "goals", 0),
        _block(20, 170, width - 40, 14, "Prove the ROI of marketing", "goals", 1, cut=goal_cut),
    ]
    return CardLayout(width, height, b, items, persona_name="Anna Berg", safe_margin=5 * PT_PER_MM)


def ids_by_name(lib) -> dict[str, str]:
    return {s.name: s.id for s in lib.list()}
