"""Themes: colours and type families read from resources/themes/<name>.json.

A theme is data so designers can add one without touching code; the layout
engine only asks it for named colours ("text", "muted", "type"...) and the
heading/body font families.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from personadesigner.core.colors import mix
from personadesigner.core.persona import PERSONA_TYPES
from personadesigner.core.design_files import read_design_file
from personadesigner.errors import UserError
from personadesigner.paths import resource

DEFAULT_THEME = "classic"
#: How much of the type's colour its tint keeps (the rest is white).
TINT_SHARE = 0.3
_REQUIRED_COLORS = ("background", "surface", "text", "muted", "accent", "rule", "on_accent", "negative")


@dataclass(frozen=True)
class Theme:
    name: str
    title: str
    description: str
    colors: dict[str, str]
    #: The accent of each persona type (badge, header band, bullets).
    type_colors: dict[str, str]
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
        fallbacks = {"on_accent_muted": "on_accent", "heading": "type", "bullet": "type",
                     "track": "rule", "negative_text": "on_accent", "negative_band": "text",
                     "badge_text": "type", "badge_fill": "on_accent", "quote": "text"}
        if ref in fallbacks:
            return self.color(fallbacks[ref], persona_type)
        raise KeyError(f"theme {self.name!r} has no colour {ref!r}")


def _themes_dir():
    return resource("themes")


def theme_names() -> list[str]:
    """The bundled themes, the default first."""
    names = sorted(p.stem for p in _themes_dir().glob("*.json"))
    if DEFAULT_THEME in names:
        names.remove(DEFAULT_THEME)
        names.insert(0, DEFAULT_THEME)
    return names


@lru_cache(maxsize=None)
def load_theme(name: str) -> Theme:
    """The theme called ``name``; UserError naming the choices for an unknown one."""
    data = read_design_file("theme", name, _themes_dir(), theme_names())
    colors = dict(data["colors"])
    missing = [c for c in _REQUIRED_COLORS if c not in colors]
    if missing:
        raise UserError(f'The theme "{name}" lacks the colours: {", ".join(missing)}')
    types = {t: data.get("types", {}).get(t, colors["accent"]) for t in PERSONA_TYPES}
    typo = data.get("typography", {})
    return Theme(
        name=name,
        title=data.get("title", name.title()),
        description=data.get("description", ""),
        colors=colors,
        type_colors=types,
        heading_family=typo.get("heading", "sans"),
        body_family=typo.get("body", "sans"),
        quote_family=typo.get("quote", typo.get("heading", "serif")),
        min_size=float(typo.get("min_size", 0.0)),
        min_scale=float(typo.get("min_scale", 1.0)),
    )


def is_theme(name: object) -> bool:
    """True when ``name`` is a bundled theme."""
    return isinstance(name, str) and _is_theme(name)


@lru_cache(maxsize=256)
def _is_theme(name: str) -> bool:
    return name in theme_names()  # one folder listing per name, not one per persona


def theme_or_default(name: str) -> Theme:
    """The theme a persona's card names, or the default one when there is no such theme here (see template_or_default)."""
    try:
        return load_theme(name)  # cached: the everyday case costs a dictionary look-up
    except UserError:
        if is_theme(name):
            raise
        return load_theme(DEFAULT_THEME)
