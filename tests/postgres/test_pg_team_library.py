"""Team libraries on a real PostgreSQL server: migrations, the CLI, optimistic locking, copy."""

from __future__ import annotations

import dataclasses
import json

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from personadesigner.core.persona import Persona
from personadesigner.errors import ConflictError
from personadesigner.storage import migrate
from personadesigner.storage.engine import make_engine
from personadesigner.storage.library import Library
from personadesigner.storage.schema import library_info, metadata, personas, photos
from support.cli import run_process as _cli
from support.personas import every_field

pytestmark = pytest.mark.postgres


def _dump(location: str) -> dict:
    """Every row of every table (minus the per-database change token), comparable across databases."""
    engine, _ = make_engine(location)
    try:
        with engine.connect() as conn:
            return {
                "personas": sorted(tuple(r) for r in conn.execute(sa.select(personas))),
                "photos": sorted(
                    (r.hash, r.mime, r.width, r.height, bytes(r.data)) for r in conn.execute(sa.select(photos))
                ),
                "info": sorted(tuple(r) for r in conn.execute(sa.select(library_info)) if r.key != "change_token"),
            }
    finally:
        engine.dispose()


def test_open_migrates_an_empty_database_to_the_models(pg_url):
    with Library.open(pg_url) as lib:
        assert lib.is_new and lib.schema_revision() == migrate.HEAD_REVISION
        assert lib.info()["backend"] == "postgresql" and lib.check() == []
    engine, _ = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    finally:
        engine.dispose()
    with Library.open(pg_url, create=False) as again:
        assert not again.is_new


def test_second_save_of_a_concurrently_edited_persona_raises_conflict_with_their_version(pg_url):
    with Library.open(pg_url) as alice, Library.open(pg_url) as bob:
        stored = alice.add(every_field())
        a, b = alice.get(stored.id), bob.get(stored.id)
        a.role, b.role = "Alice's role", "Bob's role"
        saved = alice.update(a)
        with pytest.raises(ConflictError) as err:
            bob.update(b)
        assert err.value.persona_id == stored.id
        assert err.value.theirs.role == "Alice's role" and err.value.theirs.version == saved.version
        assert bob.get(stored.id).role == "Alice's role"  # never a silent overwrite
        b.version = err.value.theirs.version  # Bob decided to keep his (conflict dialog)
        assert bob.update(b).role == "Bob's role"


def test_every_cli_command_works_on_a_postgresql_library(pg_url, tmp_path):
    source = tmp_path / "in.json"
    people = [
        {"name": "Ada Lovelace", "type": "buyer", "role": "Analyst", "goals": ["ship"], "tags": ["x"]},
        {"name": "Bo Ek", "role": "Designer", "quote": "<b>& more</b>"},
    ]
    source.write_text(json.dumps({"format": "personadesigner.personas/1", "personas": people}), encoding="utf-8")
    done = _cli("import", "--library", pg_url, str(source))
    assert done.returncode == 0, done.stderr
    listed = _cli("list", "--library", pg_url, "--search", "ada")
    assert listed.returncode == 0 and "Ada Lovelace" in listed.stdout and "Bo Ek" not in listed.stdout
    shown = _cli("show", "--library", pg_url, "Bo Ek")
    assert shown.returncode == 0 and "<b>& more</b>" in shown.stdout
    out = tmp_path / "out.json"
    exported = _cli("export", "--library", pg_url, "--all", "--format", "json", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    names = sorted(p["name"] for p in json.loads(out.read_text(encoding="utf-8"))["personas"])
    assert names == ["Ada Lovelace", "Bo Ek"]
    checked = _cli("check", "--library", pg_url)
    assert checked.returncode == 0, checked.stderr


def test_cli_reports_an_unreachable_server_in_one_line(pg_server):
    bad = pg_server.url("no_such_database_here")
    done = _cli("list", "--library", bad)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_copy_sqlite_to_postgresql_and_back_loses_nothing(pg_url, tmp_path, cli):
    first = tmp_path / "first.sqlite"
    with Library.open(str(first)) as lib:
        added = lib.add_many(
            [every_field(), every_field("Second", photo_color=(1, 2, 3)), Persona(name="Plain")]
            + [Persona(name=f"Bulk {i}", goals=[str(i)]) for i in range(600)]
        )
        edited = lib.get(added[2].id)
        edited.role = "edited twice"
        lib.update(lib.update(edited))
        lib.delete(added[1].id)  # the trash travels too
    assert cli("copy", "--from", first, "--to", pg_url).code == 0
    back = tmp_path / "back.sqlite"
    assert cli("copy", "--from", pg_url, "--to", back).code == 0
    original = _dump(str(first))
    assert _dump(pg_url) == original
    assert _dump(str(back)) == original
    with Library.open(pg_url) as lib, Library.open(str(first)) as orig:
        assert lib.count() == 602 and lib.count(include_deleted=True) == 603
        assert dataclasses.asdict(lib.get(added[0].id)) == dataclasses.asdict(orig.get(added[0].id))
    again = cli("copy", "--from", first, "--to", pg_url)
    assert again.code == 2 and "already holds" in again.err


def test_backup_and_restore_of_a_server_library_go_through_a_sqlite_file(pg_url, tmp_path, cli):
    with Library.open(pg_url) as lib:
        lib.add(every_field())
    snapshot = tmp_path / "snap.sqlite"
    assert cli("backup", "--library", pg_url, "--out", snapshot).code == 0
    with Library.open(pg_url) as lib:
        lib.add(Persona(name="After the snapshot"))
    assert cli("restore", "--library", pg_url, "--from", snapshot).code == 0
    with Library.open(pg_url) as lib:
        assert [s.name for s in lib.list()] == [every_field().name]
