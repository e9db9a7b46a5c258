"""Whatever Unicode a user types comes back from the library character for character."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personadesigner.core.persona import CustomSection, Persona, Trait
from personadesigner.storage.library import Library

# Everything a keyboard, a paste or an import can produce that a database can hold.
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
name = text.filter(lambda t: t.strip()).map(lambda t: t[:120])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=name,
    role=text,
    goals=st.lists(text, max_size=4),
    tags=st.lists(text, max_size=3),
    custom=st.lists(st.tuples(text, text), max_size=2),
    trait=st.integers(0, 100),
)
def test_any_text_round_trips(tmp_path_factory, name, role, goals, tags, custom, trait):
    path = tmp_path_factory.mktemp("prop") / "library.sqlite"
    persona = Persona(
        name=name,
        role=role,
        goals=goals,
        tags=tags,
        custom=[CustomSection(label, value) for label, value in custom],
        traits=[Trait(role, name, trait)],
    )
    with Library.open(str(path)) as lib:
        added = lib.add(persona)
        assert dataclasses.asdict(lib.get(added.id)) == dataclasses.asdict(added)
        assert (added.name, added.role, added.goals, added.tags) == (name, role, goals, tags)
        if role.strip():
            assert added.id in [s.id for s in lib.list(search=role)]
