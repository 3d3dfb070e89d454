"""A payment gateway's notifications, reduced to what the order state machine needs.

Webhooks and the reconciler's fetches both become PaymentEvents and go through the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class EventKind(StrEnum):
    """What happened, in the gateway-neutral words the order state machine understands."""

    LINK_PAID = "link_paid"  # Razorpay payment_link.paid
    PAYMENT_AUTHORIZED = "payment_authorized"  # payment.authorized (e.g. late, after a failure)
    PAYMENT_CAPTURED = "payment_captured"  # payment.captured
    ORDER_PAID = "order_paid"  # order.paid
    PAYMENT_FAILED = "payment_failed"  # payment.failed
    LINK_EXPIRED = "link_expired"  # payment_link.expired
    LINK_CANCELLED = "link_cancelled"  # payment_link.cancelled
    REFUND_PROCESSED = "refund_processed"  # refund.processed
    DISPUTE_CREATED = "dispute_created"  # payment.dispute.created


@dataclass(frozen=True)
class PaymentEvent:
    """One normalised notification; ids are the gateway's, amounts integer paise."""

    kind: EventKind
    occurred_at: datetime  # aware UTC
    link_id: str | None = None  # plink_…
    reference_id: str | None = None  # our per-attempt reference (≤ 40 chars)
    payment_id: str | None = None  # pay_…: "paid" happens once per payment id
    amount_paise: int | None = None
    currency: str | None = None
    refund_id: str | None = None
    # What has gone back of the payment so far, this refund included (refunds carry it).
    refunded_paise: int | None = None
    dispute_id: str | None = None
    order_id: int | None = None  # our order id, from the link's notes, when present
    # Razorpay's order_…: payment.* events carry only this, not the link or our reference.
    gateway_order_id: str | None = None


@dataclass(frozen=True)
class WebhookDelivery:
    """One verified delivery: the gateway's event id, its type, and what it means for us."""

    event_id: str
    event_type: str
    payload_sha256: str
    event: PaymentEvent | None  # None: a type we do not act on
