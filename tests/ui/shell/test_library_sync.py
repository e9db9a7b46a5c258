"""LibrarySync on its own (no MainWindow): another process writes to the same SQLite library.

The sidebar, the Document and CurrentPersona are the real ones on a real
library file; a second ``Library`` on that file plays the colleague.
"""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from personadesigner.ui.current_persona import CurrentPersona
from personadesigner.ui.document import Document
from personadesigner.ui.library_sidebar import LibrarySidebar
from personadesigner.ui.library_sync import LibrarySync


class Parts:
    """The parts LibrarySync works on, and what it told the rest of the window."""

    def __init__(self, qtbot, library) -> None:
        self.library = library
        self.document = Document(library)
        self.sidebar = LibrarySidebar(library)
        qtbot.addWidget(self.sidebar)
        self.current = CurrentPersona(self.document, self.sidebar)
        self.editing = False
        self.notes: list[str] = []
        self.names_changed = 0
        self.changed = 0
        self.sync = LibrarySync(
            self.current,
            lambda: self.library,
            is_editing=lambda: self.editing,
            on_changed=self._changed,
            on_names_changed=self._names_changed,
            status=self.notes.append,
        )

    def _changed(self) -> None:
        self.changed += 1

    def _names_changed(self) -> None:
        self.names_changed += 1

    def show(self, name: str) -> None:
        assert self.current.show(self.library.find(name).id)

    def listed(self) -> list[str]:
        return [s.name for s in self.sidebar.model.all_summaries()]


@pytest.fixture
def parts(qtbot, library):
    p = Parts(qtbot, library)
    yield p
    p.sync.stop()


@pytest.fixture
def other(library_path):
    """The colleague: another Library on the same file."""
    lib = Library.open(str(library_path))
    yield lib
    lib.close()


def test_nothing_written_elsewhere_means_nothing_is_read_again(parts):
    parts.show("Anna Berg")
    shown = parts.document.persona
    parts.sync.refresh()
    assert parts.changed == 0 and parts.names_changed == 0
    assert parts.document.persona is shown


def test_a_persona_added_elsewhere_is_listed_and_the_pickers_are_told(parts, other):
    parts.show("Anna Berg")
    other.add(Persona(name="Eva Lund", role="Designer"))
    parts.sync.refresh()
    assert "Eva Lund" in parts.listed()
    assert parts.changed == 1 and parts.names_changed == 1
    assert parts.document.persona.name == "Anna Berg"  # the persona on screen stays


def test_a_role_change_elsewhere_leaves_the_pickers_alone(parts, other):
    carl = other.find("Carl Diaz")
    carl.role = "Chief buyer"
    other.update(carl)
    parts.sync.refresh()
    assert parts.changed == 1
    assert parts.names_changed == 0, "only an add, delete or rename changes the related-persona pickers"


def test_the_shown_persona_changed_elsewhere_is_shown_while_idle(parts, other):
    parts.show("Anna Berg")
    anna = other.find("Anna Berg")
    anna.role = "Growth lead"
    other.update(anna)
    parts.sync.refresh()
    assert parts.document.persona.role == "Growth lead"


def test_the_shown_persona_is_not_swapped_while_the_user_types(parts, other):
    parts.show("Anna Berg")
    mine = parts.document.persona
    anna = other.find("Anna Berg")
    anna.role = "Growth lead"
    other.update(anna)
    parts.editing = True
    parts.sync.refresh()
    assert parts.document.persona is mine and mine.role == "Marketer at a startup"


def test_the_shown_persona_trashed_elsewhere_gives_way_to_its_neighbour(parts, other):
    parts.show("Carl Diaz")
    other.delete(other.find("Carl Diaz").id)
    parts.sync.refresh()
    assert "Carl Diaz" not in parts.listed()
    assert parts.document.persona is not None and parts.document.persona.name != "Carl Diaz"
    assert parts.sidebar.current_id() == parts.document.persona.id  # the list highlights what is shown
    assert parts.notes == ["\u201cCarl Diaz\u201d was moved to the trash or deleted elsewhere."]


def test_a_persona_trashed_elsewhere_stays_on_screen_while_the_user_types(parts, other):
    parts.show("Carl Diaz")
    other.delete(other.find("Carl Diaz").id)
    parts.editing = True
    parts.sync.refresh()
    assert "Carl Diaz" not in parts.listed()
    assert parts.document.persona.name == "Carl Diaz", "what the user is typing in never disappears"
    assert parts.notes == []


def test_a_switched_library_is_taken_as_seen(parts, library_path, tmp_path):
    second = Library.open(str(tmp_path / "second.sqlite"))
    try:
        second.add(Persona(name="Only One"))
        parts.library = second
        parts.document.set_library(second)
        parts.sidebar.set_library(second)
        parts.sync.reset()
        parts.sync.refresh()
        assert parts.changed == 0, "the library just opened is read again for nothing"
    finally:
        parts.library = None
        second.close()
