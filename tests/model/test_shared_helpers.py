"""Shared helpers other parts of the app rely on (avatars, labels, search, page sizes)."""

from personadesigner.core.persona import SOURCE_KINDS, SOURCE_KIND_LABELS, Persona, field_label, fold, initials
from personadesigner.core.units import PAGE_SIZES, page_size_name


def test_initials_match_the_persona_property():
    assert initials("Anna Berg") == "AB" == Persona(name="Anna Berg").initials
    assert initials("Jean-Luc") == "JL"
    assert initials("") == "?"


def test_every_source_kind_has_a_label():
    assert set(SOURCE_KIND_LABELS) == set(SOURCE_KINDS)
    assert SOURCE_KIND_LABELS["support"] == "Support tickets"


def test_field_label_falls_back_to_readable_words():
    assert field_label("day_in_the_life") == "A day in the life"
    assert field_label("favourite_colour") == "Favourite colour"


def test_fold_matches_across_case_and_sharp_s():
    assert fold("STRASSE") == fold("straße")


def test_page_size_name_returns_the_proper_spelling():
    assert page_size_name(" letter ") == "Letter"
    assert page_size_name("a4") == "A4"
    assert page_size_name("card") is None
    assert all(page_size_name(n.upper()) == n for n in PAGE_SIZES)
