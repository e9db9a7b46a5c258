"""The sidebar marks a persona validated more than 12 months ago with a "Stale" badge."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListView

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library
from personadesigner.ui import stale_badge
from personadesigner.ui.library_model import LibraryModel, StaleRole
from personadesigner.ui.persona_delegate import PersonaDelegate


def _badge_pixels(image, top: int, bottom: int) -> int:
    want = QColor(stale_badge.COLOR)
    count = 0
    for y in range(top, bottom):
        for x in range(image.width() // 2, image.width()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - want.red()) < 40
                and abs(c.green() - want.green()) < 40
                and abs(c.blue() - want.blue()) < 40
            ):
                count += 1
    return count


def test_stale_persona_gets_a_badge_and_a_fresh_one_does_not(qtbot, tmp_path):
    old = (_dt.date.today() - _dt.timedelta(days=400)).isoformat()
    fresh = (_dt.date.today() - _dt.timedelta(days=10)).isoformat()
    library = Library.open(str(tmp_path / "lib.sqlite"))
    library.add(Persona(name="Anna Old", last_validated=old))
    library.add(Persona(name="Ben Fresh", last_validated=fresh))
    model = LibraryModel(library)
    model.reload()
    assert [model.index(r).data(StaleRole) for r in range(2)] == [True, False]
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(PersonaDelegate(view))
    view.resize(360, 200)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    rows = [view.visualRect(model.index(r)) for r in range(2)]
    assert _badge_pixels(image, rows[0].top(), rows[0].bottom()) > 10
    assert _badge_pixels(image, rows[1].top(), rows[1].bottom()) == 0
    library.close()


def test_revalidating_a_persona_clears_its_badge_without_a_reload(qtbot, tmp_path):
    old = (_dt.date.today() - _dt.timedelta(days=400)).isoformat()
    library = Library.open(str(tmp_path / "lib.sqlite"))
    persona = library.add(Persona(name="Anna Old", last_validated=old))
    model = LibraryModel(library)
    model.reload()
    assert model.index(0).data(StaleRole)
    assert stale_badge.TOOLTIP in model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    persona.last_validated = _dt.date.today().isoformat()
    model.update_persona(library.update(persona))
    assert not model.index(0).data(StaleRole)
    library.close()
