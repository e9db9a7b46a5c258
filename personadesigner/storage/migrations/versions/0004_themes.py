"""The themes table: brand themes made in the app live in the library (one .pdtheme each).

Revision ID: 0004
Revises: 0003
Self-contained on purpose: another 0003 (revision history) is written at the same
time, and the two are chained when they are merged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("package", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_themes"),
    )


def downgrade() -> None:
    op.drop_table("themes")
