"""A non-editable install must carry resources/ (fonts, samples, templates, themes).

Builds a real wheel from the checkout and looks inside it: a wheel without the
fonts would install fine and then print cards with missing glyphs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    if not (ROOT / "pyproject.toml").exists():
        pytest.fail("tests must run from a checkout (pyproject.toml not found)")
    # Build from a copy: setuptools writes build/ and *.egg-info into the source tree.
    src = tmp_path_factory.mktemp("src") / "personadesigner"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__", ".*cache"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
        check=True,
        capture_output=True,
    )
    (whl,) = out.glob("personadesigner-*.whl")
    return zipfile.ZipFile(whl)


def test_wheel_carries_every_resource_file(wheel):
    names = set(wheel.namelist())
    resources = [p for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert resources, "resources/ is empty"
    missing = [
        str(p.relative_to(ROOT))
        for p in resources
        if "personadesigner/resources/" + p.relative_to(ROOT / "resources").as_posix() not in names
    ]
    assert missing == []


def test_wheel_carries_every_python_module(wheel):
    names = set(wheel.namelist())
    tracked = subprocess.run(["git", "ls-files", "personadesigner"], cwd=ROOT, capture_output=True, text=True)
    sources = [ROOT / line for line in tracked.stdout.split() if line.endswith(".py")] or [
        p for p in (ROOT / "personadesigner").rglob("*.py") if "__pycache__" not in p.parts
    ]
    missing = [str(p.relative_to(ROOT)) for p in sources if p.relative_to(ROOT).as_posix() not in names]
    assert missing == [], "add the package to [tool.setuptools] packages in pyproject.toml"


def test_wheel_has_the_entry_point(wheel):
    (ep,) = [n for n in wheel.namelist() if n.endswith("entry_points.txt")]
    text = wheel.read(ep).decode()
    assert "personadesigner = personadesigner.cli:main" in text


def test_wheel_carries_the_icons_their_licence_and_the_guide(wheel):
    from personadesigner.ui.icons import ICON_FILES

    names = set(wheel.namelist())
    wanted = [f"personadesigner/resources/icons/tabler/{f}.svg" for f in ICON_FILES.values()]
    wanted += [
        "personadesigner/resources/icons/tabler/LICENSE",
        "personadesigner/resources/icons/tabler/README.md",
        "personadesigner/resources/guide/guide.html",
    ]
    assert [w for w in wanted if w not in names] == []
