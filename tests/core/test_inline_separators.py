"""An inline list (channels, tools, the evidence line) never starts a line with its separator:
the space before "·" is a no-break space, so a wrapped line ends "LINE ·" and the next starts
with a channel (58 of 678 wrapped channel lines started "· YouTube Shorts" on the built-in
templates)."""

from __future__ import annotations

import random

import pytest

from personadesigner.core.layout import layout
from personadesigner.core.persona import Persona
from personadesigner.core.templates import template_names
from personadesigner.core.text import glued_separator
from support.card_icons import icon_template, template_data, with_inline

WORDS = [
    "LinkedIn",
    "Email newsletters",
    "Trade shows",
    "Podcasts",
    "YouTube Shorts",
    "WeChat",
    "LINE",
    "Xing",
    "Telegram",
    "Industry blogs",
    "Webinars",
    "Word of mouth",
]


@pytest.mark.parametrize("name", template_names())
def test_no_wrapped_channel_or_tool_line_starts_with_the_separator(name):
    rnd = random.Random(1)
    wrapped = 0
    inline = icon_template(name, with_inline(template_data(name)))  # the built-ins show them as chips
    for _ in range(12):
        words = rnd.sample(WORDS, rnd.randint(4, 12))
        card = layout(Persona(name="Anna Berg", goals=["Grow"], channels=words, tools=words), inline, "classic")
        for block in card.text_blocks():
            if block.field in ("channels", "tools"):
                for line in block.lines[1:]:
                    wrapped += 1
                    assert not line.text.lstrip().startswith("\u00b7"), line.text
    assert wrapped or name in ("mini", "business-card", "slide")  # one short line there


def test_the_separator_keeps_its_look_and_only_its_leading_spaces_change():
    assert glued_separator("  \u00b7  ") == "\u00a0\u00a0\u00b7  "
    assert glued_separator(" \u00b7 ") == "\u00a0\u00b7 "
    assert glued_separator(", ") == ", "
    assert glued_separator("   ") == "   "
