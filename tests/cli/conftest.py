"""CLI fixtures: the command run in-process (main + capsys) on real library files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from personadesigner.cli import main
from personadesigner.samples import seed_samples
from personadesigner.storage.library import Library


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """cli("list", "--library", path) -> Run(code, out, err)."""

    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def sample_library(tmp_path) -> Path:
    """A real library file holding the sample personas."""
    path = tmp_path / "team.sqlite"
    with Library.open(str(path)) as lib:
        seed_samples(lib)
    return path
