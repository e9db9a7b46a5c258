"""Poppler's command-line tools, the way a print shop's software reads our PDFs.

The suite requires poppler-utils (.ci/run installs it): a missing tool FAILS the
test with one clear message instead of skipping it, so a machine without poppler
can never report a green run that checked no PDF at all.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image


def run(tool: str, *args: str | Path) -> str:
    """Run a poppler tool and return its stdout (UTF-8); fail loudly when it is missing or errors."""
    if shutil.which(tool) is None:
        raise AssertionError(f"{tool} not found: the test suite needs poppler-utils (apt install poppler-utils)")
    done = subprocess.run(
        [tool, *map(str, args)], capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120
    )
    if done.returncode != 0:
        raise AssertionError(f"{tool} failed with code {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def pdf_text(path: str | Path, *, first: int | None = None, last: int | None = None, raw: bool = False) -> str:
    """The text pdftotext extracts (what search, copy and screen readers get), optionally of some pages."""
    args: list[str] = []
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    if raw:
        args.append("-raw")
    return run("pdftotext", "-enc", "UTF-8", *args, str(path), "-")


def pdf_info(path: str | Path, *args: str) -> str:
    """pdfinfo's report (pass "-box" for the page boxes)."""
    return run("pdfinfo", *args, str(path))


def pdf_pages(path: str | Path) -> int:
    """Number of pages as poppler counts them."""
    for row in pdf_info(path).splitlines():
        if row.startswith("Pages:"):
            return int(row.split()[1])
    raise AssertionError(f"pdfinfo reported no page count for {path}")


def pdf_fonts(path: str | Path) -> list[str]:
    """pdffonts' table rows (header lines removed), one per font in the file."""
    return run("pdffonts", str(path)).splitlines()[2:]


def rasterize(
    path: str | Path, out_dir: str | Path, *, dpi: int = 72, page: int = 1, name: str = "page"
) -> Image.Image:
    """One page of the PDF rendered by pdftoppm to an RGB image (also written as <out_dir>/<name>.png)."""
    stem = Path(out_dir) / name
    run("pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", str(path), str(stem))
    with Image.open(stem.with_suffix(".png")) as image:
        return image.convert("RGB")
