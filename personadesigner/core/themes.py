"""Themes: colours and type families read from resources/themes/<name>.json.

A theme is data so designers can add one without touching code; the layout
engine only asks it for named colours ("text", "muted", "type"...) and the
heading/body font families. Each file is parsed once per version of the file
(core.design_cache) and checked against core.theme_schema: a misspelled colour
role or a colour that is not "#rrggbb" is refused at load, in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from personadesigner.core.avatar import photo_key
from personadesigner.core.colors import mix
from personadesigner.core.design_cache import DesignFolder
from personadesigner.core.persona import PERSONA_TYPES
from personadesigner.core.theme_assets import ThemeAssetError, check_font, check_logo
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
    #: The checked logo (PNG/JPEG bytes) and its pixel size; None: templates draw no logo.
    logo: bytes | None = field(default=None, repr=False)
    logo_size: tuple[int, int] = (0, 0)
    #: core.avatar.photo_key of the logo, for the painters' image caches.
    logo_key: str = ""
    #: "header" or "footer": which of a template's logo regions draws it.
    logo_place: str = "header"
    #: "heading"/"body" -> (font file bytes, family name inside it) the theme brings.
    fonts: Mapping[str, tuple[bytes, str]] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    #: "builtin", "library" or "file": built-in themes are read-only.
    source: str = "builtin"

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


#: Reads a file the theme names (a path relative to the theme) as bytes; KeyError/OSError when absent.
AssetReader = Callable[[str], bytes]


def _folder_reader(folder: Path) -> AssetReader:
    def read(rel: str) -> bytes:
        return (folder / rel).read_bytes()

    return read


def _build(name: str, data: Any, path: Path) -> Theme:
    return build_theme(name, data, path, _folder_reader(path.parent))


def build_theme(name: str, data: Any, source: str | Path, read: AssetReader, origin: str = "builtin") -> Theme:
    """The Theme of parsed theme JSON ``data``; its logo and fonts are read with ``read`` and checked.
    DesignFileError or ThemeAssetError (one sentence) for anything wrong."""
    spec = parse_theme(data, source)
    colors = dict(spec.colors)
    types = {t: spec.types.get(t, colors["accent"]) for t in PERSONA_TYPES}
    typo = spec.typography or Typography()
    assets = _assets(spec, source, read)
    return Theme(
        name=name,
        title=spec.title if spec.title is not None else name.title(),
        description=spec.description,
        colors=MappingProxyType(colors),
        type_colors=MappingProxyType(types),
        **{"heading_family": typo.heading or "sans", "body_family": typo.body, **assets},
        quote_family=typo.quote or typo.heading or "serif",  # quotes follow the headings unless named
        min_size=typo.min_size,
        min_scale=typo.min_scale,
        source=origin,
    )


def _asset(read: AssetReader, rel: str, what: str, source) -> bytes:
    try:
        return read(rel)
    except (KeyError, OSError):
        raise ThemeAssetError(f'The theme {source} names the {what} "{rel}", which is not there.') from None


def _assets(spec, source, read: AssetReader) -> dict:
    """The logo and fonts of a theme spec, read and checked."""
    out: dict = {}
    if spec.logo:
        logo = check_logo(_asset(read, spec.logo, "logo", source), f'The logo "{spec.logo}"')
        out.update(
            logo=logo.data,
            logo_size=(logo.width, logo.height),
            logo_key=photo_key(logo.data),
            logo_place=spec.logo_place,
        )
    fonts = {}
    for role in ("heading", "body"):
        rel = getattr(spec.fonts, role, None) if spec.fonts else None
        if rel:
            data = _asset(read, rel, f"{role} font", source)
            fonts[role] = (data, check_font(data, f'The {role} font "{rel}"'))
    if fonts:
        from personadesigner.core.brand_fonts import brand_face

        out["fonts"] = MappingProxyType(fonts)
        for role, (data, family) in fonts.items():  # the theme's files replace the bundled family of the role
            out[f"{role}_family"] = brand_face(data, family)
    return out


def _themes_dir() -> Path:
    return resource("themes")


def _default_first(names: list[str]) -> list[str]:
    names = sorted(names)
    if DEFAULT_THEME in names:
        names.remove(DEFAULT_THEME)
        names.insert(0, DEFAULT_THEME)
    return names


_FOLDER: DesignFolder[Theme] = DesignFolder("theme", lambda: _themes_dir(), _build, _default_first)


#: Themes that are not bundled files: the open library's themes and a --theme file, by name.
_EXTRA: dict[str, Theme] = {}


def use_themes(themes: Iterable[Theme], *, replace_all: bool = True) -> None:
    """Make ``themes`` (from the library or a file) known to load_theme by their names.
    ``replace_all``: forget the ones used before (another library was opened). A name of a
    bundled theme is never shadowed: built-in themes stay what they are."""
    if replace_all:
        _EXTRA.clear()
    for theme in themes:
        if not _FOLDER.has(theme.name):
            _EXTRA[theme.name] = theme


def theme_names() -> list[str]:
    """The bundled themes, the default first, then the library's and file themes."""
    return _FOLDER.names() + sorted(n for n in _EXTRA if not _FOLDER.has(n))


def load_theme(name: str) -> Theme:
    """The theme called ``name``; UserError naming the choices for an unknown one, or the
    file, key and what is allowed for a broken one. Read again when its file changed."""
    extra = _EXTRA.get(name) if isinstance(name, str) else None
    if extra is not None and not _FOLDER.has(name):
        return extra
    return _FOLDER.load(name)


def themes_and_problems() -> tuple[list[Theme], list[UserError]]:
    """Every theme that loads, and one error per broken file (the others keep working)."""
    good, bad = _FOLDER.load_all()
    return good + [_EXTRA[n] for n in sorted(_EXTRA) if not _FOLDER.has(n)], bad


def recolored(theme: Theme, colors: Mapping[str, str], types: Mapping[str, str]) -> Theme:
    """``theme`` with other colours (the editor's live preview: no file, logo or font is read again).
    The colours must be checked already ("#rrggbb"); roles left out keep their fallbacks."""
    return replace(
        theme,
        colors=MappingProxyType(dict(colors)),
        type_colors=MappingProxyType({t: types.get(t, colors["accent"]) for t in PERSONA_TYPES}),
    )


def renamed(theme: Theme, name: str, origin: str) -> Theme:
    """``theme`` under another name (a copy of a built-in theme starts this way)."""
    return replace(theme, name=name, source=origin)


def reload_themes() -> None:
    """Forget the parsed themes: the next load reads every file again."""
    _FOLDER.reload()


def is_builtin_theme(name: object) -> bool:
    """True when ``name`` is a bundled (read-only) theme."""
    return _FOLDER.has(name)


def is_theme(name: object) -> bool:
    """True when ``name`` is a bundled theme or one of the library's."""
    return _FOLDER.has(name) or (isinstance(name, str) and name in _EXTRA)


def theme_or_default(name: str) -> Theme:
    """The theme a persona's card names, or the default one when there is no such theme here (see template_or_default)."""
    try:
        return load_theme(name)  # cached: the everyday case costs a dictionary look-up
    except UserError:
        if is_theme(name):
            raise
        return load_theme(DEFAULT_THEME)
