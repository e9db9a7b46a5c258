"""Storage: SQLAlchemy engine, schema, migrations and the persona repository (no Qt)."""
