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
