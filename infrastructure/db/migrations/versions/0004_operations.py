"""Operations: admin keys and audit log, sandbox links, gateway order ids, delivery status.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 05:11:56.843640

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create the admin and sandbox tables; add gateway order ids and delivery status."""
    op.create_table(
        "admin_audit",
        sa.Column("id", _ID, nullable=False),
        sa.Column("key_name", sa.String(length=64), nullable=True),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("admin_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_admin_audit_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_admin_audit_key_name"), ["key_name"], unique=False)

    op.create_table(
        "admin_keys",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("key_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key_sha256"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "sandbox_links",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("reference_id", sa.String(length=40), nullable=False),
        sa.Column("gateway_order_id", sa.String(length=32), nullable=False),
        sa.Column("amount_paise", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("customer_phone", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("payment_ids", sa.JSON(), nullable=False),
        sa.Column("callback_url", sa.Text(), nullable=False),
        sa.Column("expire_by", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gateway_order_id"),
        sa.UniqueConstraint("reference_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivery_status", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("delivery_error", sa.String(length=16), nullable=True))

    with op.batch_alter_table("payment_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gateway_order_id", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_payment_attempts_gateway_order_id"), ["gateway_order_id"], unique=True
        )


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("payment_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_attempts_gateway_order_id"))
        batch_op.drop_column("gateway_order_id")

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("delivery_error")
        batch_op.drop_column("delivery_status")

    op.drop_table("sandbox_links")
    op.drop_table("admin_keys")
    with op.batch_alter_table("admin_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admin_audit_key_name"))
        batch_op.drop_index(batch_op.f("ix_admin_audit_at"))
    op.drop_table("admin_audit")
