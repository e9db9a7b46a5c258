"""The tests mirror the code and every test folder runs together with every other.

Each folder's conftest.py is imported under the one name ``conftest``, so a test
module doing ``from conftest import ...`` gets whichever folder's conftest came
first when several folders run in one pytest call; shared helpers live in
tests/support/ instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import personadesigner

TESTS = Path(__file__).resolve().parents[1]
PACKAGE = Path(personadesigner.__path__[0])
#: Test folders that are about the whole app rather than one package.
CROSS_CUTTING = {"architecture", "postgres", "reliability", "support", "shared"}


def test_no_test_module_imports_a_conftest():
    pattern = re.compile(r"^\s*(from\s+conftest\s+import|import\s+conftest\b)", re.MULTILINE)
    offenders = [
        str(p.relative_to(TESTS)) for p in TESTS.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "import shared helpers from tests/support/ instead of conftest"


def test_every_test_folder_mirrors_a_package():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))}
    assert folders - CROSS_CUTTING <= packages, "a test folder that names no package"
    ui = {p.name for p in (TESTS / "ui").iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert ui, "the UI tests are grouped by area under tests/ui"
