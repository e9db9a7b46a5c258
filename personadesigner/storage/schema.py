"""The library's tables (SQLAlchemy Core). Migrations must produce exactly this.

One row per persona: the scalar text fields as columns (cheap to list, sort and
filter), the list and record fields as one JSON text column (read whole, never
queried), ``search_text`` precomputed so search is one LIKE over one column.
Photos live in the library itself, keyed by content hash so equal photos are
stored once and the library stays one portable file.
"""

from __future__ import annotations

import sqlalchemy as sa

from personadesigner.storage.columns import SCALAR_COLUMNS

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    }
)

library_info = sa.Table(
    "library_info",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

photos = sa.Table(
    "photos",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),  # sha256 hex of ``data``
    sa.Column("mime", sa.String(32), nullable=False),
    sa.Column("width", sa.Integer, nullable=False),
    sa.Column("height", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

personas = sa.Table(
    "personas",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    *(sa.Column(name, sa.Text, nullable=False) for name in SCALAR_COLUMNS),
    sa.Column("template", sa.Text, nullable=False),
    sa.Column("theme", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("deleted_at", sa.String(32), nullable=True),  # set: the persona is in the trash
    sa.Column("version", sa.Integer, nullable=False),  # optimistic locking
    sa.Column("photo_hash", sa.String(64), sa.ForeignKey("photos.hash"), nullable=True),
    sa.Column("tags", sa.Text, nullable=False),  # JSON list; a column of its own for filters
    sa.Column("search_text", sa.Text, nullable=False),  # casefolded text that search matches
    sa.Column("lists", sa.Text, nullable=False),  # JSON object of the list and record fields
)
sa.Index("ix_personas_name", personas.c.name)
sa.Index("ix_personas_type", personas.c.type)
sa.Index("ix_personas_deleted_at", personas.c.deleted_at)
sa.Index("ix_personas_photo_hash", personas.c.photo_hash)
sa.Index("ix_personas_updated_at", personas.c.updated_at)

# Revision history (issue 13, migration 0003_revisions): one row per saved change of a persona.
revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("persona_id", sa.String(64), nullable=False),  # no foreign key: history may outlive a purge order
    sa.Column("at", sa.String(32), nullable=False),  # ISO 8601 UTC, when the revision began
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # created | changed | trashed | restored
    sa.Column("changes", sa.Text, nullable=False),  # JSON {field: [old, new]}; {} for the others
)
sa.Index("ix_revisions_persona_id", revisions.c.persona_id)
sa.Index("ix_revisions_at", revisions.c.at)

# The library's own themes (brand kits): one .pdtheme package each (core.theme_package),
# so a team library on a server gives everyone the same colours, fonts and logo.
themes = sa.Table(
    "themes",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("package", sa.LargeBinary, nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)

# The library's own templates (made in the template designer or imported): the template
# JSON each (core.template_file), shared by everyone on a team library like the themes.
templates = sa.Table(
    "templates",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)
