"""The order and its payment attempts, and the one table of allowed status moves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from backend.domain.entitlements import Product
from backend.domain.payments.events import PaymentEvent


class OrderStatus(StrEnum):
    """Where an order stands; see ALLOWED_MOVES for how it may change."""

    CREATED = "created"
    LINK_ISSUED = "link_issued"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    DISPUTED = "disputed"
    REVIEW = "review"


class AttemptStatus(StrEnum):
    """Where one payment link stands."""

    ISSUED = "issued"
    PAID = "paid"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class PaymentState(StrEnum):
    """What the order has seen of one gateway payment id (makes effects once per payment)."""

    AUTHORIZED = "authorized"  # recorded only; capture is what counts
    FAILED = "failed"  # the user was told once
    PAID = "paid"  # the order's own payment
    FLAGGED = "flagged"  # sent to review (second payment, wrong amount, after cancel)
    DISPUTED = "disputed"  # a dispute on a payment that was not the order's own
    PARTIALLY_REFUNDED = "partially_refunded"  # sent to review, entitlement kept
    REFUNDED = "refunded"  # a flagged payment that a human has handed back


# Forward only. A status missing from a row cannot be reached from it; nothing leaves paid
# except towards refunded/disputed, and refunded and review are terminal for the machine
# (a human resolves review). expired → link_issued is the one way back into an open state:
# a timer ran out, no money moved, and the user may ask for a fresh link.
ALLOWED_MOVES: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.CREATED: frozenset(
        # paid/review straight from created: the link exists at the gateway but our create
        # call timed out before the attempt was recorded; money still counts.
        {OrderStatus.LINK_ISSUED, OrderStatus.PAID, OrderStatus.REVIEW}
    ),
    OrderStatus.LINK_ISSUED: frozenset(
        {OrderStatus.PAID, OrderStatus.REVIEW, OrderStatus.EXPIRED, OrderStatus.CANCELLED}
    ),
    # A capture can race the link's expiry; the customer paid the right amount, so it counts.
    OrderStatus.EXPIRED: frozenset({OrderStatus.LINK_ISSUED, OrderStatus.PAID, OrderStatus.REVIEW}),
    # Cancelled was a decision not to sell: money arriving anyway goes to a human.
    OrderStatus.CANCELLED: frozenset({OrderStatus.REVIEW}),
    OrderStatus.PAID: frozenset({OrderStatus.REFUNDED, OrderStatus.DISPUTED}),
    OrderStatus.DISPUTED: frozenset({OrderStatus.REFUNDED}),
    OrderStatus.REFUNDED: frozenset(),
    OrderStatus.REVIEW: frozenset(),
}

OPEN_STATUSES = frozenset({OrderStatus.CREATED, OrderStatus.LINK_ISSUED, OrderStatus.EXPIRED})


class IllegalMove(Exception):
    """A status change the table forbids (a bug in the caller, never a user error)."""


class OrderClosed(Exception):
    """The order can take no new payment attempt."""


class InvalidEvent(ValueError):
    """A payment event lacks what its kind needs, or belongs to another order."""


class PaymentClash(Exception):
    """A payment id already pays another order; the transaction that tried is spoiled."""


@dataclass(eq=False, kw_only=True)
class PaymentAttempt:
    """One payment link issued for an order."""

    reference_id: str
    link_id: str
    url: str
    status: AttemptStatus
    created_at: datetime
    expires_at: datetime
    # Razorpay's order_…: payment.* events name only this, so it maps them to the attempt.
    gateway_order_id: str | None = None


@dataclass(eq=False, kw_only=True)
class Order:
    """One purchase; change its status only through apply_event and new_attempt."""

    id: int
    user_id: int
    phone: str
    product: Product
    amount_paise: int
    currency: str = "INR"
    status: OrderStatus = OrderStatus.CREATED
    created_at: datetime
    attempts: list[PaymentAttempt] = field(default_factory=list)
    paid_payment_id: str | None = None
    review_reason: str | None = None
    profile_ids: tuple[int, ...] = ()
    # Per payment id, what was already acted on. It is what keeps flags and failure notices
    # once per payment (the repository must persist it), and shows operators a flagged one.
    payments: dict[str, PaymentState] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Reject amounts no link could carry."""
        if isinstance(self.amount_paise, bool) or self.amount_paise <= 0:
            raise ValueError(f"order amount must be positive paise, got {self.amount_paise!r}")


def move(order: Order, to: OrderStatus) -> None:
    """Change the order's status if the table allows it; staying put is always allowed."""
    if to is order.status:
        return
    if to not in ALLOWED_MOVES[order.status]:
        raise IllegalMove(f"order {order.id}: {order.status} → {to} is not allowed")
    order.status = to


def payment_id_of(event: PaymentEvent) -> str:
    """The event's payment id; money events without one cannot be made idempotent."""
    if not event.payment_id:
        raise InvalidEvent(f"{event.kind} without a payment id")
    return event.payment_id
