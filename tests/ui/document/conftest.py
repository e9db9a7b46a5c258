"""Fixtures of the document tests: a real SQLite library and a Document on it, no main window.

A second Library on the same file stands for another person (or process)
saving the same persona; ``stored`` reads the file back as they would.
"""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library

pytestmark = pytest.mark.gui


@pytest.fixture
def library_path(tmp_path):
    path = tmp_path / "document.sqlite"
    lib = Library.open(str(path))
    lib.add_many(
        [
            Persona(
                name="Anna Berg",
                type="end_user",
                role="Marketer at a startup",
                company="Acme",
                goals=["Ship campaigns faster", "Prove the ROI", "Hire a designer"],
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
    doc.load(lib.find("Anna Berg").id)
    yield doc
    lib.close()


@pytest.fixture
def other(library_path):
    """Someone else's connection to the same library file."""
    lib = Library.open(str(library_path))
    yield lib
    lib.close()


@pytest.fixture
def stored(other):
    """The persona as the library file holds it now (read through the other connection)."""
    return lambda name="Anna Berg": other.find(name)
