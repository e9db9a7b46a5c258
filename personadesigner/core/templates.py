"""Templates: card designs read from resources/templates/<name>.json.

A template is data (size, margins, styles, regions and the flow of sections
in them) so a new design needs no code; core.layout reads the numbers and
stays generic. Lengths in a template are points, or strings with a unit
("6mm", "0.25in") or a share of the page ("40%").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from personadesigner.core.units import PAGE_SIZES, Length, page_size_name
from personadesigner.core.units import page_size as _page_size
from personadesigner.core.design_files import read_design_file
from personadesigner.errors import UserError
from personadesigner.paths import resource

DEFAULT_TEMPLATE = "card"
_ORDER = ("card", "mini", "profile", "slide", "poster")


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
    data: dict = field(default_factory=dict, compare=False, repr=False)

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


def _templates_dir():
    return resource("templates")


def template_names() -> list[str]:
    """The bundled templates, the main ones in a fixed order first."""
    found = {p.stem for p in _templates_dir().glob("*.json")}
    return [n for n in _ORDER if n in found] + sorted(found - set(_ORDER))


def length(value, scale: float = 1.0, whole: float = 0.0) -> float:
    """A template length in points: a number (points), "6mm", or "40%" of ``whole``."""
    if isinstance(value, (int, float)):
        return float(value) * scale
    text = str(value).strip()
    if text.endswith("%"):
        return float(text[:-1]) / 100.0 * whole
    return Length.parse(text).pt * scale


@lru_cache(maxsize=None)
def load_template(name: str) -> Template:
    """The template called ``name``; UserError naming the choices for an unknown one."""
    data = read_design_file("template", name, _templates_dir(), template_names())
    size = data["size"]
    if isinstance(size, str):
        w, h = (v.pt for v in _page_size(size))
    else:
        w, h = length(size[0]), length(size[1])
    if data.get("orientation") == "landscape" and w < h:
        w, h = h, w
    sizes = tuple(data.get("sizes", ()))
    return Template(
        name=name,
        title=data.get("title", name.title()),
        description=data.get("description", ""),
        width=w,
        height=h,
        sizes=sizes,
        resize=data.get("resize", "fixed"),
        safe=length(data.get("safe", data.get("margin", 16))),
        data=data,
    )


def is_template(name: object) -> bool:
    """True when ``name`` is a bundled template (a persona from another library may name one that is not)."""
    return isinstance(name, str) and _is_template(name)


@lru_cache(maxsize=256)
def _is_template(name: str) -> bool:
    return name in template_names()  # one folder listing per name, not one per persona


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
