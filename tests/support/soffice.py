"""LibreOffice Impress for the deck tests: convert a PPTX to PDF headless, as a client's office would open it.

Skipped with a reason when ``soffice`` is missing, unless PERSONADESIGNER_REQUIRE_SOFFICE
is set (CI sets it): then a missing LibreOffice fails the test instead of hiding it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REQUIRE_ENV = "PERSONADESIGNER_REQUIRE_SOFFICE"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"soffice (LibreOffice Impress) is missing but {REQUIRE_ENV} is set")
        pytest.skip("soffice (LibreOffice Impress) is not installed")
    return found


def convert_to_pdf(pptx: Path, tmp: Path) -> Path:
    """``pptx`` converted by LibreOffice; a private HOME and profile so it runs as root and in parallel."""
    home = tmp / "lo-home"
    home.mkdir(exist_ok=True)
    out = tmp / "lo-out"
    env = {**os.environ, "HOME": str(home)}
    proc = subprocess.run(
        [
            soffice(),
            "--headless",
            f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(pptx),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    pdf = out / (pptx.stem + ".pdf")
    assert proc.returncode == 0 and pdf.exists(), f"LibreOffice failed: {proc.stdout}\n{proc.stderr}"
    return pdf


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
