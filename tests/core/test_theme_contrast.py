"""The theme editor's contrast check: WCAG ratios, flags below AA, and a fix that just passes."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from personadesigner.core.colors import contrast
from personadesigner.core.theme_contrast import fix, pairs
from personadesigner.core.themes import load_theme


def test_grey_777_on_white_is_4_48_and_flagged():
    classic = load_theme("classic")
    grey = replace(classic, colors=MappingProxyType({**classic.colors, "text": "#777777", "background": "#ffffff"}))
    body = next(p for p in pairs(grey) if p.label == "Body text on the background")
    assert body.ratio == 4.48 and not body.readable and body.key == "colors.text"


def test_every_built_in_theme_passes_aa():
    for name in ("classic", "warm", "mono", "high-contrast"):
        assert all(p.readable for p in pairs(load_theme(name))), name


def test_fix_darkens_on_light_and_lightens_on_dark_just_enough():
    darker = fix("#777777", "#ffffff")
    assert 4.5 <= contrast(darker, "#ffffff") < 4.7 and darker < "#777777"
    lighter = fix("#444444", "#222222")
    assert 4.5 <= contrast(lighter, "#222222") < 4.7 and lighter > "#444444"
    assert fix("#111111", "#ffffff") == "#111111"  # already readable: unchanged
