"""The command line in tests: as a real process (what a user's shell runs) or in-process (fast, same code).

``run_process`` ADDS the work tree to PYTHONPATH (a caller's own PYTHONPATH is
kept); the ``cli`` fixture calls personadesigner.cli.main, which reaches every
command (list, import, copy, backup, restore, ...) and turns a UserError into
one line on stderr and exit code 2, as the real command does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_process(*argv: object, env: dict | None = None, cwd: str | Path | None = None) -> subprocess.CompletedProcess:
    """The real command as a user runs it: python -m personadesigner ..."""
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), full_env.get("PYTHONPATH", "")) if p)
    return subprocess.run(
        [sys.executable, "-m", "personadesigner", *map(str, argv)],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or REPO,
        timeout=120,
    )


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """cli("list", "--library", path) -> Run(code, out, err), in-process."""
    from personadesigner.cli import main

    def run(*argv: object) -> Run:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
