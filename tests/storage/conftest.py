"""Storage fixtures: real SQLite library files in tmp_path; the suite's PostgreSQL server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from personadesigner.storage.library import Library

_TESTS = str(Path(__file__).resolve().parent.parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from support.fixtures import pg_server, pg_url  # noqa: E402,F401


@pytest.fixture
def library_path(tmp_path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def lib(library_path):
    library = Library.open(str(library_path))
    yield library
    library.close()
