"""Payment attempts: their reference ids, opening a new one, and finding one by event ids."""

from __future__ import annotations

from datetime import datetime

from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.order_model import (
    AttemptStatus,
    Order,
    OrderClosed,
    OrderStatus,
    PaymentAttempt,
    move,
)

MAX_REFERENCE_LENGTH = 40  # Razorpay's limit for a payment link's reference_id

# An attempt in one of these no longer takes money on its own, so another link may follow.
_SPENT = frozenset({AttemptStatus.FAILED, AttemptStatus.EXPIRED, AttemptStatus.CANCELLED})


def reference_for(order_id: int, attempt_number: int) -> str:
    """The gateway reference of an order's n-th attempt (1-based), e.g. "ba-42-1"."""
    if order_id <= 0 or attempt_number <= 0:
        raise ValueError("order id and attempt number must be positive")
    reference = f"ba-{order_id}-{attempt_number}"
    if len(reference) > MAX_REFERENCE_LENGTH:
        raise ValueError(f"reference {reference!r} is longer than {MAX_REFERENCE_LENGTH}")
    return reference


def new_attempt(
    order: Order,
    reference_id: str,
    link_id: str,
    url: str,
    now: datetime,
    expires_at: datetime,
) -> PaymentAttempt:
    """Record a freshly issued link; raise OrderClosed when the order takes no more."""
    allowed = order.status in (OrderStatus.CREATED, OrderStatus.EXPIRED) or (
        # a second live link while one is still payable invites a double payment
        order.status is OrderStatus.LINK_ISSUED
        and (not order.attempts or order.attempts[-1].status in _SPENT)
    )
    if not allowed:
        raise OrderClosed(f"order {order.id} is {order.status}; no new payment attempt")
    if not reference_id or len(reference_id) > MAX_REFERENCE_LENGTH:
        raise ValueError(f"reference id must be 1..{MAX_REFERENCE_LENGTH} characters")
    if any(a.reference_id == reference_id for a in order.attempts):
        raise ValueError(f"reference id {reference_id!r} already used by this order")
    if expires_at <= now:
        raise ValueError("a payment link must expire after it is issued")
    attempt = PaymentAttempt(
        reference_id=reference_id,
        link_id=link_id,
        url=url,
        status=AttemptStatus.ISSUED,
        created_at=now,
        expires_at=expires_at,
    )
    move(order, OrderStatus.LINK_ISSUED)
    order.attempts.append(attempt)
    return attempt


def find_attempt(
    order: Order,
    link_id: str | None,
    reference_id: str | None,
    gateway_order_id: str | None = None,
) -> PaymentAttempt | None:
    """The attempt an event names by link id, reference id or gateway order id, if any."""
    for attempt in order.attempts:
        if link_id is not None and attempt.link_id == link_id:
            return attempt
        if reference_id is not None and attempt.reference_id == reference_id:
            return attempt
        # payment.* events name only the gateway's order behind the link.
        if gateway_order_id is not None and attempt.gateway_order_id == gateway_order_id:
            return attempt
    return None


def names_order(order: Order, event: PaymentEvent) -> bool:
    """Whether the event carries an id this order issued, or a payment it already knows.

    An order_id note alone proves nothing: any other integration on the same Razorpay
    account may write one, and ours are small integers that theirs will collide with.
    """
    if find_attempt(order, event.link_id, event.reference_id, event.gateway_order_id):
        return True
    payment_id = event.payment_id
    return payment_id is not None and (
        payment_id == order.paid_payment_id or payment_id in order.payments
    )
