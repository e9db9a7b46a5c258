"""The sample personas a new library starts with.

A first-time user sees what a good persona looks like (every persona type,
research sources, related personas) instead of an empty list. The personas
are a data file, resources/samples/sample-personas.json, in the interchange format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from personadesigner.core.persona import Persona
from personadesigner.paths import resource

if TYPE_CHECKING:
    from personadesigner.storage.library import Library

SAMPLES_FILE = ("samples", "sample-personas.json")


def sample_personas() -> list[Persona]:
    """Fresh, validated copies of the sample personas (new objects on every call)."""
    from personadesigner.interchange.json_io import read_json

    return read_json(resource(*SAMPLES_FILE)).personas


def seed_samples(library: Library) -> int:
    """Add the sample personas to ``library`` in one transaction; returns how many."""
    personas = sample_personas()
    library.add_many(personas)
    return len(personas)
