"""Fixtures of the layout tests; the personas themselves live in tests/support/layout_samples.py."""

from __future__ import annotations

import pytest
from support.layout_samples import SAMPLES

from personadesigner.core.persona import Persona


@pytest.fixture(params=sorted(SAMPLES))
def sample(request) -> Persona:
    return SAMPLES[request.param]()
