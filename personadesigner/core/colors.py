"""Colour arithmetic the layout needs: tints of a theme colour and readable ink on a fill.

The avatar disc takes a tint of the persona type's colour (so it stands out on a
header of that very colour) and its initials pick the first candidate ink with
enough contrast (WCAG 2 relative luminance), so they stay readable whatever
the theme's colours are.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

#: WCAG AA contrast for normal text.
READABLE = 4.5


@lru_cache(maxsize=256)
def rgba(color: str) -> tuple[float, float, float, float]:
    """``#rrggbb[aa]`` (or ``#rgb[a]``) as red, green, blue, alpha in 0..1 (the painters' parser too)."""
    text = color.strip().lstrip("#")
    if len(text) in (3, 4):
        text = "".join(ch * 2 for ch in text)
    if len(text) not in (6, 8):
        raise ValueError(f"not a colour: {color!r}")
    values = [int(text[i : i + 2], 16) / 255.0 for i in range(0, len(text), 2)]
    if len(values) == 3:
        values.append(1.0)
    return values[0], values[1], values[2], values[3]


def _rgb(color: str) -> tuple[float, float, float]:
    return rgba(color)[:3]


def mix(color: str, other: str, share: float) -> str:
    """``share`` of ``color`` and the rest of ``other`` ("#rrggbb")."""
    a, b = _rgb(color), _rgb(other)
    return "#" + "".join(f"{round((share * x + (1 - share) * y) * 255):02x}" for x, y in zip(a, b))


@lru_cache(maxsize=256)
def luminance(color: str) -> float:
    """WCAG 2 relative luminance, 0 (black) .. 1 (white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 .. 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_ink(fill: str, candidates: Iterable[str], minimum: float = READABLE) -> str:
    """The first candidate with at least ``minimum`` contrast on ``fill``, else the best one."""
    inks = list(candidates) + ["#000000", "#ffffff"]
    for ink in inks:
        if contrast(ink, fill) >= minimum:
            return ink
    return max(inks, key=lambda ink: contrast(ink, fill))
