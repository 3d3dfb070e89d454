"""Payments: orders, payment events, the gateway port and the entitlement ledger."""

from backend.domain.payments.effects import (
    Effect,
    FlagReview,
    Grant,
    NotifyFailed,
    NotifyPaid,
    Revoke,
)
from backend.domain.payments.ledger import (
    EntryKind,
    LedgerEntry,
    balance,
    consume,
    grant_for,
    is_active,
    revoke,
)
from backend.domain.payments.money import PriceList, format_inr
from backend.domain.payments.orders import (
    AttemptStatus,
    InvalidEvent,
    Order,
    OrderClosed,
    OrderStatus,
    PaymentAttempt,
    apply_event,
    new_attempt,
    reference_for,
)

__all__ = [
    "AttemptStatus",
    "Effect",
    "EntryKind",
    "FlagReview",
    "Grant",
    "InvalidEvent",
    "LedgerEntry",
    "NotifyFailed",
    "NotifyPaid",
    "Order",
    "OrderClosed",
    "OrderStatus",
    "PaymentAttempt",
    "PriceList",
    "Revoke",
    "apply_event",
    "balance",
    "consume",
    "format_inr",
    "grant_for",
    "is_active",
    "new_attempt",
    "reference_for",
    "revoke",
]
