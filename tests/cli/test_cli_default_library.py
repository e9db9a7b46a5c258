"""The default library: created in the user data dir on first use, starting with the samples."""

from __future__ import annotations

import json

from personadesigner.core.persona import PERSONA_TYPES
from personadesigner.paths import default_library


def test_first_run_creates_the_default_library_with_samples_of_every_type(cli, _isolated_user_dirs):
    location = default_library()
    assert location.startswith(str(_isolated_user_dirs))
    r = cli("list", "--json")
    assert r.code == 0, r.err
    rows = json.loads(r.out)
    assert {row["type"] for row in rows} == set(PERSONA_TYPES)
    assert len(rows) == 8
    assert (_isolated_user_dirs / ".local" / "share" / "personadesigner" / "library.sqlite").is_file()


def test_samples_are_added_once_only(cli):
    cli("list")
    r = cli("check")
    assert r.out.startswith("OK: 8 personas")
    assert cli("check").out.startswith("OK: 8 personas")


def test_environment_variable_names_the_default_library(cli, tmp_path, monkeypatch):
    target = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("PERSONADESIGNER_LIBRARY", str(target))
    assert cli("list").code == 0
    assert target.is_file()


def test_samples_have_evidence_and_relations(cli):
    rows = json.loads(cli("list", "--json").out)
    shown = [json.loads(cli("show", row["id"], "--json").out) for row in rows]
    assert all(p.get("sources") and p.get("confidence") and p.get("last_validated") for p in shown)
    relations = {r["relation"] for p in shown for r in p.get("related", [])}
    assert {"buys_for", "uses_what_is_bought_by", "approves_for"} <= relations
    assert max(len(p.get("story", "")) for p in shown) > 1000
