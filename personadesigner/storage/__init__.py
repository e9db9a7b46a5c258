"""Storage: SQLAlchemy engine, schema, migrations and the persona repository (no Qt).

Import ``Library`` from ``personadesigner.storage.library`` (this package stays
light so importing a submodule does not load them all).
"""
