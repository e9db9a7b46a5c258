"""Fixtures of the layout tests; the personas themselves live in tests/support/layout_samples.py."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from support.layout_samples import SAMPLES


@pytest.fixture(params=sorted(SAMPLES))
def sample(request) -> Persona:
    return SAMPLES[request.param]()
