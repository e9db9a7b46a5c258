"""Fingerprints of a template's and a theme's content, for caches of what they paint.

A library template or theme saved again under the same name is a new design
with an old name: a cache keyed by the name (or by the object's id, which
Python may give to the next object) shows the old picture. The fingerprint
changes with everything that can change a card (colours, fonts, logo, the
template's JSON) and stays equal for equal content, so an unchanged design
painted again costs nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from personadesigner.core.templates import Template, load_template
from personadesigner.core.themes import Theme, load_theme
from personadesigner.errors import UserError
from personadesigner.lru import LruCache

#: id(design) -> (design, fingerprint): the design is held, so its id is not reused while cached.
_known: LruCache[int, tuple[object, str]] = LruCache(64)


def _plain(value: Any) -> Any:
    """``value`` as JSON-able data; bytes (a logo, a font file) by their digest."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "sha1:" + hashlib.sha1(bytes(value)).hexdigest()
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def _digest(data: Any) -> str:
    text = json.dumps(_plain(data), sort_keys=True, ensure_ascii=True)
    return hashlib.sha1(text.encode("ascii")).hexdigest()


def _of(design: object, make) -> str:
    known = _known.get(id(design))
    if known is not None and known[0] is design:
        return known[1]
    fingerprint = make()
    _known.put(id(design), (design, fingerprint))
    return fingerprint


def theme_fingerprint(theme: Theme) -> str:
    """Equal for themes that paint alike (every field but the name, title, description and source)."""
    skip = {"name", "title", "description", "source"}
    return _of(
        theme,
        lambda: _digest({f.name: getattr(theme, f.name) for f in dataclasses.fields(theme) if f.name not in skip}),
    )


def template_fingerprint(template: Template) -> str:
    """Equal for templates built from equal JSON (a template made in code: its own object)."""
    if not isinstance(template.data, dict):
        return f"object:{id(template)}"
    return _of(template, lambda: _digest(template.data))


def design_fingerprint(template: str, theme: str) -> tuple[str, str]:
    """The fingerprints of the template and theme known by these names ("" for a name not known)."""
    try:
        made = template_fingerprint(load_template(template))
    except UserError:
        made = ""
    try:
        look = theme_fingerprint(load_theme(theme))
    except UserError:
        look = ""
    return made, look
