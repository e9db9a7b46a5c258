"""The repository against a plain dict: create, edit, delete, restore, purge, reopen, on SQLite and PostgreSQL.

Hypothesis drives random sequences of user actions; after every step the
library must agree with the obvious in-memory model, field by field, so no
sequence of actions (or reopening) loses, resurrects or mixes up a persona.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule, run_state_machine_as_test

from personadesigner.core.persona import Persona, persona_to_dict
from personadesigner.storage.library import Library

# Any Unicode but NUL (which the model refuses on purpose: PostgreSQL cannot store it).
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
names = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=30).filter(
    lambda s: s.strip()
)
tag_lists = st.lists(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=8), max_size=3
)


class LibraryVersusDict(RuleBasedStateMachine):
    live = Bundle("live")

    def __init__(self, location: str, cleanup=None) -> None:
        super().__init__()
        self.location = location
        self.cleanup = cleanup
        self.lib = Library.open(location)
        self.model: dict[str, dict] = {}  # id -> expected contract dict
        self.trash: set[str] = set()
        self.versions: dict[str, int] = {}

    def teardown(self) -> None:
        self.lib.close()
        if self.cleanup:
            self.cleanup()

    def _remember(self, p: Persona) -> None:
        self.model[p.id] = persona_to_dict(p)
        self.versions[p.id] = p.version

    @rule(target=live, name=names, role=text, tags=tag_lists, story=text)
    def create(self, name, role, tags, story):
        p = self.lib.add(Persona(name=name, role=role, tags=tags, story=story))
        self._remember(p)
        return p.id

    @rule(pid=live, role=text, quote=text, goals=st.lists(text, max_size=3))
    def edit(self, pid, role, quote, goals):
        if pid in self.trash or pid not in self.model:
            return
        p = self.lib.get(pid)
        p.role, p.quote, p.goals = role, quote, goals
        saved = self.lib.update(p)
        assert saved.version == self.versions[pid] + 1
        self._remember(saved)

    @rule(pid=live)
    def delete(self, pid):
        if pid in self.model and pid not in self.trash:
            self.lib.delete(pid)
            self.trash.add(pid)

    @rule(pid=live)
    def restore(self, pid):
        if pid in self.trash:
            self.lib.restore(pid)
            self.trash.discard(pid)

    @rule(pid=consumes(live))
    def purge(self, pid):
        if pid in self.model:
            self.lib.purge(pid)
            del self.model[pid]
            self.trash.discard(pid)

    @rule()
    def reopen(self):
        self.lib.close()
        self.lib = Library.open(self.location, create=False)

    @invariant()
    def agrees_with_the_model(self):
        live = {s.id for s in self.lib.list()}
        trashed = {s.id for s in self.lib.list(deleted=True)}
        assert live == set(self.model) - self.trash
        assert trashed == self.trash
        assert self.lib.count() == len(live)
        for pid, expected in self.model.items():
            stored = self.lib.get(pid)
            assert persona_to_dict(stored) == expected
            assert stored.version == self.versions[pid]


SETTINGS = settings(
    max_examples=15,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def test_sqlite_library_behaves_like_a_dict():
    def factory():
        folder = tempfile.mkdtemp(prefix="pd-sm-")
        return LibraryVersusDict(str(Path(folder) / "lib.sqlite"), cleanup=lambda: shutil.rmtree(folder, True))

    run_state_machine_as_test(factory, settings=SETTINGS)


@pytest.mark.postgres
def test_postgresql_library_behaves_like_a_dict(pg_server):
    run_state_machine_as_test(lambda: LibraryVersusDict(pg_server.new_database()), settings=SETTINGS)
