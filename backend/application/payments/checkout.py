"""Use case: a payable link for an order — the live one already issued, or a fresh attempt."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from backend.application.payments.policy import PaymentPolicy
from backend.domain.entitlements import Product
from backend.domain.payments.gateway import GatewayError, LinkRequest, LinkStatus, PaymentGateway
from backend.domain.payments.order_model import AttemptStatus, Order, OrderStatus, PaymentAttempt
from backend.domain.payments.orders import OrderClosed, new_attempt, reference_for
from backend.domain.ports import UnitOfWork

log = logging.getLogger(__name__)

# A link about to expire is not worth sending: the user would land on an expired page.
MIN_REMAINING = timedelta(minutes=5)


@dataclass(frozen=True)
class LinkOffer:
    """A link the user can pay now."""

    order_id: int
    url: str
    amount_paise: int
    expires_at: datetime
    reused: bool  # the live link sent before, not a new one


def open_order(
    uow: UnitOfWork,
    user_id: int,
    phone: str,
    product: Product,
    profile_ids: tuple[int, ...],
    policy: PaymentPolicy,
    now: datetime,
) -> Order:
    """The user's open order for this product and profiles, or a new one at today's price."""
    order = uow.orders.open_for(user_id, product, profile_ids)
    if order is None:
        amount = policy.prices.price(product)
        order = uow.orders.create(user_id, phone, product, amount, profile_ids, now)
    return order


def live_attempt(order: Order, now: datetime) -> PaymentAttempt | None:
    """The order's newest link if it can still be paid for a while."""
    if order.status is not OrderStatus.LINK_ISSUED or not order.attempts:
        return None
    attempt = order.attempts[-1]
    if attempt.status is AttemptStatus.ISSUED and attempt.expires_at - now > MIN_REMAINING:
        return attempt
    return None


def payable_link(
    uow: UnitOfWork,
    gateway: PaymentGateway,
    policy: PaymentPolicy,
    order: Order,
    description: str,
    customer_name: str | None,
    now: datetime,
) -> LinkOffer | None:
    """Reuse the live link, else issue a new attempt; None when the gateway is unavailable.

    Never two payable links at once: a link whose payment failed is cancelled before its
    successor is issued (a failed Razorpay link can still take money until it expires).
    """
    live = live_attempt(order, now)
    if live is not None:
        return LinkOffer(order.id, live.url, order.amount_paise, live.expires_at, reused=True)
    if not _cancel_spent_link(gateway, order, now):
        return None
    # The random tail keeps a reference unique even if a rolled-back order id is reused.
    reference = f"{reference_for(order.id, len(order.attempts) + 1)}-{secrets.token_hex(3)}"
    expires_at = now + policy.link_lifetime
    request = LinkRequest(
        reference_id=reference,
        amount_paise=order.amount_paise,
        currency=order.currency,
        description=description[:200],
        customer_phone=order.phone,
        customer_name=customer_name,
        expire_by=expires_at,
        callback_url=policy.callback_url,
        # The reference again: Razorpay copies a link's notes to the order it makes for a
        # payment, and we only learn that order's id from payment_link.paid.
        notes={
            "order_id": str(order.id),
            "product": order.product.value,
            "reference_id": reference,
        },
    )
    try:
        link = gateway.create_link(request)
        attempt = new_attempt(order, reference, link.link_id, link.url, now, expires_at)
    except GatewayError as exc:
        log.warning("payment link not issued for order %s: %s", order.id, exc)
        uow.orders.save(order)  # keep the order; a retry issues its first attempt
        return None
    except OrderClosed:
        return None
    attempt.gateway_order_id = link.gateway_order_id
    uow.orders.save(order)
    return LinkOffer(order.id, attempt.url, order.amount_paise, expires_at, reused=False)


def _cancel_spent_link(gateway: PaymentGateway, order: Order, now: datetime) -> bool:
    """Close the previous link before a new one, so the two can never both be paid.

    False when that link turns out to be paid after all: then no new link is wanted. Its
    webhook, or the reconcile sweep looking at this same newest link, settles the order.
    """
    if not order.attempts:
        return True
    previous = order.attempts[-1]
    if previous.status is AttemptStatus.ISSUED and previous.expires_at <= now:
        previous.status = AttemptStatus.EXPIRED  # the gateway takes no money on it any more
        return True
    if previous.status not in (AttemptStatus.ISSUED, AttemptStatus.FAILED):
        return True
    try:
        gateway.cancel_link(previous.link_id)
    except GatewayError as exc:
        if _paid_at_gateway(gateway, previous.link_id):
            log.warning("link of order %s was paid after all: no new link", order.id)
            return False
        # A second payment would be flagged and refunded; losing the sale is worse.
        log.warning("could not cancel link of order %s: %s", order.id, exc)
    previous.status = AttemptStatus.CANCELLED
    return True


def _paid_at_gateway(gateway: PaymentGateway, link_id: str) -> bool:
    """Whether the gateway shows money taken on the link (False when it can't be asked)."""
    try:
        status = gateway.fetch_link(link_id).status
    except GatewayError:
        return False
    return status in (LinkStatus.PAID, LinkStatus.PARTIALLY_PAID)
