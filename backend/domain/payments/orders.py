"""The order state machine: apply_event is the only way a payment event changes an order."""

from __future__ import annotations

from backend.domain.payments.attempts import find_attempt, new_attempt, reference_for
from backend.domain.payments.effects import Effect, FlagReview, Grant, NotifyFailed, NotifyPaid
from backend.domain.payments.events import EventKind, PaymentEvent
from backend.domain.payments.order_model import (
    ALLOWED_MOVES,
    OPEN_STATUSES,
    AttemptStatus,
    IllegalMove,
    InvalidEvent,
    Order,
    OrderClosed,
    OrderStatus,
    PaymentAttempt,
    PaymentState,
    move,
    payment_id_of,
)
from backend.domain.payments.reversals import on_dispute, on_refund

__all__ = [
    "ALLOWED_MOVES",
    "AttemptStatus",
    "IllegalMove",
    "InvalidEvent",
    "Order",
    "OrderClosed",
    "OrderStatus",
    "PaymentAttempt",
    "PaymentState",
    "apply_event",
    "new_attempt",
    "reference_for",
]

# States of a payment id that were already acted on: the same payment never acts twice.
_ACTED = frozenset(
    {
        PaymentState.PAID,
        PaymentState.FLAGGED,
        PaymentState.DISPUTED,
        PaymentState.PARTIALLY_REFUNDED,
        PaymentState.REFUNDED,
    }
)


def _flag(order: Order, reason: str, payment_id: str) -> list[Effect]:
    """Send one payment to a human, once."""
    order.payments[payment_id] = PaymentState.FLAGGED
    return [FlagReview(order.id, reason, payment_id)]


def _on_paid(order: Order, event: PaymentEvent) -> list[Effect]:
    """Rule: a matching payment pays an open order once; anything else goes to review."""
    payment_id = payment_id_of(event)
    if event.amount_paise is None or event.currency is None:
        # Never grant without checking what was paid.
        raise InvalidEvent(f"{event.kind} without amount or currency")
    if order.payments.get(payment_id) in _ACTED:
        return []  # link_paid, payment_captured and order_paid for one payment: act once
    attempt = find_attempt(order, event.link_id, event.reference_id, event.gateway_order_id)
    if attempt is not None:
        attempt.status = AttemptStatus.PAID  # the link took money, whatever the order does
    if order.status not in OPEN_STATUSES and order.status is not OrderStatus.CANCELLED:
        # Already paid (or closed by a human): this is money to hand back.
        return _flag(order, "second_payment", payment_id)
    if event.amount_paise != order.amount_paise or event.currency.upper() != order.currency:
        move(order, OrderStatus.REVIEW)
        order.review_reason = "amount_mismatch"
        return _flag(order, "amount_mismatch", payment_id)
    if order.status is OrderStatus.CANCELLED:
        move(order, OrderStatus.REVIEW)
        order.review_reason = "paid_after_cancel"
        return _flag(order, "paid_after_cancel", payment_id)
    move(order, OrderStatus.PAID)
    order.paid_payment_id = payment_id
    order.payments[payment_id] = PaymentState.PAID
    return [Grant(order.id, order.product), NotifyPaid(order.id)]


def _on_failed(order: Order, event: PaymentEvent) -> list[Effect]:
    """Rule: a failure marks the attempt failed and keeps the order open for a retry."""
    if order.status not in OPEN_STATUSES:
        return []  # a failure after paid (or after closing) changes nothing
    attempt = find_attempt(order, event.link_id, event.reference_id, event.gateway_order_id)
    if attempt is not None and attempt.status is AttemptStatus.ISSUED:
        attempt.status = AttemptStatus.FAILED
    payment_id = event.payment_id
    if payment_id is not None:
        if order.payments.get(payment_id) is PaymentState.FAILED:
            return []  # the user was already told about this payment
        if (
            payment_id not in order.payments
            or order.payments[payment_id] is PaymentState.AUTHORIZED
        ):
            order.payments[payment_id] = PaymentState.FAILED
    if order.status is not OrderStatus.LINK_ISSUED:
        return []  # no live link to retry on; the user asks for a new one
    reference = attempt.reference_id if attempt else event.reference_id or ""
    return [NotifyFailed(order.id, reference)]


def _on_authorized(order: Order, event: PaymentEvent) -> list[Effect]:
    """Rule: an authorisation is only recorded; the capture is what pays the order."""
    payment_id = payment_id_of(event)
    if order.payments.get(payment_id) in (None, PaymentState.FAILED):
        order.payments[payment_id] = PaymentState.AUTHORIZED
    return []


def _on_link_closed(order: Order, event: PaymentEvent) -> list[Effect]:
    """Rule: an expired/cancelled link closes its attempt, and the order only if current."""
    attempt = find_attempt(order, event.link_id, event.reference_id, event.gateway_order_id)
    if attempt is None or attempt.status not in (AttemptStatus.ISSUED, AttemptStatus.FAILED):
        return []  # a paid link stays paid, a closed one stays as it closed
    expired = event.kind is EventKind.LINK_EXPIRED
    attempt.status = AttemptStatus.EXPIRED if expired else AttemptStatus.CANCELLED
    if attempt is order.attempts[-1] and order.status is OrderStatus.LINK_ISSUED:
        move(order, OrderStatus.EXPIRED if expired else OrderStatus.CANCELLED)
    return []


_HANDLERS = {
    EventKind.LINK_PAID: _on_paid,
    EventKind.PAYMENT_CAPTURED: _on_paid,
    EventKind.ORDER_PAID: _on_paid,
    EventKind.PAYMENT_FAILED: _on_failed,
    EventKind.PAYMENT_AUTHORIZED: _on_authorized,
    EventKind.LINK_EXPIRED: _on_link_closed,
    EventKind.LINK_CANCELLED: _on_link_closed,
    EventKind.REFUND_PROCESSED: on_refund,
    EventKind.DISPUTE_CREATED: on_dispute,
}


def apply_event(order: Order, event: PaymentEvent) -> list[Effect]:
    """Apply one payment event to the order in place; return what must happen because of it."""
    if event.order_id is not None and event.order_id != order.id:
        raise InvalidEvent(f"event for order {event.order_id} applied to order {order.id}")
    return _HANDLERS[event.kind](order, event)
