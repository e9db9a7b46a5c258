"""A library holding the sample personas, for the deck tests."""

from __future__ import annotations

import pytest

from personadesigner.paths import resource


@pytest.fixture
def sample_library(tmp_path, cli):
    lib = tmp_path / "lib.pdlib"
    run = cli("import", "--library", lib, resource("samples", "sample-personas.json"))
    assert run.code == 0, run.err
    return lib
