"""Fixtures of the form tests: a real SQLite library, a Document and the PersonaForm on it.

No main window: the form is driven as the user would (keys into its widgets)
and the library file is read back by a second connection, as another process would.
"""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_reveal(monkeypatch):
    monkeypatch.setenv("PERSONADESIGNER_NO_REVEAL", "1")


@pytest.fixture
def library_path(tmp_path):
    path = tmp_path / "form.sqlite"
    lib = Library.open(str(path))
    lib.add_many(
        [
            Persona(
                name="Anna Berg",
                type="end_user",
                role="Marketer at a startup",
                goals=["Ship campaigns faster", "Prove the ROI", "Hire a designer"],
                pain_points=["Too many tools"],
            ),
            Persona(name="Carl Diaz", type="buyer", role="Head of purchasing"),
        ]
    )
    lib.close()
    return path


@pytest.fixture
def document(qtbot, library_path):
    from personadesigner.ui.document import Document

    lib = Library.open(str(library_path))
    doc = Document(lib)
    yield doc
    lib.close()


@pytest.fixture
def form(qtbot, document):
    from personadesigner.ui.persona_form import PersonaForm

    widget = PersonaForm(document)
    qtbot.addWidget(widget)
    widget.resize(460, 900)
    widget.show()
    qtbot.waitExposed(widget)
    document.load(document.library.find("Anna Berg").id)
    return widget
