"""`personadesigner history`: a persona's revisions as lines or JSON, and pruning (issue 13)."""

from __future__ import annotations

import datetime as dt
import json

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library


def _library_with_history(path):
    with Library.open(str(path)) as lib:
        lib.author = "marta"
        lib.now = lambda: dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)
        p = lib.add(Persona(name="Paula Planner", role="Planner"))
        lib.now = lambda: dt.datetime(2025, 3, 1, 12, 30, tzinfo=dt.UTC)
        p.role = "Head of planning"
        p.goals = ["Plan less by hand"]
        lib.update(p)
        return p.id


def test_history_prints_newest_first_with_date_author_and_fields(cli, tmp_path):
    path = tmp_path / "lib.sqlite"
    _library_with_history(path)
    r = cli("history", "Paula Planner", "--library", path)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[1:] == ["2025-03-01 12:30:00 UTC  marta  Role, Goals", "2025-01-10 09:00:00 UTC  marta  created"]


def test_history_json_has_the_old_and_new_values(cli, tmp_path):
    path = tmp_path / "lib.sqlite"
    pid = _library_with_history(path)
    r = cli("history", pid, "--json", "--library", path)
    data = json.loads(r.out)
    assert data["persona"]["name"] == "Paula Planner"
    newest = data["revisions"][0]
    assert newest["author"] == "marta" and newest["action"] == "changed"
    assert newest["changes"]["role"] == {"old": "Planner", "new": "Head of planning"}
    assert newest["changes"]["goals"] == {"old": [], "new": ["Plan less by hand"]}


def test_prune_keeps_recent_days_and_needs_keep_days(cli, tmp_path):
    path = tmp_path / "lib.sqlite"
    pid = _library_with_history(path)
    r = cli("history", "--prune", "--library", path)
    assert r.code == 2 and "--keep-days" in r.err
    r = cli("history", "--prune", "--keep-days", "100000", "--library", path)
    assert (r.code, r.out) == (0, "Removed 0 revisions older than 100000 days.\n")
    r = cli("history", "--prune", "--keep-days", "0", "--library", path)
    assert (r.code, r.out) == (0, "Removed 2 revisions older than 0 days.\n")
    with Library.open(str(path)) as lib:
        assert lib.history(pid) == []


def test_unknown_persona_is_one_clear_line(cli, tmp_path):
    path = tmp_path / "lib.sqlite"
    _library_with_history(path)
    r = cli("history", "Nobody", "--library", path)
    assert r.code == 2 and "Nobody" in r.err and "Traceback" not in r.err
