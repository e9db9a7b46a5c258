"""Brand fixtures: a real library file holding the sample personas."""

from __future__ import annotations

from pathlib import Path

import pytest

from personadesigner.core.themes import use_themes
from personadesigner.samples import seed_samples
from personadesigner.storage.library import Library


@pytest.fixture
def sample_library(tmp_path) -> Path:
    path = tmp_path / "team.sqlite"
    with Library.open(str(path)) as lib:
        seed_samples(lib)
    return path


@pytest.fixture(autouse=True)
def _no_leftover_themes():
    """Library and file themes are process-wide (core.themes.use_themes): each test starts without them."""
    use_themes([])
    yield
    use_themes([])
