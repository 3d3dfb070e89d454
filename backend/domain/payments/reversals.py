"""Money going back: refunds and disputes of an order's payments."""

from __future__ import annotations

from backend.domain.payments.effects import Effect, FlagReview, Revoke
from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.order_model import (
    Order,
    OrderStatus,
    PaymentState,
    move,
    payment_id_of,
)


def on_refund(order: Order, event: PaymentEvent) -> list[Effect]:
    """Rule: refunding the paid payment refunds the order and revokes once."""
    payment_id = payment_id_of(event)
    if payment_id != order.paid_payment_id:
        if order.payments.get(payment_id) is PaymentState.FLAGGED:
            # A human handed back money we never granted for (all of it or, keeping a fee,
            # part: they decided either way): off the review list.
            order.payments[payment_id] = PaymentState.REFUNDED
        return []
    if order.status is OrderStatus.REFUNDED:
        return []
    refunded = _refunded_so_far(event)
    if refunded is not None and refunded < order.amount_paise:
        # A partial refund is a goodwill gesture, not a cancellation: keep the product. Once
        # the refunds add up to the price, the next one takes it back like a full refund.
        if order.payments.get(payment_id) is PaymentState.PARTIALLY_REFUNDED:
            return []
        order.payments[payment_id] = PaymentState.PARTIALLY_REFUNDED
        return [FlagReview(order.id, "partial_refund", payment_id)]
    was_disputed = order.status is OrderStatus.DISPUTED
    move(order, OrderStatus.REFUNDED)
    return [] if was_disputed else [Revoke(order.id, "refund")]  # a dispute already revoked


def on_dispute(order: Order, event: PaymentEvent) -> list[Effect]:
    """Rule: a dispute on the paid payment revokes and flags once."""
    payment_id = payment_id_of(event)
    if payment_id == order.paid_payment_id:
        if order.status is not OrderStatus.PAID:
            return []  # already disputed or refunded
        move(order, OrderStatus.DISPUTED)
        return [Revoke(order.id, "dispute"), FlagReview(order.id, "dispute", payment_id)]
    if order.payments.get(payment_id) is PaymentState.DISPUTED:
        return []
    order.payments[payment_id] = PaymentState.DISPUTED  # money we never granted for
    return [FlagReview(order.id, "dispute", payment_id)]


def _refunded_so_far(event: PaymentEvent) -> int | None:
    """All that has gone back of the payment: the payment's total, else this refund's amount."""
    known = [amount for amount in (event.refunded_paise, event.amount_paise) if amount is not None]
    return max(known) if known else None
