"""A new list field needs no migration: list fields live in the ``lists`` JSON column.

A row written before the field existed (no key for it) reads as an empty list,
takes a value on the next save, and search finds it.
"""

from __future__ import annotations

import json
import sqlite3

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library


def test_a_row_from_before_jobs_to_be_done_reads_empty_and_takes_jobs(tmp_path):
    path = tmp_path / "old.sqlite"
    with Library.open(str(path)) as lib:
        lib.add_many([Persona(name="Lea Hoffmann", goals=["Log time fast"])])
    with sqlite3.connect(path) as db:  # as an older version wrote it: no jobs_to_be_done key at all
        (lists,) = db.execute("select lists from personas").fetchone()
        old = {k: v for k, v in json.loads(lists).items() if k != "jobs_to_be_done"}
        db.execute("update personas set lists = ?", (json.dumps(old),))
    with Library.open(str(path)) as lib:
        lea = lib.find("Lea Hoffmann")
        assert lea.jobs_to_be_done == [] and lea.goals == ["Log time fast"]
        lea.jobs_to_be_done = ["When I finish drawing, I want to log hours in two clicks"]
        lib.update(lea)
    with Library.open(str(path)) as lib:
        assert lib.find("Lea Hoffmann").jobs_to_be_done == ["When I finish drawing, I want to log hours in two clicks"]
        assert [s.name for s in lib.list(search="two clicks")] == ["Lea Hoffmann"]
