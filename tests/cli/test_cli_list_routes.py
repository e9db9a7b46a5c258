"""`personadesigner list` takes two routes: a library file is read directly (sqlite3 alone, fast
start), anything else opens the Library. A user must not be able to tell them apart by the output."""

from __future__ import annotations

import json
import sqlite3

from personadesigner.core.persona import Persona
from personadesigner.storage import migrate
from personadesigner.storage.backup import list_backups
from personadesigner.storage.library import Library
from support.storage_helpers import downgrade_file

FILTERS = ([], ["--search", "a"], ["--search", "ärztin"], ["--type", "buyer"], ["--tag", "B2B"], ["--search", "%"])


def test_a_file_and_its_sqlite_url_list_the_same(cli, sample_library):
    with Library.open(str(sample_library)) as lib:
        lib.add_many(
            [
                Persona(name="anna Berg", type="end_user", role="Ärztin", tags=["b2b"]),
                Persona(name="Anna berg", type="buyer", role="100% buyer", tags=["B2B"]),
            ]
        )
    url = f"sqlite:///{sample_library}"  # a URL always goes through the Library
    for extra in FILTERS:
        for shape in ([], ["--json"]):
            direct = cli("list", "--library", sample_library, *extra, *shape)
            through_library = cli("list", "--library", url, *extra, *shape)
            assert direct.code == through_library.code == 0, (direct.err, through_library.err)
            assert direct.out == through_library.out, extra + shape
            assert direct.err == through_library.err == ""
    names = [row["name"] for row in json.loads(cli("list", "--library", sample_library, "--json").out)]
    assert len(names) == 10 and abs(names.index("anna Berg") - names.index("Anna berg")) == 1  # then by id


def test_a_library_of_an_older_schema_is_upgraded_then_listed(cli, tmp_path):
    path = tmp_path / "old.sqlite"
    with Library.open(str(path)) as lib:
        lib.add(Persona(name="Written long ago"))
    downgrade_file(path, "0002")
    r = cli("list", "--library", path)
    assert r.code == 0, r.err
    assert r.out.split()[:3] == ["Written", "long", "ago"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD_REVISION
    conn.close()
    assert [b.label for b in list_backups(path)] == ["before-upgrade"]


def test_an_unknown_type_is_still_a_one_line_refusal(cli, sample_library):
    r = cli("list", "--library", sample_library, "--type", "alien")
    assert r.code == 2 and "is not a persona type" in r.err and r.out == ""
