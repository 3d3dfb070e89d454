"""Keep the time of the last inbound message on the conversation row.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Move last_inbound_at from users to conversations, keeping its values."""
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("last_inbound_at", sa.DateTime(timezone=True)))
    op.execute(
        "UPDATE conversations SET last_inbound_at = "
        "(SELECT u.last_inbound_at FROM users u WHERE u.id = conversations.user_id)"
    )
    with op.batch_alter_table("users") as batch:
        batch.drop_column("last_inbound_at")


def downgrade() -> None:
    """Move it back."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("last_inbound_at", sa.DateTime(timezone=True)))
    op.execute(
        "UPDATE users SET last_inbound_at = "
        "(SELECT c.last_inbound_at FROM conversations c WHERE c.user_id = users.id)"
    )
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("last_inbound_at")
