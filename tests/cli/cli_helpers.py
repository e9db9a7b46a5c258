"""CLI test helpers: library counts and the command run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from personadesigner.storage.library import Library

REPO = Path(__file__).resolve().parents[2]


def count(path: Path) -> int:
    with Library.open(str(path), create=False) as lib:
        return lib.count()


def run_process(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command as a user runs it: python -m personadesigner ..."""
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "personadesigner", *map(str, argv)], capture_output=True,
                          text=True, env=full_env, cwd=REPO, timeout=120)
