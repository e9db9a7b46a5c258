"""Design fingerprints: equal content, equal fingerprint; a change that shows on the card, a new one."""

from __future__ import annotations

import copy
import json

from personadesigner.core.design_fingerprint import template_fingerprint, theme_fingerprint
from personadesigner.core.templates import Template
from personadesigner.core.themes import build_theme
from personadesigner.paths import resource


def _theme(name: str, **colors: str):
    data = json.loads(resource("themes", "classic.json").read_text())
    data["colors"].update(colors)
    return build_theme(name, data, f"<{name}>", lambda rel: b"")


def test_a_theme_saved_again_with_new_colours_has_a_new_fingerprint():
    first, again, changed = _theme("acme"), _theme("acme"), _theme("acme", accent="#0a8f3c")
    assert theme_fingerprint(first) == theme_fingerprint(again)  # painted once, reused
    assert theme_fingerprint(changed) != theme_fingerprint(first)


def test_a_template_saved_again_with_a_moved_section_has_a_new_fingerprint():
    data = json.loads(resource("templates", "card.json").read_text())
    moved = copy.deepcopy(data)
    flow = next(r for r in moved["regions"] if len(r.get("items", [])) > 1)
    flow["items"].reverse()
    a, b = Template.from_data("acme", data), Template.from_data("acme", copy.deepcopy(data))
    assert template_fingerprint(a) == template_fingerprint(b)
    assert template_fingerprint(Template.from_data("acme", moved)) != template_fingerprint(a)
