"""CLI test helpers: library counts and the command run as a real process."""

from __future__ import annotations

from pathlib import Path

from personadesigner.storage.library import Library
from support.cli import REPO, run_process  # noqa: F401 (the real-process runner, shared)


def count(path: Path) -> int:
    with Library.open(str(path), create=False) as lib:
        return lib.count()
