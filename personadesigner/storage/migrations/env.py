"""Alembic environment: runs on the connection storage.migrate hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from personadesigner.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic` on the command line lands here
    raise RuntimeError("Run migrations through personadesigner.storage.migrate.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
