"""Hand-made CardLayouts: the painters are tested on primitives placed by hand,
independently of the layout engine, so a painter bug and a layout bug never hide each other.

A module of its own (not conftest) so test files of several folders run in one pytest call."""

from __future__ import annotations

import io

from PIL import Image

from personadesigner.core.cardlayout import (
    Box,
    CardLayout,
    ImageItem,
    Rule,
    Slider,
    TextBlock,
    TextLine,
    TextRun,
)
from personadesigner.core.units import PT_PER_MM


def png_bytes(size=(120, 80), color=(200, 40, 40)) -> bytes:
    image = Image.new("RGB", size, color)
    # a blue right half, so a wrong crop shows
    image.paste((30, 60, 200), (size[0] // 2, 0, size[0], size[1]))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def line(x, y, text, font="sans", size=11.0, color="#202020") -> TextLine:
    return TextLine((TextRun(x, y, text, font, size, color, 0.0),), text)


def make_layout(
    texts: list[tuple[str, str]] | None = None,
    *,
    width: float = 105 * PT_PER_MM,
    height: float = 148 * PT_PER_MM,
    bleed: float = 0.0,
    name: str = "Ada Lovelace",
    background: str = "#dceefb",
) -> CardLayout:
    """A card like the real ones: a background into the bleed, a photo, text, a slider."""
    texts = texts if texts is not None else [("sans-bold", name), ("sans", "Goal: ship the plan")]
    items = [
        Box(-bleed, -bleed, width + 2 * bleed, height + 2 * bleed, fill=background),
        Box(12, 12, width - 24, 60, fill="#1f4e79", radius=6),
        ImageItem(20, 90, 70, 70, png_bytes(), (30, 0, 60, 80), clip="ellipse"),
        Box(100, 95, 60, 60, fill="#f0a030", stroke="#000000", stroke_width=1, shape="ellipse"),
        Rule(12, 175, width - 12, 175, "#1f4e79", 1.0),
        Slider(20, height - 40, width - 40, 12, 70, "#c8d3df", "#1f4e79", "#e0552b"),
    ]
    lines = [line(16, 200 + 20 * i, text, font) for i, (font, text) in enumerate(texts)]
    items.append(TextBlock(12, 185, width - 24, 20 * len(lines) + 10, tuple(lines), field="story"))
    items.append(TextBlock(20, 45, 200, 20, (line(20, 45, name, "sans-bold", 16, "#ffffff"),), field="name"))
    return CardLayout(width, height, bleed, items, persona_name=name, template="card", theme="test")
