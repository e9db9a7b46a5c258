"""The persona model's rules: what a valid persona is, and the contract dict."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import (
    ALL_FIELDS,
    PERSONA_TYPES,
    CardDesign,
    CustomSection,
    Persona,
    Relation,
    Source,
    Trait,
    persona_from_dict,
    persona_to_dict,
)
from personadesigner.core.units import Length, page_size
from personadesigner.errors import UserError, ValidationError


def full_persona() -> Persona:
    return Persona(
        name="Anna Berg 🚀",
        type="end_user",
        role="Marketer <b>R&D</b>",
        age="30-35",
        location="Göteborg",
        quote="“Prove it in a week.”",
        story="مرحبا بالعالم — 漢字 mixed with text",
        goals=["Find tools", "Show ROI & results"],
        pain_points=["Budget"],
        traits=[Trait("Cautious", "Experimental", 75)],
        sources=[Source("interview", "Spring round", "2026-03-12", "7 of 9")],
        confidence="medium",
        last_validated="2026-03-20",
        related=[Relation("Sam", "uses_what_is_bought_by")],
        custom=[CustomSection("Favourite quote", "Less is more")],
        card=CardDesign("mini", "warm"),
        tags=["early adopter"],
    )


def test_a_full_persona_is_valid():
    full_persona().validate()


@pytest.mark.parametrize("name", ["", "   "])
def test_a_persona_needs_a_name(name):
    with pytest.raises(ValidationError) as err:
        Persona(name=name).validate()
    assert err.value.field == "name"


def test_name_of_121_characters_is_refused_and_120_accepted():
    Persona(name="x" * 120).validate()
    with pytest.raises(ValidationError, match="at most 120"):
        Persona(name="x" * 121).validate()


def test_unknown_type_is_refused_with_the_list_of_types():
    with pytest.raises(ValidationError) as err:
        Persona(name="A", type="prospect").validate()
    assert err.value.field == "type"
    assert "end_user" in str(err.value)
    assert 'Persona "A"' in str(err.value)


@pytest.mark.parametrize("value", [-1, 101, 140])
def test_trait_values_outside_0_to_100_are_refused(value):
    with pytest.raises(ValidationError, match="outside 0-100"):
        Persona(name="A", traits=[Trait("In", "Out", value)]).validate()


@pytest.mark.parametrize("field,value", [("last_validated", "2026-13-01"), ("last_validated", "20.3.2026")])
def test_dates_must_be_iso(field, value):
    with pytest.raises(ValidationError, match="ISO date"):
        Persona(name="A", **{field: value}).validate()


def test_source_kind_and_confidence_come_from_their_lists():
    with pytest.raises(ValidationError, match="source kind"):
        Persona(name="A", sources=[Source(kind="gut feeling")]).validate()
    with pytest.raises(ValidationError, match="confidence"):
        Persona(name="A", confidence="certain").validate()


def test_relation_must_be_known():
    with pytest.raises(ValidationError, match="relation"):
        Persona(name="A", related=[Relation("B", "likes")]).validate()


def test_every_type_of_the_literature_is_there():
    assert set(PERSONA_TYPES) == {"customer", "buyer", "end_user", "decision_maker", "influencer", "negative"}


def test_dict_round_trip_keeps_every_character():
    p = full_persona()
    d = persona_to_dict(p)
    back, unknown = persona_from_dict(d)
    assert unknown == []
    assert persona_to_dict(back) == d
    assert back.role == "Marketer <b>R&D</b>"


def test_dict_is_in_contract_order_and_leaves_empty_fields_out():
    d = persona_to_dict(full_persona())
    assert list(d) == [f for f in ALL_FIELDS if f in d]
    assert "gender" not in d and "motivations" not in d


def test_unknown_keys_are_reported_not_dropped_silently():
    _, unknown = persona_from_dict({"name": "A", "favourite_colour": "blue", "goals": []})
    assert unknown == ["favourite_colour"]


def test_trait_value_140_from_a_file_is_refused_by_validate():
    p, _ = persona_from_dict({"name": "A", "traits": [{"left": "a", "right": "b", "value": 140}]})
    with pytest.raises(ValidationError, match="traits\\[0\\].value"):
        p.validate()


def test_copy_shares_no_lists():
    p = full_persona()
    q = p.copy()
    q.goals.append("new")
    q.traits[0].value = 1
    assert p.goals == ["Find tools", "Show ROI & results"] and p.traits[0].value == 75


def test_copy_equals_the_original_and_shares_no_records_or_card():
    p = full_persona()
    q = p.copy()
    assert q == p
    for name in ("traits", "sources", "related", "custom"):
        assert all(a is not b for a, b in zip(getattr(p, name), getattr(q, name)))
    q.card.theme = "other"
    q.sources[0].title = "changed"
    assert p.card.theme != "other" and p.sources[0].title != "changed"


@pytest.mark.parametrize(
    "name,initials", [("Anna Berg", "AB"), ("Ben", "B"), ("Bargain-hunting Ben", "BB"), ("  ", "?")]
)
def test_initials_for_the_generated_avatar(name, initials):
    assert Persona(name=name).initials == initials


@pytest.mark.parametrize("text,mm", [("3mm", 3), ("0.125in", 3.175), ("8.5039pt", 3.0), ("1cm", 10)])
def test_lengths_parse_in_every_unit(text, mm):
    assert Length.parse(text).in_mm == pytest.approx(mm, abs=0.01)


def test_bad_length_and_page_size_are_user_errors():
    with pytest.raises(UserError, match="not a length"):
        Length.parse("three millimetres")
    with pytest.raises(UserError, match="not a page size"):
        page_size("B7")
    assert page_size("letter")[0] == Length.inch(8.5)


def test_a_bad_value_is_quoted_on_one_line_and_shortened():
    """Error messages go to one stderr line or a dialog: a pasted paragraph must not split or bury them."""
    with pytest.raises(ValidationError) as err:
        Persona(name="Ann\nBerg", type="buyer\n" + "x" * 500).validate()
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith('Persona "Ann⏎Berg": type: "buyer⏎xxx')
    assert len(message) < 200
