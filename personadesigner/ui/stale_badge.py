"""The sidebar's "Stale" badge: a persona last validated longer ago than the threshold.

The model asks ``stale_ids`` once per reload (one query of two columns); the
delegate paints a small outlined badge at the end of the name line and
shortens the name to make room.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from personadesigner.core.evidence_notes import STALE_MONTHS, is_stale

LABEL = "Stale"
TOOLTIP = f"Stale: last validated {STALE_MONTHS} or more months ago — check it against new data."
COLOR = "#b45309"


def load_stale_ids(library) -> set[str]:  # noqa: ANN001 - storage.library.Library or None
    """Ids of stale personas; an empty set when the library cannot say (never breaks the list)."""
    if library is None:
        return set()
    from personadesigner.stale_personas import stale_ids

    try:
        return stale_ids(library)
    except Exception:  # noqa: BLE001 - a badge is not worth an error dialog; the list still shows
        return set()


def note_saved(stale: set[str], persona) -> None:  # noqa: ANN001 - a core Persona
    """Keep the model's stale set true when a save changes ``last_validated`` (no reload while typing)."""
    if is_stale(persona.last_validated, _dt.date.today()):
        stale.add(persona.id)
    else:
        stale.discard(persona.id)


def badge_rect(name_rect: QRectF, small: QFont, pad: float) -> QRectF:
    fm = QFontMetrics(small)
    w = fm.horizontalAdvance(LABEL) + pad * 2
    return QRectF(name_rect.right() - w, name_rect.center().y() - fm.height() / 2 - 1, w, fm.height() + 2)


def paint_badge(painter: QPainter, rect: QRectF, small: QFont) -> None:
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QColor(COLOR))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setFont(small)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, LABEL)
    painter.restore()
