"""CLI fixtures: real library files (the in-process `cli` runner comes from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from personadesigner.samples import seed_samples
from personadesigner.storage.library import Library


@pytest.fixture
def sample_library(tmp_path) -> Path:
    """A real library file holding the sample personas."""
    path = tmp_path / "team.sqlite"
    with Library.open(str(path)) as lib:
        seed_samples(lib)
    return path
