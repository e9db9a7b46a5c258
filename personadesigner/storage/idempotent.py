"""Inserts that two processes may run at once: a row someone else just stored is not an error.

Photos are stored once under their hash. Two imports carrying the same new
photo (two team members importing one survey export) both see it missing, and
on a database server the second INSERT used to fail with a unique violation at
commit time. ``INSERT ... ON CONFLICT DO NOTHING`` (PostgreSQL and SQLite alike)
makes storing a photo idempotent: the row is there afterwards either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection


def insert_missing(conn: Connection, table: sa.Table, key: sa.Column, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, leaving alone any whose ``key`` is already stored (or is being stored by another transaction)."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # another server: look first (a race there ends in the caller's retry)
        present = set(conn.execute(sa.select(key).where(key.in_([r[key.name] for r in rows]))).scalars())
        missing = [r for r in rows if r[key.name] not in present]
        if missing:
            conn.execute(table.insert(), missing)
        return
    conn.execute(insert(table).on_conflict_do_nothing(index_elements=[key]), list(rows))
