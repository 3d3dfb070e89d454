"""Port: the payment gateway that issues, fetches and cancels payment links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class LinkStatus(StrEnum):
    """A payment link's state at the gateway."""

    CREATED = "created"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class LinkRequest:
    """What a new payment link must carry (Razorpay: notify off, we send it on WhatsApp)."""

    reference_id: str  # unique per attempt, ≤ 40 chars
    amount_paise: int
    currency: str  # "INR"
    description: str
    customer_phone: str  # E.164
    customer_name: str | None
    expire_by: datetime  # aware UTC; at least 16 minutes ahead
    callback_url: str  # our thank-you page
    notes: dict[str, str]  # order id and product, for reconciliation


@dataclass(frozen=True)
class IssuedLink:
    """A payment link as the gateway reports it."""

    link_id: str
    reference_id: str
    url: str
    status: LinkStatus
    amount_paise: int
    currency: str
    payment_ids: tuple[str, ...] = ()  # captured payments, newest last
    gateway_order_id: str | None = None  # Razorpay's order_…, once the link has one


class GatewayError(Exception):
    """The gateway refused or could not be reached; the caller may retry later."""


class PaymentGateway(Protocol):
    """Issues payment links; implementations: Razorpay (official SDK) and the dev sandbox."""

    def create_link(self, request: LinkRequest) -> IssuedLink:
        """Create a link, or return the live one already made for this reference_id."""
        ...

    def fetch_link(self, link_id: str) -> IssuedLink:
        """The link's current state."""
        ...

    def find_by_reference(self, reference_id: str) -> IssuedLink | None:
        """The link made for this reference, if any (used before retrying a timed-out create)."""
        ...

    def cancel_link(self, link_id: str) -> IssuedLink:
        """Cancel a link that is no longer wanted."""
        ...
