"""Themes: colours and type families read from resources/themes/<name>.json.

A theme is data so designers can add one without touching code; the layout
engine only asks it for named colours ("text", "muted", "type"...) and the
heading/body font families. Each file is parsed once per version of the file
(core.design_cache) and checked against core.theme_schema: a misspelled colour
role or a colour that is not "#rrggbb" is refused at load, in one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from personadesigner.core.colors import mix
from personadesigner.core.design_cache import DesignFolder
from personadesigner.core.persona import PERSONA_TYPES
from personadesigner.core.theme_schema import FALLBACKS, REQUIRED_COLORS, Typography, parse_theme
from personadesigner.errors import UserError
from personadesigner.paths import resource

DEFAULT_THEME = "classic"
#: How much of the type's colour its tint keeps (the rest is white).
TINT_SHARE = 0.3
_REQUIRED_COLORS = REQUIRED_COLORS


@dataclass(frozen=True)
class Theme:
    name: str
    title: str
    description: str
    colors: Mapping[str, str]
    #: The accent of each persona type (badge, header band, bullets).
    type_colors: Mapping[str, str]
    heading_family: str = "sans"  # "sans" | "serif"
    body_family: str = "sans"
    quote_family: str = "serif"
    #: Every text style's minimum size is raised to at least this (readability themes).
    min_size: float = 0.0
    #: Multiplies every text style's minimum size (>= 1 keeps text larger).
    min_scale: float = 1.0

    def color(self, ref: str, persona_type: str = "customer") -> str:
        """A colour by name; "type" is the persona type's accent; "#rrggbb" passes through."""
        if ref.startswith("#"):
            return ref
        if ref == "type":
            return self.type_colors.get(persona_type, self.colors["accent"])
        if ref == "type_tint":  # the type's colour lightened: stands out on a band of the type's colour
            return self.colors.get("type_tint") or mix(self.color("type", persona_type), "#ffffff", TINT_SHARE)
        if ref == "on_type":
            return self.colors.get("on_type", self.colors["on_accent"])
        if ref in self.colors:
            return self.colors[ref]
        if ref in FALLBACKS:
            return self.color(FALLBACKS[ref], persona_type)
        raise KeyError(f"theme {self.name!r} has no colour {ref!r}")


def _build(name: str, data: Any, path: Path) -> Theme:
    spec = parse_theme(data, path)
    colors = dict(spec.colors)
    types = {t: spec.types.get(t, colors["accent"]) for t in PERSONA_TYPES}
    typo = spec.typography or Typography()
    return Theme(
        name=name,
        title=spec.title if spec.title is not None else name.title(),
        description=spec.description,
        colors=MappingProxyType(colors),
        type_colors=MappingProxyType(types),
        heading_family=typo.heading or "sans",
        body_family=typo.body,
        quote_family=typo.quote or typo.heading or "serif",  # quotes follow the headings unless named
        min_size=typo.min_size,
        min_scale=typo.min_scale,
    )


def _themes_dir() -> Path:
    return resource("themes")


def _default_first(names: list[str]) -> list[str]:
    names = sorted(names)
    if DEFAULT_THEME in names:
        names.remove(DEFAULT_THEME)
        names.insert(0, DEFAULT_THEME)
    return names


_FOLDER: DesignFolder[Theme] = DesignFolder("theme", lambda: _themes_dir(), _build, _default_first)


def theme_names() -> list[str]:
    """The bundled themes, the default first."""
    return _FOLDER.names()


def load_theme(name: str) -> Theme:
    """The theme called ``name``; UserError naming the choices for an unknown one, or the
    file, key and what is allowed for a broken one. Read again when its file changed."""
    return _FOLDER.load(name)


def themes_and_problems() -> tuple[list[Theme], list[UserError]]:
    """Every theme that loads, and one error per broken file (the others keep working)."""
    return _FOLDER.load_all()


def reload_themes() -> None:
    """Forget the parsed themes: the next load reads every file again."""
    _FOLDER.reload()


def is_theme(name: object) -> bool:
    """True when ``name`` is a bundled theme."""
    return _FOLDER.has(name)


def theme_or_default(name: str) -> Theme:
    """The theme a persona's card names, or the default one when there is no such theme here (see template_or_default)."""
    try:
        return load_theme(name)  # cached: the everyday case costs a dictionary look-up
    except UserError:
        if is_theme(name):
            raise
        return load_theme(DEFAULT_THEME)
