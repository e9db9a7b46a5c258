"""Alembic migrations of the library schema, run programmatically by storage.migrate."""
