"""The first schema: personas, photos (deduplicated by hash) and library_info.

Revision ID: 0001
Revises:
Written out in full (not imported from schema.py) so later model changes never
rewrite history; tests/storage checks that head still equals the models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TEXT_COLUMNS = (
    "name", "type", "role", "age", "gender", "location", "income", "education",
    "household", "company", "company_size", "industry", "quote", "story",
    "day_in_the_life", "budget", "decision_process", "segment", "notes",
    "confidence", "last_validated", "template", "theme",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "library_info",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_library_info"),
    )
    op.create_table(
        "photos",
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("mime", sa.String(32), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("hash", name="pk_photos"),
    )
    op.create_table(
        "personas",
        sa.Column("id", sa.String(64), nullable=False),
        *(sa.Column(name, sa.Text, nullable=False) for name in _TEXT_COLUMNS),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("photo_hash", sa.String(64), nullable=True),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("lists", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_personas"),
        sa.ForeignKeyConstraint(["photo_hash"], ["photos.hash"], name="fk_personas_photo_hash_photos"),
    )
    for column in ("name", "type", "deleted_at", "photo_hash"):
        op.create_index(f"ix_personas_{column}", "personas", [column])


def downgrade() -> None:
    op.drop_table("personas")
    op.drop_table("photos")
    op.drop_table("library_info")
