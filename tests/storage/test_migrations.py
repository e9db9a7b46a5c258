"""The schema comes from Alembic migrations, and head is exactly what the models describe."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from personadesigner.core.persona import Persona
from personadesigner.storage import migrate
from personadesigner.storage.engine import make_engine, writer
from personadesigner.storage.library import Library
from personadesigner.storage.schema import metadata
from support.storage_helpers import downgrade_file


def test_empty_database_upgraded_to_head_matches_the_models(tmp_path):
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()  # an empty SQLite file, as a user could create
    engine, _ = make_engine(str(path))
    try:
        with writer(engine).begin() as conn:
            assert migrate.current_revision(conn) is None
            migrate.upgrade(conn)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_head_constant_is_the_newest_migration_file():
    # Library.open compares against HEAD_REVISION without loading Alembic; a new
    # migration that forgets to bump it would leave libraries un-upgraded.
    assert migrate.script_head() == migrate.HEAD_REVISION


def test_new_library_on_an_empty_sqlite_file_creates_the_library(tmp_path):
    # Only File > New library (new_file=True) turns a zero-byte file into a library (issue 15).
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    with Library.open(str(path), new_file=True) as lib:
        assert lib.is_new
        assert lib.schema_revision() == migrate.HEAD_REVISION
        assert lib.check() == []
    with Library.open(str(path)) as lib:
        assert not lib.is_new


def test_a_library_of_the_first_schema_is_upgraded_with_its_data(tmp_path):
    """A library written by the first release opens in this one with nothing lost."""
    path = tmp_path / "old.sqlite"
    engine, _ = make_engine(str(path))
    try:
        with writer(engine).begin() as conn:
            migrate.upgrade(conn, "0001")
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    assert "ix_personas_updated_at" not in {r[1] for r in conn.execute("PRAGMA index_list(personas)")}
    conn.close()
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Written before the upgrade"))  # opens at head: add, then go back
    downgrade_file(path, "0001")

    with Library.open(str(path)) as lib:
        assert lib.schema_revision() == migrate.HEAD_REVISION
        assert [s.name for s in lib.list()] == ["Written before the upgrade"]
        assert lib.check() == []
    conn = sqlite3.connect(path)
    assert "ix_personas_updated_at" in {r[1] for r in conn.execute("PRAGMA index_list(personas)")}
    conn.close()
