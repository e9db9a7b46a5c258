"""The flow keys that make a card use its space (grow, spread, modules) are checked like any other."""

from __future__ import annotations

import pytest
from test_template_schema import _card, _refused

from personadesigner.core.cardlayout import Box
from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.core.templates import Template


def _main(data: dict) -> dict:
    return next(r for r in data["regions"] if r.get("id") == "main")


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("grow", 3, "from 1 to 2"),
        ("spread", -1, "from 0 to 8"),
        ("modules", "plum", "not a theme colour"),
    ],
)
def test_a_bad_body_key_is_refused_naming_it(key, value, words):
    data = _card()
    _main(data)[key] = value
    where = data["regions"].index(_main(data))
    err = _refused(data)
    assert f"regions[{where}].{key}" in str(err) and words in str(err)


def test_without_grow_a_flow_keeps_its_preferred_sizes_and_has_no_panels():
    data = _card()
    for k in ("grow", "spread", "modules", "module_pad"):
        _main(data).pop(k, None)
    thin = Persona(name="T", quote="Short.", goals=["One"], pain_points=["Two"])
    card = layout(thin, Template.from_data("plain", data), "classic")
    assert card.body == [] and card.type_step is None
    assert {r.size for b in card.text_blocks() if b.field == "goals" and b.item == 0 for r in b.lines[0].runs} == {9.5}
    assert not [b for b in card.items if isinstance(b, Box) and b.field == "goals" and b.w > 200]
