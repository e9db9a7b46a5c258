"""Lengths (core/units.py) as a table: every unit, spacing, case, default units, arithmetic, sizes, errors."""

from __future__ import annotations

import pytest

from personadesigner.core.units import PAGE_SIZES, PT_PER_IN, PT_PER_MM, Length, page_size, page_size_name
from personadesigner.errors import UserError


@pytest.mark.parametrize(
    ("text", "default", "points"),
    [
        ("3mm", "pt", 3 * 72 / 25.4),
        ("0.125in", "pt", 9.0),
        ("9pt", "mm", 9.0),
        ("2cm", "pt", 20 * 72 / 25.4),
        ("100px", "pt", 75.0),
        (" 3 MM ", "pt", 3 * 72 / 25.4),
        ("1IN", "pt", 72.0),
        (".5in", "pt", 36.0),
        ("12", "pt", 12.0),
        ("12", "mm", 12 * 72 / 25.4),
        ("0", "mm", 0.0),
        (3, "mm", 3 * 72 / 25.4),
        (2.5, "pt", 2.5),
        (1, "in", 72.0),
    ],
)
def test_parse_table(text, default, points):
    assert Length.parse(text, default_unit=default).pt == pytest.approx(points, abs=1e-9)


@pytest.mark.parametrize("text", ["three millimetres", "3 furlongs", "-3mm", "3mm4", "", "mm", "1e3pt", "3..0mm"])
def test_not_a_length_is_one_user_error_sentence(text):
    with pytest.raises(UserError) as err:
        Length.parse(text)
    assert str(err.value) == f'"{text}" is not a length (write it like 3mm, 0.125in or 9pt)'


def test_constants_and_constructors():
    assert (PT_PER_IN, PT_PER_MM) == (72.0, 72.0 / 25.4)
    assert Length.mm(25.4).pt == pytest.approx(72.0)
    assert Length.inch(0.5).pt == 36.0
    assert Length(72.0).in_mm == pytest.approx(25.4)
    assert str(Length.mm(3)) == "3mm"
    assert str(Length.inch(1)) == "25.4mm"


@pytest.mark.parametrize(
    ("expression", "points"),
    [
        (lambda: Length(10) + Length(2.5), 12.5),
        (lambda: Length(10) - Length(2.5), 7.5),
        (lambda: Length(10) - Length(12), -2.0),
        (lambda: Length(10) * 3, 30.0),
        (lambda: 3 * Length(10), 30.0),
        (lambda: Length(10) * 0.5, 5.0),
    ],
)
def test_arithmetic_table(expression, points):
    result = expression()
    assert isinstance(result, Length) and result.pt == pytest.approx(points)


def test_lengths_order_by_size():
    assert Length.mm(3) < Length.inch(0.125) < Length(10)
    assert max(Length.mm(5), Length(14)) == Length.mm(5)
    assert Length(1) <= Length(1) and not Length(2) <= Length(1)


@pytest.mark.parametrize(
    ("name", "proper", "mm"),
    [
        ("a4", "A4", (210, 297)),
        ("A3", "A3", (297, 420)),
        ("a0", "A0", (841, 1189)),
        ("A6", "A6", (105, 148)),
        ("a5", "A5", (148, 210)),
        ("A2", "A2", (420, 594)),
        ("a1", "A1", (594, 841)),
        ("LETTER", "Letter", (215.9, 279.4)),
        (" legal ", "Legal", (215.9, 355.6)),
        ("tabloid", "Tabloid", (279.4, 431.8)),
    ],
)
def test_page_size_table(name, proper, mm):
    assert page_size_name(name) == proper
    w, h = page_size(name)
    assert (w.in_mm, h.in_mm) == pytest.approx(mm)


def test_every_page_size_is_portrait():
    assert all(w <= h for w, h in PAGE_SIZES.values())


def test_unknown_page_size():
    assert page_size_name("B5") is None
    with pytest.raises(UserError) as err:
        page_size("B5")
    assert str(err.value) == '"B5" is not a page size (use one of: A0, A1, A2, A3, A4, A5, A6, Letter, Legal, Tabloid)'
