"""Revision history: saves, adds, trash and imports leave revisions; typing merges per field per minute (issue 13)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from personadesigner.core.persona import Persona, Source
from personadesigner.storage import migrate
from personadesigner.storage.engine import make_engine, writer
from personadesigner.storage.library import Library
from support.storage_helpers import downgrade_file

T0 = dt.datetime(2026, 11, 28, 10, 0, 0, tzinfo=dt.UTC)


class Clock:
    """The library's clock, moved by hand (no sleeping)."""

    def __init__(self) -> None:
        self.moment = T0

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += dt.timedelta(seconds=seconds)


def _typing(lib: Library, persona: Persona, field: str, text: str, clock: Clock, step: float = 1.0) -> Persona:
    """Save after every keystroke, as the app does."""
    for end in range(1, len(text) + 1):
        setattr(persona, field, text[:end])
        persona = lib.update(persona)
        clock.advance(step)
    return persona


def check_core_history(lib: Library) -> None:
    clock = Clock()
    lib.now, lib.author = clock, "ana"
    p = lib.add(Persona(name="Nina", role="Nurse"))
    clock.advance(5)
    p = _typing(lib, p, "role", "Head nurse", clock)  # 10 saves within 10 s
    revisions = lib.history(p.id)
    assert [(r.action, r.fields) for r in revisions] == [("changed", ("role",)), ("created", ())]
    assert revisions[0].changes["role"] == ("Nurse", "Head nurse")
    assert revisions[0].author == "ana" and revisions[0].at == "2026-11-28T10:00:05Z"

    clock.advance(60)  # a minute later: a revision of its own
    p.role = "Ward manager"
    p = lib.update(p)
    p.goals = ["Fewer night shifts"]  # another field within the minute: its own revision
    p = lib.update(p)
    lib.author = "ben"  # another author within the minute: its own revision
    p.goals = ["Fewer night shifts", "More staff"]
    p = lib.update(p)
    revisions = lib.history(p.id)
    assert [(r.author, r.fields) for r in revisions[:4]] == [
        ("ben", ("goals",)),
        ("ana", ("goals",)),
        ("ana", ("role",)),
        ("ana", ("role",)),
    ]
    assert revisions[0].changes["goals"] == (["Fewer night shifts"], ["Fewer night shifts", "More staff"])
    assert revisions[2].changes["role"] == ("Head nurse", "Ward manager")

    lib.delete(p.id)
    lib.restore(p.id)
    assert [r.action for r in lib.history(p.id)[:2]] == ["restored", "trashed"]


def test_saves_are_revisions_merged_within_a_minute_separate_after(lib):
    check_core_history(lib)


def test_typing_and_taking_it_back_within_the_minute_leaves_no_revision(lib):
    clock = Clock()
    lib.now = clock
    p = lib.add(Persona(name="Rita", role="Buyer"))
    p = _typing(lib, p, "role", "Buyer!", clock, step=5)
    p.role = "Buyer"
    lib.update(p)
    assert [r.action for r in lib.history(p.id)] == ["created"]


def test_records_and_card_diffs_and_unchanged_saves(lib):
    lib.now = Clock()
    p = lib.add(Persona(name="Omar"))
    p.sources = [Source(kind="survey", title="Survey a.csv, n = 40 of 200")]
    p.card.theme = "ocean"
    p = lib.update(p)
    p = lib.update(p)  # nothing changed: no revision
    (changed, _created) = lib.history(p.id)
    assert changed.fields == ("sources", "card")
    assert changed.changes["sources"][1][0]["title"] == "Survey a.csv, n = 40 of 200"
    assert changed.changes["card"][1]["theme"] == "ocean"


def test_imports_add_one_revision_per_persona_and_purge_forgets(lib):
    lib.add_stream(lambda: iter([Persona(name=f"P{i}") for i in range(3)]))
    ids = [s.id for s in lib.list()]
    assert all([r.action for r in lib.history(pid)] == ["created"] for pid in ids)
    lib.purge(ids[0])
    assert lib.history(ids[0]) == []


def test_prune_keeps_the_recent_days(lib):
    clock = Clock()
    lib.now = clock
    old = lib.add(Persona(name="Old"))
    clock.advance(40 * 86400)
    new = lib.add(Persona(name="New"))
    assert lib.prune_history(keep_days=30) == 1
    assert lib.history(old.id) == [] and [r.action for r in lib.history(new.id)] == ["created"]


def test_a_0002_library_with_data_is_upgraded_to_head_and_keeps_history(tmp_path):
    path = tmp_path / "old.sqlite"
    engine, _ = make_engine(str(path))
    try:
        with writer(engine).begin() as conn:
            migrate.upgrade(conn, "0002")
            conn.exec_driver_sql("INSERT INTO library_info (key, value) VALUES ('name', 'old')")
    finally:
        engine.dispose()
    with Library.open(str(path)) as lib:  # 0003 at head: write a persona, then go back to 0002 with it
        lib.add(Persona(name="Written at 0002"))
    downgrade_file(path, "0002")
    conn = sqlite3.connect(path)
    assert "revisions" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()

    with Library.open(str(path)) as lib:
        assert lib.schema_revision() == migrate.HEAD_REVISION
        (summary,) = lib.list()
        assert summary.name == "Written at 0002" and lib.history(summary.id) == []
        p = lib.get(summary.id)
        p.role = "Upgraded"
        lib.update(p)
        assert lib.history(p.id)[0].changes == {"role": ("", "Upgraded")}
        assert lib.check() == []


@pytest.mark.postgres
def test_core_history_on_postgresql(pg_url):
    with Library.open(pg_url) as lib:
        check_core_history(lib)


def _copied_history_continues(source_path, target: str) -> None:
    from personadesigner.storage.copy import copy_library

    with Library.open(str(source_path)) as lib:
        lib.now = Clock()
        p = lib.add(Persona(name="Copied", role="Before"))
        p.role = "After"
        lib.update(p)
    copy_library(str(source_path), target)
    with Library.open(target) as copy:
        assert [r.action for r in copy.history(p.id)] == ["changed", "created"]
        q = copy.get(p.id)
        q.role = "On the copy"  # a new revision on the target: its ids go on after the copied ones
        copy.update(q)
        assert [r.changes.get("role") for r in copy.history(p.id)][:2] == [
            ("After", "On the copy"),
            ("Before", "After"),
        ]


def test_copying_a_library_keeps_its_history(tmp_path):
    _copied_history_continues(tmp_path / "a.sqlite", str(tmp_path / "b.sqlite"))


@pytest.mark.postgres
def test_copying_a_library_to_postgresql_keeps_its_history(tmp_path, pg_url):
    _copied_history_continues(tmp_path / "a.sqlite", pg_url)
