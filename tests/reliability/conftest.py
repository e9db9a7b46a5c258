"""Fixtures for the reliability tests: a real, filled library file (pg_server and pg_url come from tests/conftest.py)."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from support.images import png


@pytest.fixture
def filled_library(tmp_path):
    """A real library file: 300 personas with long text, one photo, two in the trash."""
    path = tmp_path / "team.sqlite"
    with Library.open(str(path)) as lib:
        people = [
            Persona(
                name=f"Persona {i}",
                role="Marketer",
                story="Long story. " * 40,
                goals=[f"goal {i}"],
                tags=["b2b"] if i % 2 else ["b2c"],
            )
            for i in range(300)
        ]
        people[0].photo = png()
        added = lib.add_many(people)
        lib.delete(added[1].id)
        lib.delete(added[2].id)
    return path
