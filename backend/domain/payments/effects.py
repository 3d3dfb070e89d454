"""What applying a payment event asks the outside world to do; each is keyed by its order."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.entitlements import Product


@dataclass(frozen=True)
class Grant:
    """Give the user the product the order paid for."""

    order_id: int
    product: Product


@dataclass(frozen=True)
class Revoke:
    """Take back the order's entitlement ("refund" or "dispute")."""

    order_id: int
    reason: str


@dataclass(frozen=True)
class FlagReview:
    """Ask a human to look at the order (money may have to be refunded by hand)."""

    order_id: int
    reason: str
    payment_id: str | None = None  # the payment the human should look at, when known


@dataclass(frozen=True)
class NotifyPaid:
    """Tell the user the payment arrived."""

    order_id: int


@dataclass(frozen=True)
class NotifyFailed:
    """Tell the user a payment attempt failed and they may retry."""

    order_id: int
    reference_id: str


Effect = Grant | Revoke | FlagReview | NotifyPaid | NotifyFailed
