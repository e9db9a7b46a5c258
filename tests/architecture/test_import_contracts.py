"""The layers hold: the import-linter contracts in pyproject.toml pass (ui -> render ->
interchange | storage -> core; the UI reaches storage only through storage.api; Qt only
in the app and the two Qt painters). grimp reads every import, including the ones inside
functions, so a lazy import across a layer fails here too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytest.importorskip("importlinter")


def _lint(config: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from importlinter.cli import lint_imports\n"
        f"sys.exit(lint_imports(config_filename={str(config)!r}, no_cache=True, no_logo=True))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_the_import_contracts_are_kept():
    r = _lint(REPO / "pyproject.toml", REPO)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout


def test_a_ui_module_importing_a_storage_internal_breaks_the_contract(tmp_path):
    """The contracts bite: a copy of the package whose UI opens the engine directly fails them."""
    import shutil

    copy = tmp_path / "repo"
    shutil.copytree(REPO / "personadesigner", copy / "personadesigner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", copy / "pyproject.toml")
    with (copy / "personadesigner" / "ui" / "icons.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom personadesigner.storage.engine import is_url  # a shortcut around storage.api\n")
    r = _lint(copy / "pyproject.toml", copy)  # the copy is first on sys.path (cwd)
    assert r.returncode != 0
    assert "personadesigner.ui.icons -> personadesigner.storage.engine" in r.stdout
