"""Sweeps the worker runs on a schedule (and `boloastro sweep …` once).

reconcile: orders still waiting after 15 minutes are fetched from the gateway and applied
through the same code as webhooks (this recovers a missed webhook); expire: links past their
time are cancelled at the gateway and closed here; retries: one nudge with a fresh link per
failed or expired attempt of the last 24 h, at most MAX_PAYMENT_RETRIES, never after STOP.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from backend.application.payments.apply import apply_payment
from backend.application.payments.checkout import payable_link
from backend.application.payments.fulfilment import Fulfilment
from backend.application.payments.policy import PaymentPolicy
from backend.domain.entitlements import Product
from backend.domain.payments.events import EventKind, PaymentEvent
from backend.domain.payments.gateway import GatewayError, IssuedLink, LinkStatus, PaymentGateway
from backend.domain.payments.money import format_inr
from backend.domain.payments.order_model import AttemptStatus, Order, OrderStatus, PaymentAttempt
from backend.domain.payments.orders import InvalidEvent
from backend.domain.payments.ports import EventStatus, OutboundMessage
from backend.domain.ports import UnitOfWork

log = logging.getLogger(__name__)

RECONCILE_AFTER = timedelta(minutes=15)
RETRY_WINDOW = timedelta(hours=24)
RETRY_AFTER = timedelta(minutes=15)  # give the user time to retry on their own first
BATCH = 200


@dataclass(frozen=True)
class Sweeper:
    """The three sweeps over one set of units of work, gateway and rules."""

    unit_of_work: Callable[[], UnitOfWork]
    gateway: PaymentGateway
    fulfilment: Fulfilment
    policy: PaymentPolicy

    def reconcile(self, now: datetime) -> dict[str, int]:
        """Apply the gateway's view of every order pending for more than 15 minutes."""
        return self._settle(now, now - RECONCILE_AFTER, cancel_stale=False)

    def expire(self, now: datetime) -> dict[str, int]:
        """Cancel links past their expiry that the gateway still shows open; close them here."""
        return self._settle(now, now - self.policy.link_lifetime, cancel_stale=True)

    def retries(self, now: datetime) -> dict[str, int]:
        """Nudge each recently failed or expired attempt once with a fresh link."""
        counts: Counter[str] = Counter()
        with self.unit_of_work() as uow:
            candidates = uow.orders.retry_candidates(now - RETRY_WINDOW, BATCH)
        for order_id in candidates:
            try:
                with self.unit_of_work() as uow:
                    order = uow.orders.get(order_id)
                    if order is not None and self._nudge(uow, order, now):
                        counts["nudged"] += 1
                    uow.commit()
            except Exception:
                # One broken order must not stop the others' reminders; an operator looks.
                log.exception("retry sweep failed for order %s", order_id)
                counts["errors"] += 1
        return {"candidates": len(candidates), "nudged": counts["nudged"], **counts}

    # --- reconcile and expire --------------------------------------------------------------

    def _settle(self, now: datetime, cutoff: datetime, cancel_stale: bool) -> dict[str, int]:
        counts: Counter[str] = Counter()
        with self.unit_of_work() as uow:
            order_ids = uow.orders.pending_before(cutoff, BATCH)
        for order_id in order_ids:
            try:
                with self.unit_of_work() as uow:
                    order = uow.orders.get(order_id)
                    if order is not None:
                        counts[self._settle_order(uow, order, now, cancel_stale)] += 1
                    uow.commit()
            except GatewayError as exc:
                log.warning("sweep could not reach the gateway for order %s: %s", order_id, exc)
                counts["errors"] += 1
            except Exception:
                log.exception("sweep failed for order %s", order_id)
                counts["errors"] += 1
        return {"checked": len(order_ids), **counts}

    def _settle_order(self, uow: UnitOfWork, order: Order, now: datetime, cancel: bool) -> str:
        if order.status not in (OrderStatus.CREATED, OrderStatus.LINK_ISSUED):
            return "unchanged"
        attempt = order.attempts[-1] if order.attempts else None
        if attempt is None or attempt.status not in (AttemptStatus.ISSUED, AttemptStatus.FAILED):
            return "unchanged"
        link = self.gateway.fetch_link(attempt.link_id)
        kind: EventKind | None = _KIND_OF.get(link.status)
        if link.status is LinkStatus.CREATED and cancel and attempt.expires_at <= now:
            link = self.gateway.cancel_link(link.link_id)
            kind = EventKind.LINK_EXPIRED  # for the order it ran out of time
        if kind is None:
            return "unchanged"
        event = _event_for(order, link, kind, now)
        if not _first_time(uow, link, kind, event, now):
            return "unchanged"
        event_id = _event_id(link, kind)
        before = order.status
        try:
            apply_payment(uow, order, event, self.fulfilment, self.policy, now)
        except InvalidEvent as exc:
            uow.payment_events.finish(event_id, EventStatus.ERROR, str(exc))
            return "errors"
        return order.status.value if order.status is not before else "unchanged"

    # --- retries ---------------------------------------------------------------------------

    def _nudge(self, uow: UnitOfWork, order: Order, now: datetime) -> bool:
        spent = order.attempts[-1] if order.attempts else None
        if (
            spent is None
            or not _owes_a_fresh_link(order, spent)
            or spent.created_at > now - RETRY_AFTER
            or len(order.attempts) > self.policy.max_retries  # first link + N retries
            or uow.users.proactive_opt_out(order.user_id)
            # birth details erased ("delete my data"): nothing left to sell or to name
            or (order.product is not Product.QNA and not order.profile_ids)
        ):
            return False
        words = self.fulfilment.words(uow, order.user_id)
        name = self.fulfilment.product_name(uow, words, order)
        offer = payable_link(uow, self.gateway, self.policy, order, name, None, now)
        if offer is None:
            return False
        text = words(
            "retry_nudge", product=name, price=format_inr(order.amount_paise), url=offer.url
        )
        key = f"nudge:{order.id}:{spent.reference_id}"
        return uow.outbox.enqueue(OutboundMessage(order.user_id, "nudge", key, text), now)


def _owes_a_fresh_link(order: Order, newest: PaymentAttempt) -> bool:
    """The newest link failed or ran out, or we cancelled it for a successor that the gateway
    then failed to make (a cancel from elsewhere would have closed the order)."""
    if newest.status in (AttemptStatus.FAILED, AttemptStatus.EXPIRED):
        return True
    return newest.status is AttemptStatus.CANCELLED and order.status is OrderStatus.LINK_ISSUED


_KIND_OF = {
    LinkStatus.PAID: EventKind.LINK_PAID,
    LinkStatus.EXPIRED: EventKind.LINK_EXPIRED,
    LinkStatus.CANCELLED: EventKind.LINK_CANCELLED,
}


def _event_for(order: Order, link: IssuedLink, kind: EventKind, now: datetime) -> PaymentEvent:
    """The event a webhook would have brought for the link's state."""
    paid = kind is EventKind.LINK_PAID
    return PaymentEvent(
        kind=kind,
        occurred_at=now,
        link_id=link.link_id,
        reference_id=link.reference_id,
        payment_id=link.payment_ids[-1] if paid and link.payment_ids else None,
        amount_paise=link.amount_paise if paid else None,
        currency=link.currency if paid else None,
        order_id=order.id,
        gateway_order_id=link.gateway_order_id,
    )


def _first_time(
    uow: UnitOfWork, link: IssuedLink, kind: EventKind, event: PaymentEvent, now: datetime
) -> bool:
    """Record the reconciled state like a webhook, so each is applied once and audited."""
    event_id = _event_id(link, kind)
    digest = hashlib.sha256(repr(event).encode()).hexdigest()
    return uow.payment_events.record(
        event_id, f"reconcile.{kind.value}", digest, event.payment_id, now, EventStatus.APPLIED
    )


def _event_id(link: IssuedLink, kind: EventKind) -> str:
    return f"reconcile:{link.link_id}:{kind.value}"[:64]
