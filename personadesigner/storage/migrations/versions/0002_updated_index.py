"""An index on personas.updated_at: "recently changed" is a sort the sidebar and
`list` offer, and a team library of thousands of personas should not scan for it.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_personas_updated_at", "personas", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_personas_updated_at", table_name="personas")
