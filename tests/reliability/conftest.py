"""Fixtures: the suite's own PostgreSQL server (tests/support/pgserver.py)."""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent.parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from support.fixtures import pg_server, pg_url  # noqa: E402,F401

import io  # noqa: E402

import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from personadesigner.core.persona import Persona  # noqa: E402
from personadesigner.storage.library import Library  # noqa: E402


def png_bytes(size=(64, 48), color=(200, 40, 90)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def filled_library(tmp_path):
    """A real library file: 300 personas with long text, one photo, two in the trash."""
    path = tmp_path / "team.sqlite"
    with Library.open(str(path)) as lib:
        people = [
            Persona(name=f"Persona {i}", role="Marketer", story="Long story. " * 40, goals=[f"goal {i}"],
                    tags=["b2b"] if i % 2 else ["b2c"])
            for i in range(300)
        ]
        people[0].photo = png_bytes()
        added = lib.add_many(people)
        lib.delete(added[1].id)
        lib.delete(added[2].id)
    return path
