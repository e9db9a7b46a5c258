"""Storage fixtures: real SQLite library files in tmp_path (PostgreSQL fixtures: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from personadesigner.storage.library import Library


@pytest.fixture
def library_path(tmp_path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def lib(library_path):
    library = Library.open(str(library_path))
    yield library
    library.close()
