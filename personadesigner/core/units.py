"""Lengths: points inside, built from and shown in mm, inches or points.

Print work mixes units (A6 is 105 x 148 mm, a Letter sheet 8.5 x 11 in, a
PDF counts points); one type keeps them from being mixed up as bare floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from personadesigner.errors import UserError

PT_PER_IN = 72.0
PT_PER_MM = 72.0 / 25.4

_UNITS = {"pt": 1.0, "mm": PT_PER_MM, "cm": PT_PER_MM * 10, "in": PT_PER_IN, "px": 0.75}
_PATTERN = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(pt|mm|cm|in|px)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Length:
    """A length in points. ``Length.mm(3)``, ``Length.parse("0.125in")``."""

    pt: float

    @classmethod
    def mm(cls, value: float) -> Length:
        return cls(value * PT_PER_MM)

    @classmethod
    def inch(cls, value: float) -> Length:
        return cls(value * PT_PER_IN)

    @classmethod
    def parse(cls, text: str | float | int, default_unit: str = "pt") -> Length:
        """Parse "3mm", "0.125in", "9pt" (bare numbers use ``default_unit``)."""
        if isinstance(text, (int, float)):
            return cls(float(text) * _UNITS[default_unit])
        m = _PATTERN.match(str(text))
        if not m:
            raise UserError(f'"{text}" is not a length (write it like 3mm, 0.125in or 9pt)')
        return cls(float(m.group(1)) * _UNITS[(m.group(2) or default_unit).lower()])

    @property
    def in_mm(self) -> float:
        return self.pt / PT_PER_MM

    def __add__(self, other: Length) -> Length:
        return Length(self.pt + other.pt)

    def __sub__(self, other: Length) -> Length:
        return Length(self.pt - other.pt)

    def __mul__(self, k: float) -> Length:
        return Length(self.pt * k)

    __rmul__ = __mul__

    def __str__(self) -> str:
        return f"{self.in_mm:g}mm"


#: Sheet and card sizes (width, height) in portrait, by the names the CLI accepts.
PAGE_SIZES: dict[str, tuple[Length, Length]] = {
    "A0": (Length.mm(841), Length.mm(1189)),
    "A1": (Length.mm(594), Length.mm(841)),
    "A2": (Length.mm(420), Length.mm(594)),
    "A3": (Length.mm(297), Length.mm(420)),
    "A4": (Length.mm(210), Length.mm(297)),
    "A5": (Length.mm(148), Length.mm(210)),
    "A6": (Length.mm(105), Length.mm(148)),
    "Letter": (Length.inch(8.5), Length.inch(11)),
    "Legal": (Length.inch(8.5), Length.inch(14)),
    "Tabloid": (Length.inch(11), Length.inch(17)),
}


def page_size_name(text: str) -> str | None:
    """The proper name of a sheet size typed in any case ("a4" -> "A4"), or None."""
    wanted = text.strip().lower()
    return next((key for key in PAGE_SIZES if key.lower() == wanted), None)


def page_size(name: str) -> tuple[Length, Length]:
    """Look a sheet size up by name, case-insensitively ("a4", "letter")."""
    proper = page_size_name(name)
    if proper is None:
        raise UserError(f'"{name}" is not a page size (use one of: {", ".join(PAGE_SIZES)})')
    return PAGE_SIZES[proper]
