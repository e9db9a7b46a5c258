"""Jobs to be done on exported cards: the profile and poster PDFs carry the text (read back with poppler)."""

from __future__ import annotations

import subprocess

from personadesigner.samples import seed_samples
from personadesigner.storage.library import Library


def test_profile_and_poster_pdfs_of_a_sample_show_its_jobs_to_be_done(cli, tmp_path):
    library = tmp_path / "samples.sqlite"
    with Library.open(str(library)) as lib:
        seed_samples(lib)
        yusuf = lib.find("Yusuf Demir")
    assert yusuf.jobs_to_be_done, "the samples show the field"
    for template in ("profile", "poster"):
        out = tmp_path / f"{template}.pdf"
        r = cli("export", "--library", library, "Yusuf Demir", "--template", template, "--out", out, "--strict")
        assert r.code == 0, r.err
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        assert "JOBS TO BE DONE" in flat
        assert " ".join(yusuf.jobs_to_be_done[0].split()) in flat
