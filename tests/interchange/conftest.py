"""Interchange fixtures: real library files in tmp_path."""

from __future__ import annotations

import pytest

from personadesigner.storage.library import Library


@pytest.fixture
def library(tmp_path):
    lib = Library.open(str(tmp_path / "source.sqlite"))
    yield lib
    lib.close()


@pytest.fixture
def other_library(tmp_path):
    lib = Library.open(str(tmp_path / "target.sqlite"))
    yield lib
    lib.close()
