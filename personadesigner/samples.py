"""The sample personas a new library starts with.

A first-time user sees what a good persona looks like (every persona type,
research sources, related personas) instead of an empty list. The personas
are a data file, resources/samples/sample-personas.json, in the interchange format.
"""

from __future__ import annotations

import os
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


def open_library(
    location: str | None = None, *, create: bool = True, new_file: bool = False, for_reading: bool = False
) -> Library:
    """Open the library the user named, or the default one (``location`` None).

    The one place the CLI and the app open "the user's library". A named
    library's folder must exist (a typo must not create folders); only the
    default location's folder (the user data dir) is created. A default library
    that did not exist yet starts with the sample personas, so the first run
    shows what a good persona looks like; if seeding fails the library is
    closed before the error goes on. ``create=False`` refuses a missing library;
    ``new_file`` (New library) lets an empty zero-byte file become the library;
    ``for_reading``: the command only reads (see Library.open).
    """
    from personadesigner.paths import LIBRARY_ENV, default_library, user_data_dir
    from personadesigner.storage.library import Library

    if location:
        return Library.open(location, create=create, new_file=new_file, for_reading=for_reading)
    location = default_library()
    if not os.environ.get(LIBRARY_ENV):
        user_data_dir().mkdir(parents=True, exist_ok=True)
    library = Library.open(location, create=create, for_reading=for_reading)
    if library.is_new:
        try:
            seed_samples(library)
        except BaseException:
            library.close()
            raise
    return library
