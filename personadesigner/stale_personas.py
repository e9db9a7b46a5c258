"""Which personas have gone stale: last validated longer ago than a threshold (default 12 months).

Shared by ``personadesigner list --stale [MONTHS]`` and the app's sidebar badge.
Reads only the ids and validation dates (one query), never whole personas.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from personadesigner.core.evidence_notes import STALE_MONTHS, is_stale

if TYPE_CHECKING:
    from personadesigner.storage.library import Library


def stale_ids(library: Library, months: int = STALE_MONTHS, today: _dt.date | None = None) -> set[str]:
    import sqlalchemy as sa

    from personadesigner.storage.schema import personas

    today = today or _dt.date.today()
    query = sa.select(personas.c.id, personas.c.last_validated).where(personas.c.deleted_at.is_(None))
    with library._reading() as conn:  # noqa: SLF001 - a read-only query of two columns
        rows = conn.execute(query).all()
    return {pid for pid, validated in rows if validated and is_stale(validated, today, months)}
