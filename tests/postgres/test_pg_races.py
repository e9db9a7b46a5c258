"""Two real processes on one team library at the same moment: both succeed, or one says why in a sentence.

Every case is two ``personadesigner`` processes released together from a
barrier (tests/postgres/race_worker.py), repeated a few rounds on fresh
databases, because a race that loses one round in three must still be caught.
Exit 70 (a bug report) is never an acceptable outcome.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from personadesigner.storage import migrate
from personadesigner.storage.library import Library
from support.images import png

pytestmark = pytest.mark.postgres

WORKER = Path(__file__).resolve().parent / "race_worker.py"
ROUNDS = 4


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def race(tmp_path: Path, argvs: list[list[str]]) -> list[Outcome]:
    """Start one worker per argv, wait until all are ready, release them at once, collect them."""
    go = tmp_path / f"go-{os.urandom(4).hex()}"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(go), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for argv in argvs
    ]
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        go.touch()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            results.append(Outcome(proc.returncode, out, err))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _personas_file(path: Path, names: list[str], photo: bytes, ids: list[str] | None = None) -> Path:
    url = "data:image/png;base64," + base64.b64encode(photo).decode("ascii")
    docs = [{"name": name, "photo": url} for name in names]
    for doc, persona_id in zip(docs, ids or []):
        doc["id"] = persona_id
    path.write_text(json.dumps({"format": "personadesigner.personas/1", "personas": docs}), encoding="utf-8")
    return path


def test_two_first_opens_of_an_empty_database_both_succeed(pg_server, tmp_path):
    for _ in range(ROUNDS):
        url = pg_server.new_database()
        results = race(tmp_path, [["list", "--library", url], ["list", "--library", url]])
        assert [r.code for r in results] == [0, 0], [r.err for r in results]
        with Library.open(url, create=False) as lib:
            assert lib.schema_revision() == migrate.HEAD_REVISION
            assert lib.check() == []
            assert lib.info()["created_at"]


def test_two_imports_carrying_the_same_new_photo_both_succeed_and_store_it_once(pg_server, tmp_path):
    for n in range(ROUNDS):
        url = pg_server.new_database()
        Library.open(url).close()
        photo = png(color=(40 * n, 90, 200))  # new in every round
        files = [
            _personas_file(tmp_path / f"team-{k}.json", [f"Member {k}-{i}" for i in range(150)], photo)
            for k in range(2)
        ]
        results = race(tmp_path, [["import", "--library", url, str(f)] for f in files])
        assert [r.code for r in results] == [0, 0], [r.err for r in results]
        with Library.open(url, create=False) as lib:
            assert lib.count() == 300
            assert lib.info()["photos"] == 1
            assert lib.check() == []


def test_two_imports_of_the_same_persona_id_store_it_once_and_the_other_says_so(pg_server, tmp_path):
    for n in range(ROUNDS):
        url = pg_server.new_database()
        Library.open(url).close()
        photo = png(color=(90, 40 * n, 20))
        files = [
            _personas_file(
                tmp_path / f"same-{k}.json",
                [f"Shared {k}-{i}" for i in range(100)],
                photo,
                ids=[f"shared-{i}" for i in range(100)],
            )
            for k in range(2)
        ]
        results = race(tmp_path, [["import", "--library", url, str(f)] for f in files])
        codes = sorted(r.code for r in results)
        assert codes == [0, 2], [r.err for r in results]
        loser = next(r for r in results if r.code == 2)
        assert "is already in the library" in loser.err and len(loser.err.strip().splitlines()) == 1
        with Library.open(url, create=False) as lib:
            assert lib.count() == 100  # one file's personas, all of them; none of the other's
            assert lib.info()["photos"] == 1
