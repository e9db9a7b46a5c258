"""The persona table's scalar columns, named without SQLAlchemy.

Why: storage.rows (row <-> Persona) is shared by the Library and by the readers
that open a library file with the sqlite3 module alone (storage.direct_read,
storage.file_reader); importing storage.schema for this one tuple would load
SQLAlchemy on their start-up path. storage.schema builds its table from it.
"""

from __future__ import annotations

from personadesigner.core.persona import TEXT_FIELDS

#: Scalar persona fields stored as their own text columns (``card`` is split in two).
SCALAR_COLUMNS: tuple[str, ...] = ("name", "type", *TEXT_FIELDS, "confidence", "last_validated")
