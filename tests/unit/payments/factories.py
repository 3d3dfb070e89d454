"""Orders and payment events for the payments tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.domain.entitlements import Product
from backend.domain.payments.events import EventKind, PaymentEvent
from backend.domain.payments.orders import Order, apply_event, new_attempt, reference_for

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
ORDER_ID = 7
AMOUNT = 19_900
PAID_KINDS = (EventKind.LINK_PAID, EventKind.PAYMENT_CAPTURED, EventKind.ORDER_PAID)


def link_id(n: int) -> str:
    """The gateway id of the n-th test link."""
    return f"plink_{n}"


def issued_order(attempts: int = 1, product: Product = Product.KUNDALI) -> Order:
    """An order with attempts links issued; all but the last expired."""
    order = Order(
        id=ORDER_ID, user_id=1, phone="+919800000001", product=product,
        amount_paise=AMOUNT, created_at=T0,
    )  # fmt: skip
    for n in range(1, attempts + 1):
        if n > 1:
            apply_event(order, event(EventKind.LINK_EXPIRED, link=n - 1, payment_id=None))
        new_attempt(
            order, reference_for(ORDER_ID, n), link_id(n), f"https://rzp.io/i/{n}",
            T0, T0 + timedelta(minutes=20),
        )  # fmt: skip
    return order


def event(
    kind: EventKind,
    *,
    payment_id: str | None = "pay_1",
    link: int | None = 1,
    amount: int | None = AMOUNT,
    currency: str | None = "INR",
    refunded: int | None = None,
) -> PaymentEvent:
    """A normalised event about the test order's link number link."""
    return PaymentEvent(
        kind=kind,
        occurred_at=T0,
        link_id=None if link is None else link_id(link),
        payment_id=payment_id,
        amount_paise=amount,
        currency=currency,
        order_id=ORDER_ID,
        refunded_paise=refunded,
    )
