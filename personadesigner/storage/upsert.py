"""Insert a row or replace the one with the same key, in ONE statement.

UPDATE-then-INSERT lets two writers saving the same new name at once on PostgreSQL both
find no row to update, and the second INSERT fails with a unique violation (a traceback
for the user). ``INSERT ... ON CONFLICT DO UPDATE`` waits for the first writer and then
replaces its row. SQLite (3.24+) and PostgreSQL both have it; SQLAlchemy builds it per dialect.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def upsert(conn: Connection, table: sa.Table, key: dict[str, Any], values: dict[str, Any]) -> None:
    """Store ``key`` + ``values`` in ``table``; a row with the same ``key`` (its primary key) gets ``values``."""
    insert = _INSERTS[conn.dialect.name](table).values(**key, **values)
    conn.execute(insert.on_conflict_do_update(index_elements=list(key), set_=values))
