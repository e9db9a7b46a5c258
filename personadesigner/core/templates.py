"""Templates: card designs read from resources/templates/<name>.json.

A template is data (size, margins, styles, regions and the flow of sections
in them) so a new design needs no code; core.layout reads the numbers and
stays generic. Lengths in a template are points, or strings with a unit
("6mm", "0.25in") or a share of the page ("40%").

Each file is parsed once (per version of the file: an edited template is read
again) into a typed, frozen TemplateSpec (core.template_schema); a broken one is
refused with one line naming the file, the key and what is allowed.

Besides the bundled files, the open library's templates and a ``--template`` file
are known by name (``use_templates``), like the library's themes (core.themes):
a persona whose card names a library template lays out with it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from personadesigner.core.design_cache import DesignFolder
from personadesigner.core.template_schema import (
    AnyRegion,
    Negative,
    Style,
    TemplateSpec,
    length,
    parse_template,
)
from personadesigner.core.units import PAGE_SIZES, page_size_name
from personadesigner.core.units import page_size as _page_size
from personadesigner.errors import UserError
from personadesigner.paths import resource

__all__ = [
    "DEFAULT_TEMPLATE",
    "Template",
    "is_builtin_template",
    "length",
    "load_template",
    "reload_templates",
    "renamed",
    "template_data",
    "template_names",
    "templates_and_problems",
    "use_templates",
]

DEFAULT_TEMPLATE = "card"
_ORDER = ("card", "mini", "business-card", "profile", "slide", "poster")


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    #: Trim size in points at the default page size.
    width: float
    height: float
    #: Page sizes the template can be laid out on (empty: its own fixed size only).
    sizes: tuple[str, ...] = ()
    #: "scale": lengths and type scale with the page (poster); "reflow": same type, new page.
    resize: str = "fixed"
    safe: float = 8.0
    #: The whole file, typed (regions, styles, the negative band).
    spec: TemplateSpec = field(default=TemplateSpec(size=(0, 0)), compare=False, repr=False)
    #: "builtin", "library" or "file": built-in templates are read-only.
    origin: str = field(default="builtin", compare=False)
    #: The JSON it was built from (read it with ``template_data``: a copy to change).
    data: Any = field(default=None, compare=False, repr=False)

    @property
    def regions(self) -> tuple[AnyRegion, ...]:
        return self.spec.regions

    @property
    def styles(self) -> dict[str, Style]:
        return self.spec.styles

    @property
    def negative(self) -> Negative:
        return self.spec.negative

    @property
    def margin(self):
        """The design's margin (a template length; 16 pt unless the file says)."""
        return 16 if self.spec.margin is None else self.spec.margin

    @classmethod
    def from_data(cls, name: str, data: Any, source: str | Path = "", origin: str = "builtin") -> Template:
        """A template from parsed JSON (a file's, a library's, or one made in code); DesignFileError
        naming ``source`` (a path, or a label such as 'the library template "Acme"'), the key and
        what is allowed when it is broken."""
        made = _build(name, data, Path(source) if source else Path(f"<{name}>"))
        return replace(made, origin=origin) if origin != made.origin else made

    def geometry(self, page_size: str | None = None) -> tuple[float, float, float]:
        """(width, height, scale) of the trim for ``page_size`` (None: the default).

        A size the template is not made for (a fixed card asked for "A4", a
        profile for "A3") is a sheet to impose the card on, not a new trim: the
        template keeps its own default size and the painters impose it.
        """
        if self.resize == "fixed" or page_size is None:
            return self.width, self.height, 1.0
        name = page_size_name(page_size)
        if name not in self.sizes:
            return self.width, self.height, 1.0
        w, h = (v.pt for v in PAGE_SIZES[name])
        if self.width > self.height and w < h:
            w, h = h, w
        scale = w / self.width if self.resize == "scale" else 1.0
        return w, h, scale


def _build(name: str, data: Any, path: Path) -> Template:
    spec = parse_template(data, path)
    if isinstance(spec.size, str):
        w, h = (v.pt for v in _page_size(spec.size))
    else:
        w, h = length(spec.size[0]), length(spec.size[1])
    if spec.orientation == "landscape" and w < h:
        w, h = h, w
    return Template(
        name=name,
        title=spec.title if spec.title is not None else name.title(),
        description=spec.description,
        width=w,
        height=h,
        sizes=tuple(page_size_name(s) or s for s in spec.sizes),
        resize=spec.resize,
        safe=length(spec.safe if spec.safe is not None else (spec.margin if spec.margin is not None else 16)),
        spec=spec,
        data=data,
    )


def _templates_dir() -> Path:
    return resource("templates")


def _main_first(names: list[str]) -> list[str]:
    found = set(names)
    return [n for n in _ORDER if n in found] + sorted(found - set(_ORDER))


_FOLDER: DesignFolder[Template] = DesignFolder("template", lambda: _templates_dir(), _build, _main_first)


#: Templates that are not bundled files: the open library's templates and a --template file, by name.
_EXTRA: dict[str, Template] = {}


def use_templates(templates: Iterable[Template], *, replace_all: bool = True) -> None:
    """Make ``templates`` (from the library or a file) known to load_template by their names.
    ``replace_all``: forget the ones used before (another library was opened). A bundled
    template's name is never shadowed: built-in templates stay what they are."""
    if replace_all:
        _EXTRA.clear()
    for template in templates:
        if not _FOLDER.has(template.name):
            _EXTRA[template.name] = template


def _extra_names() -> list[str]:
    return sorted((n for n in _EXTRA if not _FOLDER.has(n)), key=str.casefold)


def template_names() -> list[str]:
    """The bundled templates, the main ones in a fixed order first, then the library's and file templates."""
    return _FOLDER.names() + _extra_names()


def load_template(name: str) -> Template:
    """The template called ``name``; UserError naming the choices for an unknown one, or
    the file, key and what is allowed for a broken one. Read again when its file changed."""
    extra = _EXTRA.get(name) if isinstance(name, str) else None
    if extra is not None and not _FOLDER.has(name):
        return extra
    if isinstance(name, str) and _EXTRA and not _FOLDER.has(name):
        raise UserError(f'"{name}" is not a template (use one of: {", ".join(template_names())})')
    return _FOLDER.load(name)


def templates_and_problems() -> tuple[list[Template], list[UserError]]:
    """Every template that loads (built-in, then the library's and file ones), and one error per
    broken file (the others keep working)."""
    good, bad = _FOLDER.load_all()
    return good + [_EXTRA[n] for n in _extra_names()], bad


def is_builtin_template(name: object) -> bool:
    """True when ``name`` is a bundled (read-only) template."""
    return _FOLDER.has(name)


def renamed(template: Template, name: str, origin: str) -> Template:
    """``template`` under another name (a copy of a built-in template starts this way)."""
    return replace(template, name=name, origin=origin)


def template_data(template: Template) -> dict[str, Any]:
    """A copy of the JSON ``template`` was built from (to change, store or write to a file)."""
    return copy.deepcopy(template.data) if isinstance(template.data, dict) else {}


def reload_templates() -> None:
    """Forget the parsed templates: the next load reads every file again."""
    _FOLDER.reload()


def is_template(name: object) -> bool:
    """True when ``name`` is a bundled template or one of the library's (a persona from another
    library may name one that is not)."""
    return _FOLDER.has(name) or (isinstance(name, str) and name in _EXTRA)


def template_or_default(name: str) -> Template:
    """The template a persona's card names, or the default one when this installation has no such template.

    A persona imported from another library (or a newer version) can name a
    template that is not here; its card still prints, on the default, and the
    export says so (core.design_fallback). Explicit choices (``--template``) and
    the canvas (which explains instead) go through ``load_template`` and stay errors.
    """
    try:
        return load_template(name)  # cached: the everyday case costs a dictionary look-up
    except UserError:
        if is_template(name):
            raise  # a bundled template whose file is broken: not the persona's fault
        return load_template(DEFAULT_TEMPLATE)
