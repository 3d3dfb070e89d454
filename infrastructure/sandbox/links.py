"""What the sandbox knows about a link and a payment made on it, and how it refuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend.domain.payments.gateway import GatewayError, IssuedLink, LinkStatus


class UnknownLink(GatewayError):
    """No sandbox link has this id."""


class LinkNotPayable(GatewayError):
    """The link is paid, expired or cancelled, so it takes no payment."""

    def __init__(self, status: LinkStatus) -> None:
        super().__init__(f"payment link is {status}")
        self.status = status


@dataclass(frozen=True)
class SandboxLink:
    """One sandbox link with everything its checkout page and webhooks show."""

    link_id: str
    reference_id: str
    gateway_order_id: str
    url: str
    status: LinkStatus  # "expired" once past expire_by while unpaid
    amount_paise: int
    currency: str
    description: str
    customer_phone: str
    notes: dict[str, str]
    payment_ids: tuple[str, ...]
    expire_by: datetime
    created_at: datetime

    def issued(self) -> IssuedLink:
        """The link as the PaymentGateway port reports it."""
        return IssuedLink(
            link_id=self.link_id,
            reference_id=self.reference_id,
            url=self.url,
            status=self.status,
            amount_paise=self.amount_paise,
            currency=self.currency,
            payment_ids=self.payment_ids,
            gateway_order_id=self.gateway_order_id,
        )


@dataclass(frozen=True)
class Charge:
    """A payment attempt made on the checkout page (captured or failed)."""

    link: SandboxLink
    payment_id: str
    at: datetime
