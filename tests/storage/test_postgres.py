"""The same library on PostgreSQL (the suite starts its own server; skipped when it cannot)."""

from __future__ import annotations

import dataclasses

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from personadesigner.core.persona import Persona
from personadesigner.errors import ConflictError
from personadesigner.storage.engine import make_engine
from personadesigner.storage.library import Library
from personadesigner.storage.schema import metadata
from support.storage_helpers import rich_persona

pytestmark = pytest.mark.postgres


def test_postgres_library_round_trip_conflict_and_change_watch(pg_url):
    with Library.open(pg_url) as lib, Library.open(pg_url) as other:
        assert lib.is_new and not other.is_new
        added = lib.add(rich_persona())
        assert dataclasses.asdict(lib.get(added.id)) == dataclasses.asdict(added)
        assert [s.name for s in lib.list(search="ZOË")] == [added.name]
        before = lib.data_version()
        theirs = other.get(added.id)
        theirs.role = "changed elsewhere"
        other.update(theirs)
        assert lib.data_version() != before
        with pytest.raises(ConflictError):
            lib.update(added)
        lib.add_many([Persona(name=f"P{i}") for i in range(20)])
        assert lib.count() == 21 and lib.check() == []
    engine, _ = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    finally:
        engine.dispose()


def test_postgres_lists_what_a_library_file_lists_for_every_filter(pg_url, tmp_path):
    """Library.list runs storage.listing's SQL text on both databases: same personas, same order."""
    people = [
        Persona(name="anna Berg", type="end_user", role="Ärztin", tags=["health", "B2C"]),
        Persona(name="Anna berg", type="buyer", role="100% sure", tags=["b2b"]),
        Persona(name="Cora", type="decision_maker", pain_points=["Slow_reports"], tags=["B2B"]),
        Persona(name="Ëve", type="influencer", role="back\\slash"),
        Persona(name="Zoë 山田", quote="ÄRZTIN in capitals"),
    ]
    for i, p in enumerate(people):
        p.id, p.updated_at = f"id-{i}", f"2026-01-0{i + 1}T00:00:00Z"
    with Library.open(pg_url) as pg, Library.open(str(tmp_path / "lib.sqlite")) as local:
        pg.add_many(people)
        local.add_many(people)
        for search in (None, "ärztin", "100%", "%", "_", "\\", "b2b", "zzz"):
            for kind, tag, sort in ((None, None, "name"), ("buyer", None, "type"), (None, "b2b", "updated")):
                theirs = pg.list(search=search, type=kind, tag=tag, sort=sort)
                assert theirs == local.list(search=search, type=kind, tag=tag, sort=sort), (search, kind, tag)
        assert [s.name for s in pg.list(search="ärztin")] == ["anna Berg", "Zoë 山田"]
        assert [s.name for s in pg.list(search="_")] == ["Cora"]
