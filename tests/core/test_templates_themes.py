"""Templates and themes are data files with a small, checked contract."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import PERSONA_TYPES
from personadesigner.core.templates import load_template, template_names
from personadesigner.core.themes import load_theme, theme_names
from personadesigner.errors import UserError


def test_the_required_templates_and_themes_exist():
    assert {"card", "mini", "profile", "slide", "poster"} <= set(template_names())
    assert {"classic", "warm", "mono", "high-contrast"} <= set(theme_names())
    assert theme_names()[0] == "classic" and template_names()[0] == "card"


def test_unknown_names_are_user_errors_naming_the_choices():
    with pytest.raises(UserError, match="card"):
        load_template("nope")
    with pytest.raises(UserError, match="classic"):
        load_theme("nope")


def test_a_sheet_the_template_is_not_made_for_keeps_its_own_trim():
    a4 = load_template("profile").geometry("A4")
    assert load_template("profile").geometry("A3") == a4  # imposed on the A3 sheet by the painters
    assert load_template("card").geometry("A4")[:2] == (load_template("card").width, load_template("card").height)
    w, h, scale = load_template("poster").geometry("a1")
    assert scale == pytest.approx(594 / 420) and w < h


def test_template_metadata():
    for name in template_names():
        t = load_template(name)
        assert t.title and t.description and t.width > 0 and t.height > 0
    assert load_template("profile").sizes == ("A4", "Letter")
    assert load_template("poster").sizes == ("A3", "A2", "A1", "A0")
    assert load_template("poster").geometry(None)[:2] == load_template("poster").geometry("a2")[:2]


def test_every_theme_colours_every_type_and_warm_has_serif_headings():
    for name in theme_names():
        th = load_theme(name)
        assert set(th.type_colors) == set(PERSONA_TYPES)
        assert th.color("type", "buyer").startswith("#")
    assert load_theme("warm").heading_family == "serif"


def _luminance(hex_colour: str) -> float:
    def chan(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_high_contrast_meets_wcag_aaa():
    th = load_theme("high-contrast")
    bg = th.colors["background"]
    for ref in ("text", "muted"):
        assert contrast(th.colors[ref], bg) >= 7.0
    for t in PERSONA_TYPES:
        assert contrast(th.type_colors[t], bg) >= 7.0  # badge and headings on paper
        assert contrast(th.type_colors[t], th.colors["on_accent"]) >= 7.0  # white on the band


def test_mono_prints_without_colour():
    th = load_theme("mono")
    for colour in list(th.colors.values()) + list(th.type_colors.values()):
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert r == g == b


@pytest.mark.parametrize("name", theme_names())
def test_every_theme_keeps_text_readable_wcag_aa(name):
    th = load_theme(name)
    for t in PERSONA_TYPES:  # name and role on the type band, badge and headings on paper
        assert contrast(th.type_colors[t], th.colors["on_accent"]) >= 4.5, t
        assert contrast(th.type_colors[t], th.color("on_accent_muted")) >= 4.5, t
        assert contrast(th.type_colors[t], th.colors["background"]) >= 4.5, t
    for paper in ("background", "surface"):
        assert contrast(th.colors["muted"], th.colors[paper]) >= 4.5
        assert contrast(th.colors["text"], th.colors[paper]) >= 7.0
