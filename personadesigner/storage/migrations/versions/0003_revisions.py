"""The revisions table: every saved change of a persona, who made it and when (issue 13).

Self-contained (creates only its own table and indexes), so it can be chained
after any other 0003 at merge time.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("persona_id", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_revisions"),
    )
    op.create_index("ix_revisions_persona_id", "revisions", ["persona_id"])
    op.create_index("ix_revisions_at", "revisions", ["at"])


def downgrade() -> None:
    op.drop_index("ix_revisions_at", table_name="revisions")
    op.drop_index("ix_revisions_persona_id", table_name="revisions")
    op.drop_table("revisions")
