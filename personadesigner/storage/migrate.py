"""Create and upgrade the schema with Alembic, driven from code (no alembic.ini).

Alembic is imported only when a migration really runs: opening an up-to-date
library just reads ``alembic_version`` and compares it with ``HEAD_REVISION``.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest revision in migrations/versions (a test keeps the two in step).
HEAD_REVISION = "0005"
VERSION_TABLE = "alembic_version"
#: The PostgreSQL advisory lock key every PersonaDesigner takes before it creates or
#: upgrades a schema ("PDschema" in ASCII; any constant shared by all versions works).
SCHEMA_LOCK_KEY = 0x5044736368656D61


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_head() -> str:
    """The head revision as Alembic sees the version files."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def lock_schema(connection: Connection) -> None:
    """Make every other process that would create or upgrade this schema wait until we commit.

    Two first opens of one empty server database at once would otherwise both
    see no tables and both run CREATE TABLE; the second would fail half-way.
    PostgreSQL: a transaction-level advisory lock (released by COMMIT or
    ROLLBACK, so a killed process never leaves it behind). SQLite needs nothing
    here: the caller's BEGIN IMMEDIATE already holds the file's write lock.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Upgrade the database on ``connection`` (inside the caller's transaction)."""
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, None when it has none."""
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
