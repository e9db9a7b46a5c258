"""Jobs to be done on exported cards: the profile and poster PDFs carry the text (read back with poppler).

The profile always shows them; on the poster they are optional (a wall poster's
columns are short: they are shown whole when there is room, never cut).
"""

from __future__ import annotations

import json
import subprocess

from personadesigner.samples import seed_samples
from personadesigner.storage.library import Library


def _pdf_text(cli, library, name: str, template: str, out) -> str:
    r = cli("export", "--library", library, name, "--template", template, "--out", out, "--strict")
    assert r.code == 0, r.err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_the_profile_pdf_of_a_sample_shows_its_jobs_to_be_done(cli, tmp_path):
    library = tmp_path / "samples.sqlite"
    with Library.open(str(library)) as lib:
        seed_samples(lib)
        yusuf = lib.find("Yusuf Demir")
    assert yusuf.jobs_to_be_done, "the samples show the field"
    flat = _pdf_text(cli, library, "Yusuf Demir", "profile", tmp_path / "profile.pdf")
    assert "JOBS TO BE DONE" in flat
    assert " ".join(yusuf.jobs_to_be_done[0].split()) in flat


def test_the_poster_shows_a_job_when_it_has_room(cli, tmp_path):
    job = "When a client calls, I want the hours at hand, so I can answer at once"
    data = {
        "format": "personadesigner.personas/1",
        "personas": [
            {"name": "Jo Poster", "type": "buyer", "goals": ["Answer clients fast"], "jobs_to_be_done": [job]}
        ],
    }
    source = tmp_path / "jo.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    library = tmp_path / "jo.sqlite"
    assert cli("import", "--library", library, source).code == 0
    flat = _pdf_text(cli, library, "Jo Poster", "poster", tmp_path / "poster.pdf")
    assert "JOBS TO BE DONE" in flat and job in flat
