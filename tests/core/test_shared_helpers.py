"""Shared helpers other parts of the app rely on (avatars, labels, search, page sizes)."""

from personadesigner.core.persona import SOURCE_KIND_LABELS, SOURCE_KINDS, Persona, field_label, fold, initials
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


def test_a_wrong_type_inside_a_record_names_the_persona_and_the_field():
    import pytest

    from personadesigner.core.persona import persona_from_dict
    from personadesigner.errors import ValidationError

    cases = [
        ({"name": "Anna", "role": {"x": 1}}, "role", 'Persona "Anna": role: must be text, not an object'),
        ({"name": "Anna", "sources": [{"kind": {"a": 1}, "title": "t"}]}, "sources[0].kind", None),
        ({"name": "Anna", "traits": [{"left": ["a"], "right": "b", "value": 5}]}, "traits[0].left", None),
        ({"name": "Anna", "card": {"template": {"x": 1}}}, "card.template", None),
        ({"name": ["Anna"]}, "name", 'Persona "(unnamed)": name: must be text, not a list'),
    ]
    for data, field, message in cases:
        with pytest.raises(ValidationError) as caught:
            persona_from_dict(data)
        assert caught.value.field == field
        if message:
            assert str(caught.value) == message
