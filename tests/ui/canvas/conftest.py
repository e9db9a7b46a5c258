"""Fixtures of the canvas and dialog tests: personas, hand-made layouts, a real library."""

from __future__ import annotations

import pytest

from personadesigner.core.persona import Persona
from support.canvas import make_persona


@pytest.fixture(autouse=True)
def _no_reveal(monkeypatch):
    monkeypatch.setenv("PERSONADESIGNER_NO_REVEAL", "1")


@pytest.fixture(autouse=True)
def _fresh_export_settings():
    """The export dialog remembers the last folder and format: each test starts without them."""
    from PySide6.QtCore import QSettings

    QSettings().remove("export")
    yield
    QSettings().remove("export")


@pytest.fixture
def persona() -> Persona:
    return make_persona()


@pytest.fixture
def long_goals_persona() -> Persona:
    goals = [f"Goal {i + 1}: " + "make every campaign measurable and repeatable " * 6 for i in range(15)]
    return make_persona("Long Goals", goals=goals)


@pytest.fixture
def canvas(qtbot):
    from personadesigner.ui.canvas import CardCanvas

    view = CardCanvas()
    qtbot.addWidget(view)
    view.resize(600, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def library(tmp_path):
    """A real SQLite library with three personas."""
    from personadesigner.storage.library import Library

    lib = Library.open(str(tmp_path / "library.sqlite"), create=True)
    lib.add_many(
        [
            make_persona("Anna Berg"),
            make_persona("Ben Okafor", type="buyer", quote="Show me the numbers."),
            make_persona("Chloé Martin", type="negative", quote="I only buy the cheapest."),
        ]
    )
    yield lib
    lib.close()
