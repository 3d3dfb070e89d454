"""Initial schema: users, conversations, birth profiles, messages.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _when(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    """Create the first tables."""
    op.create_table(
        "users",
        sa.Column("id", ID, primary_key=True),
        sa.Column("phone", sa.String(16), nullable=False, unique=True),
        sa.Column("language", sa.String(5)),
        sa.Column("profile_id", ID),
        _when("last_inbound_at", nullable=True),
        _when("created_at"),
    )
    op.create_table(
        "birth_profiles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("user_id", ID, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("birth_time", sa.Time()),
        sa.Column("place_label", sa.String(200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        _when("created_at"),
    )
    op.create_index("ix_birth_profiles_user_id", "birth_profiles", ["user_id"])
    # users.profile_id → birth_profiles closes a cycle, so it is added once both tables exist.
    with op.batch_alter_table("users") as batch:
        batch.create_foreign_key(
            "fk_users_profile_id", "birth_profiles", ["profile_id"], ["id"], ondelete="SET NULL"
        )
    op.create_table(
        "conversations",
        sa.Column("id", ID, primary_key=True),
        sa.Column(
            "user_id",
            ID,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("flow", sa.String(32), nullable=False),
        sa.Column("state", sa.String(48), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _when("created_at"),
        _when("updated_at"),
    )
    op.create_table(
        "messages",
        sa.Column("id", ID, primary_key=True),
        sa.Column("user_id", ID, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("message_sid", sa.String(64), unique=True),
        sa.Column("body", sa.Text(), nullable=False),
        _when("created_at"),
    )
    op.create_index("ix_messages_user_id", "messages", ["user_id"])


def downgrade() -> None:
    """Drop everything the upgrade made."""
    op.drop_table("messages")
    op.drop_table("conversations")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("fk_users_profile_id", type_="foreignkey")
    op.drop_table("birth_profiles")
    op.drop_table("users")
