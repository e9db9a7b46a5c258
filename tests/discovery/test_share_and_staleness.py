"""A data-built persona prints its share; old validations are listed as stale."""

from __future__ import annotations

import datetime as _dt
import subprocess

from personadesigner.core.evidence_notes import is_stale, share_line, validated_note
from personadesigner.core.persona import Persona, Source
from personadesigner.storage.library import Library


def _drafted(name: str, n: int, total: int, validated: str = "") -> Persona:
    return Persona(
        name=name, last_validated=validated, sources=[Source(kind="survey", title=f"Survey s.csv, n = {n} of {total}")]
    )


def test_share_line_from_the_survey_source():
    assert share_line(_drafted("A", 204, 600)) == "represents 34 % of 600 respondents"
    assert share_line(Persona(name="B", sources=[Source(kind="interview", title="n = 3 of 5")])) == ""


def test_printed_card_shows_the_share(cli, tmp_path):
    lib = tmp_path / "lib.sqlite"
    with Library.open(str(lib)) as library:
        library.add(_drafted("Data Dana", 204, 600))
    out = tmp_path / "card.pdf"
    assert cli("export", "--library", lib, "Data Dana", "--out", out).code == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Represents 34 % of 600 respondents" in text


def test_staleness_threshold_and_note():
    today = _dt.date(2026, 11, 28)
    assert is_stale("2025-11-28", today) and not is_stale("2025-11-29", today)
    assert not is_stale("", today)
    assert is_stale("2026-05-01", today, months=6)
    assert validated_note("2025-09-10", today) == "validated 14 months ago"


def test_list_stale(cli, tmp_path):
    lib = tmp_path / "lib.sqlite"
    old = (_dt.date.today() - _dt.timedelta(days=500)).isoformat()
    recent = (_dt.date.today() - _dt.timedelta(days=30)).isoformat()
    with Library.open(str(lib)) as library:
        library.add(Persona(name="Old Olga", last_validated=old))
        library.add(Persona(name="Fresh Fred", last_validated=recent))
        library.add(Persona(name="Never Nils"))
    run = cli("list", "--library", lib, "--stale")
    assert run.code == 0 and "Old Olga" in run.out and "Fresh Fred" not in run.out and "Never Nils" not in run.out
    run = cli("list", "--library", lib, "--stale", "0")
    assert "Fresh Fred" in run.out and "Old Olga" in run.out
