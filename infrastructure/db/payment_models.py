"""Tables for money: orders, attempts, webhook events, the entitlement ledger, the outbox.

Each effect is keyed by what it is about, and a unique constraint in the same transaction as
the effect makes it happen once (DESIGN.md, "Money and payments").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from infrastructure.db.models import Base, Id, UTCDateTime, _now


class OrderRow(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(Id, ForeignKey("users.id"))
    product: Mapped[str] = mapped_column(String(16))
    amount_paise: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="INR")
    status: Mapped[str] = mapped_column(String(16), index=True)
    # Unique: a payment can make one order paid, once, whichever event says so first.
    paid_payment_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    review_reason: Mapped[str | None] = mapped_column(String(64))
    profile_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # Per payment id, what has already been acted on (Order.payments): keeps flags and
    # failure notices to once per payment across events.
    payments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)

    __table_args__ = (Index("ix_orders_user_status", "user_id", "status"),)


class PaymentAttemptRow(Base):
    __tablename__ = "payment_attempts"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(Id, ForeignKey("orders.id"), index=True)
    reference_id: Mapped[str] = mapped_column(String(40), unique=True)
    link_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Razorpay's order_… for the link: payment.* webhooks name only this.
    gateway_order_id: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)


class PaymentEventRow(Base):
    __tablename__ = "payment_events"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # Unique: Razorpay redelivers with the same X-Razorpay-Event-Id.
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    event_type: Mapped[str] = mapped_column(String(64))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    payment_id: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)


class LedgerRow(Base):
    __tablename__ = "entitlement_ledger"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(Id, ForeignKey("users.id"))
    product: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[int | None] = mapped_column(Id, ForeignKey("orders.id"))
    # Unique: grant:<order>, consume:<MessageSid>, revoke:<order> — replays change nothing.
    key: Mapped[str] = mapped_column(String(80), unique=True)
    reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)

    # "May this user have X" is one query on this index.
    __table_args__ = (Index("ix_ledger_user_product", "user_id", "product"),)


class OutboxRow(Base):
    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(Id, ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))
    # Unique: one notification per effect (e.g. paid:<order>), however often it is caused.
    dedupe_key: Mapped[str] = mapped_column(String(80), unique=True)
    body: Mapped[str] = mapped_column(Text)
    media_url: Mapped[str | None] = mapped_column(Text)
    content: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # template variables
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    provider_sid: Mapped[str | None] = mapped_column(String(64), unique=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Twilio's status callbacks: queued, sent, delivered, read, failed, undelivered.
    delivery_status: Mapped[str | None] = mapped_column(String(16))
    delivery_error: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)
