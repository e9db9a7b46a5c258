"""Names of the personas a batch links to, looked up in the whole library.

A card prints its related personas by name. The linked personas are often not
in the batch being exported or printed (one card of a team), so the names
come from the library, not from the batch; otherwise a card would print a raw
id. One helper, so the GUI export, print, preview, canvas and CLI agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from personadesigner.core.persona import Persona
from personadesigner.errors import UserError

if TYPE_CHECKING:
    from personadesigner.storage.file_reader import ReadableLibrary


def related_names(library: ReadableLibrary, personas: Iterable[Persona]) -> dict[str, str]:
    """id -> name for the given personas and every persona they link to.

    Reads only summaries (no photos), and only when a link points outside the
    batch. A link to a persona that is gone is left out (the card shows what
    the link says).
    """
    personas = list(personas)
    names = {p.id: p.name for p in personas if p.id}
    missing = {r.persona for p in personas for r in p.related if r.persona and r.persona not in names}
    if not missing:
        return names
    for summary in library.list():
        if summary.id in missing:
            names[summary.id] = summary.name
    for persona_id in missing - names.keys():  # in the trash: list() leaves it out
        try:
            names[persona_id] = library.get(persona_id).name
        except UserError:
            pass
    return names
