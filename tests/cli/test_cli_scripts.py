"""Done-when of issue 10: Hindi, Thai, Korean, Japanese and Arabic names export to PDF and PNG
under --strict (no character without a font) and pdftotext gives the names back as typed."""

from __future__ import annotations

import subprocess

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library

NAMES = ["अनन्या शर्मा", "สมชาย ใจดี", "김민준", "佐藤 花子", "ليلى حداد"]


def _library(tmp_path):
    path = tmp_path / "world.sqlite"
    with Library.open(str(path)) as lib:
        for name in NAMES:
            lib.add(Persona(name=name, role="Product manager"))
    return path


def test_names_in_five_scripts_export_strictly_and_come_back_exactly(cli, tmp_path):
    lib = _library(tmp_path)
    pdf = tmp_path / "world.pdf"
    r = cli("export", "--library", lib, "--all", "--out", pdf, "--strict")
    assert r.code == 0, r.err  # --strict: no preflight problem, so no character without a font
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = text.translate(dict.fromkeys(range(0x202A, 0x202F))).splitlines()  # poppler's own RTL marks
    for name in NAMES:
        assert name in lines, name
    folder = tmp_path / "png"
    folder.mkdir()
    r = cli("export", "--library", lib, "--all", "--out", folder, "--format", "png", "--dpi", "72", "--strict")
    assert r.code == 0, r.err
    assert len(list(folder.glob("*.png"))) == len(NAMES)
    # the first persona's script names the document language (the library lists them by name)
    assert any(f"/Lang ({lang})".encode() in pdf.read_bytes() for lang in ("hi", "th", "ko", "zh", "ar"))
