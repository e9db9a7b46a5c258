"""`discover NEW.csv --against-library`: match new segments to the library's personas, report drift, confirm (issue 13)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from personadesigner.core.persona import Persona
from personadesigner.discovery import synthetic
from personadesigner.storage.library import Library


@pytest.fixture
def surveyed(cli, tmp_path):
    """A library holding the drafts of a first survey (validated long ago), and a second survey of the same people."""
    first, second, lib = tmp_path / "first.csv", tmp_path / "second.csv", tmp_path / "lib.sqlite"
    header, rows, _ = synthetic.generate(300, 3, seed=1)
    synthetic.write_csv(first, header, rows)
    header, rows, _ = synthetic.generate(400, 3, seed=2)
    synthetic.write_csv(second, header, rows)
    assert cli("discover", first, "--segments", "3", "--import", "--library", lib).code == 0
    with Library.open(str(lib)) as library:
        old = []
        for p in library.iter_personas():
            p.last_validated = "2024-05-01"
            old.append(p)
        library.update_many(old)
        library.add(
            Persona(
                name="Hand-made persona",
                role="IT director",
                industry="Finance",
                channels=["Email", "LinkedIn", "Events"],
                goals=[
                    "Cut the time our team spends on compliance reports.",
                    "Get one view of every system we run, without another login.",
                ],
                pain_points=["Licence audits eat whole weeks of my team's time."],
            )
        )
    return lib, second


def _personas(lib):
    with Library.open(str(lib)) as library:
        return {p.name: p for p in library.iter_personas()}


def test_report_matches_each_survey_persona_with_share_then_and_now(cli, surveyed):
    lib, second = surveyed
    before = _personas(lib)
    run = cli("discover", second, "--segments", "3", "--against-library", "--library", lib)
    assert run.code == 0, run.err
    matched = re.findall(r"^(Draft persona \d \u2014 .+?)  <-  segment \d \(similarity (0\.\d\d)\)$", run.out, re.M)
    drafts = sorted(n for n in before if n.startswith("Draft persona"))
    assert sorted(name for name, _ in matched) == drafts  # every survey persona found again
    assert all(float(score) >= 0.5 for _, score in matched)
    assert "Hand-made persona" not in run.out  # not from a survey: not a candidate
    shares = re.findall(r"Share: then \d+ % \((\d+) of 300\), now \d+ % \((\d+) of 400\)", run.out)
    assert len(shares) == 3 and sum(int(now) for _, now in shares) == 400
    assert "Rose:" in run.out or "Fell:" in run.out
    assert re.search(r"^    .+: \d+ % -> \d+ %$", run.out, re.M)  # a distinguishing answer, then -> now
    assert _personas(lib) == before  # a report changes nothing


def test_confirm_records_the_survey_and_bumps_last_validated_in_one_go(cli, surveyed):
    lib, second = surveyed
    name = next(n for n in _personas(lib) if "IT director" in n)
    run = cli("discover", second, "--segments", "3", "--against-library", "--confirm", name, "--library", lib)
    assert run.code == 0, run.err
    assert "Confirmed 1 persona" in run.out
    after = _personas(lib)
    today = dt.date.today().isoformat()
    assert after[name].last_validated == today
    assert after[name].sources[-1].title.startswith("Survey second.csv, n = ")
    assert after[name].sources[-1].title.endswith(" of 400") and after[name].sources[-1].date == today
    others = [p for n, p in after.items() if n != name and n.startswith("Draft")]
    assert all(p.last_validated == "2024-05-01" and len(p.sources) == 1 for p in others)

    run = cli("discover", second, "--segments", "3", "--against-library", "--confirm", "all", "--library", lib)
    assert "Confirmed 3 personas" in run.out
    assert all(p.last_validated == today for n, p in _personas(lib).items() if n.startswith("Draft"))


def test_confirming_an_unmatched_name_changes_nothing(cli, surveyed):
    lib, second = surveyed
    before = _personas(lib)
    run = cli(
        "discover",
        second,
        "--segments",
        "3",
        "--against-library",
        "--confirm",
        "all",
        "--confirm",
        "Hand-made persona",
        "--library",
        lib,
    )
    assert run.code == 0  # "all" wins
    lib_state = _personas(lib)
    assert lib_state["Hand-made persona"] == before["Hand-made persona"]
    run = cli("discover", second, "--segments", "3", "--against-library", "--confirm", "Nobody", "--library", lib)
    assert run.code == 2 and "Nobody" in run.err and len(run.err.strip().splitlines()) == 1
    assert _personas(lib) == lib_state


def test_all_personas_lets_a_hand_made_persona_match(cli, surveyed, tmp_path):
    lib, second = surveyed
    with Library.open(str(lib)) as library:
        for s in library.list(tag="draft"):
            library.delete(s.id)
    run = cli("discover", second, "--segments", "3", "--against-library", "--all-personas", "--library", lib)
    assert run.code == 0, run.err
    assert "Hand-made persona  <-  segment" in run.out and "Share: then unknown" in run.out
