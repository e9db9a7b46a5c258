"""Listing: what the sidebar and `personadesigner list` show, filtered and sorted."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import UserError


@pytest.fixture
def filled(lib):
    lib.add_many(
        [
            Persona(name="anna Berg", type="end_user", role="Ärztin", tags=["health", "B2C"]),
            Persona(name="Bob", type="buyer", company="ACME 100% Corp", tags=["b2b"]),
            Persona(name="Cora", type="decision_maker", pain_points=["Slow_reports"], tags=["B2B"]),
            Persona(name="Dan", type="negative", goals=["free stuff"], notes="ärztin only in notes"),
        ]
    )
    return lib


def names(summaries):
    return [s.name for s in summaries]


def test_search_is_case_insensitive_over_the_promised_fields(filled):
    assert names(filled.list(search="ÄRZTIN")) == ["anna Berg"]  # non-ASCII case folding; notes not searched
    assert names(filled.list(search="acme")) == ["Bob"]
    assert names(filled.list(search="slow_rep")) == ["Cora"]
    assert names(filled.list(search="FREE")) == ["Dan"]
    assert names(filled.list(search="b2b")) == ["Bob", "Cora"]  # tags
    # LIKE wildcards in the user's text are plain characters.
    assert names(filled.list(search="100%")) == ["Bob"]
    assert names(filled.list(search="%")) == ["Bob"]
    assert names(filled.list(search="_")) == ["Cora"]
    assert names(filled.list(search="  ")) == ["anna Berg", "Bob", "Cora", "Dan"]


def test_type_and_tag_filters(filled):
    assert names(filled.list(type="negative")) == ["Dan"]
    assert names(filled.list(tag="b2b")) == ["Bob", "Cora"]
    assert names(filled.list(tag="b2")) == []  # whole tags only
    assert names(filled.list(tag="health", type="end_user")) == ["anna Berg"]
    assert filled.tags() == ["B2B", "b2b", "B2C", "health"]


def test_sorting_by_name_type_and_last_change(filled):
    assert names(filled.list(sort="name")) == ["anna Berg", "Bob", "Cora", "Dan"]  # ignoring case
    assert names(filled.list(sort="type")) == ["Bob", "anna Berg", "Cora", "Dan"]  # contract order of types
    filled.add(Persona(name="Old", updated_at="2001-01-01T00:00:00Z"))
    filled.add(Persona(name="Older", updated_at="2000-01-01T00:00:00Z"))
    assert names(filled.list(sort="updated"))[-2:] == ["Old", "Older"]
    filled.update(filled.find("Older"))
    assert names(filled.list(sort="updated"))[-1] == "Old"
    with pytest.raises(UserError, match="sort"):
        filled.list(sort="age")


def test_summary_carries_what_the_list_shows(filled):
    bob = filled.list(search="acme")[0]
    assert (bob.type, bob.tags, bob.photo_hash, bob.version) == ("buyer", ("b2b",), None, 1)
    assert bob.updated_at.endswith("Z")
