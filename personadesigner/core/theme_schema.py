"""The theme file's schema: its keys, the colour roles and what a colour may be.

Parsed once into frozen msgspec Structs (see core.design_schema for why msgspec);
core.themes builds the Theme the layout engine asks for colours. The colour
roles live here because templates name them too (core.template_schema checks
a template's colour references against the same list).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from personadesigner.core import persona as P
from personadesigner.core.design_schema import DesignFileError, allowed_words, convert

#: Every theme sets these.
REQUIRED_COLORS = ("background", "surface", "text", "muted", "accent", "rule", "on_accent", "negative")
#: A theme may set these; when it does not, each is the role it falls back to (core.themes.Theme.color).
FALLBACKS = {
    "on_accent_muted": "on_accent",
    "heading": "type",
    "bullet": "type",
    "track": "rule",
    "negative_text": "on_accent",
    "negative_band": "text",
    "badge_text": "type",
    "badge_fill": "on_accent",
    "quote": "text",
}
#: Roles worked out from the persona type's colour unless the theme sets them.
TYPE_ROLES = ("type_tint", "on_type")
COLOR_ROLES = (*REQUIRED_COLORS, *TYPE_ROLES, *FALLBACKS)
#: What a template may name besides the roles: the persona type's own colour.
TYPE_COLOR = "type"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
HEX_WORDS = '"#rrggbb" (or "#rrggbbaa")'

Family = Literal["sans", "serif"]
#: The theme file format this PersonaDesigner reads; a file with a larger "version" is refused.
THEME_VERSION = 1
Size = Annotated[float, msgspec.Meta(ge=0, description="a number of points, 0 or more")]


class Typography(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    #: None: sans.
    heading: Family | None = None
    body: Family = "sans"
    #: None: the heading's family when the theme names one, else serif.
    quote: Family | None = None
    #: Every text style's minimum size is raised to at least this (readability themes).
    min_size: Size = 0.0
    #: Multiplies every text style's minimum size (>= 1 keeps text larger).
    min_scale: Annotated[float, msgspec.Meta(gt=0, description="a number above 0")] = 1.0


class Fonts(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Font files (TTF/OTF) the theme brings, relative to the theme file: each replaces the
    ``typography`` family of its role (quotes follow the headings' family unless named)."""

    heading: str | None = None
    body: str | None = None


class ThemeSpec(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    colors: dict[str, str]
    #: The file format's version (see THEME_VERSION).
    version: Annotated[int, msgspec.Meta(ge=1, description="a whole number from 1")] = 1
    #: A PNG or JPEG logo, relative to the theme file; drawn in each template's logo region.
    logo: str | None = None
    #: Where templates put the logo: their header corner or their footer.
    logo_place: Literal["header", "footer"] = "header"
    fonts: Fonts | None = None
    title: str | None = None
    description: str = ""
    types: dict[str, str] = {}
    typography: Typography | None = None


def parse_theme(data, source: str | Path) -> ThemeSpec:
    """The theme file's JSON as a checked ThemeSpec; DesignFileError naming the file, key and what is allowed."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > THEME_VERSION:
        raise DesignFileError(
            "theme",
            source,
            "version",
            f"is {version}: the theme was made by a newer PersonaDesigner",
            f"this one reads version {THEME_VERSION}; update the app",
        )
    spec = convert(data, ThemeSpec, "theme", source)
    for key, value in spec.colors.items():
        if key not in COLOR_ROLES:
            raise DesignFileError("theme", source, f"colors.{key}", "not a colour role", allowed_words(COLOR_ROLES))
        _check_hex(value, f"colors.{key}", source)
    missing = [c for c in REQUIRED_COLORS if c not in spec.colors]
    if missing:
        raise DesignFileError(
            "theme",
            source,
            "colors",
            f"lacks the colours {', '.join(missing)}",
            "every theme sets " + allowed_words(REQUIRED_COLORS),
        )
    for key, value in spec.types.items():
        if key not in P.PERSONA_TYPES:
            raise DesignFileError("theme", source, f"types.{key}", "not a persona type", allowed_words(P.PERSONA_TYPES))
        _check_hex(value, f"types.{key}", source)
    return spec


def _check_hex(value: str, key: str, source) -> None:
    if not _HEX.match(value):
        from personadesigner.errors import quoted

        raise DesignFileError("theme", source, key, f"{quoted(value)} is not a colour", HEX_WORDS)


def is_hex(value: str) -> bool:
    return bool(_HEX.match(value))
