"""A save repaints a persona's sidebar row only when something the row shows changed.

Every save bumps the persona's version, so the row used to be signalled (and repainted)
on every keystroke in any field, goals and quotes included.
"""

from __future__ import annotations

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from personadesigner.ui.library_model import LibraryModel


def test_only_changes_the_row_shows_signal_it(qapp, tmp_path):
    library = Library.open(str(tmp_path / "lib.sqlite"))
    persona = library.add(Persona(name="Anna Berg", role="Buyer"))
    model = LibraryModel(library)
    model.reload()
    signalled = []
    model.dataChanged.connect(lambda a, b, *_: signalled.append(a.row()))
    persona.goals = ["A goal the row does not show"]
    persona = library.update(persona)
    model.update_persona(persona)
    assert signalled == []
    persona.role = "Head of buying"
    model.update_persona(library.update(persona))
    assert signalled == [0]
    assert model.summary(0).role == "Head of buying"
    library.close()
