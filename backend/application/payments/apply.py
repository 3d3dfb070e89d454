"""Apply one payment event to its order and carry out what it causes, in one transaction.

Webhooks and the reconciler both come through here, so a payment has one set of rules.
"""

from __future__ import annotations

import logging
from datetime import datetime

from backend.application.payments.fulfilment import Fulfilment
from backend.application.payments.policy import PaymentPolicy
from backend.domain.payments.effects import (
    Effect,
    FlagReview,
    Grant,
    NotifyFailed,
    NotifyPaid,
    Revoke,
)
from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.ledger import grant_for, revoke
from backend.domain.payments.order_model import Order
from backend.domain.payments.orders import apply_event
from backend.domain.ports import UnitOfWork

log = logging.getLogger(__name__)


def apply_payment(
    uow: UnitOfWork,
    order: Order,
    event: PaymentEvent,
    fulfilment: Fulfilment,
    policy: PaymentPolicy,
    now: datetime,
) -> list[Effect]:
    """Change the (locked) order for the event, then grant, revoke, flag and notify."""
    _remember_gateway_order(order, event)
    effects = apply_event(order, event)
    uow.orders.save(order)
    for effect in effects:
        _carry_out(uow, order, effect, fulfilment, policy, now)
    return effects


def _carry_out(
    uow: UnitOfWork,
    order: Order,
    effect: Effect,
    fulfilment: Fulfilment,
    policy: PaymentPolicy,
    now: datetime,
) -> None:
    # Each write below is keyed (ledger key, outbox dedupe key), so a replay changes nothing.
    match effect:
        case Grant():
            uow.ledger.record(order.user_id, grant_for(order, policy.prices, now))
        case Revoke():
            uow.ledger.record(order.user_id, revoke(order.id, order.product, now))
            log.info("entitlement revoked", extra={"order": order.id, "reason": effect.reason})
        case FlagReview():
            log.warning(
                "order flagged for review",
                extra={"order": order.id, "reason": effect.reason, "payment": effect.payment_id},
            )
            fulfilment.on_review(uow, order, effect.payment_id, now)
        case NotifyPaid():
            fulfilment.on_paid(uow, order, now)
        case NotifyFailed():
            fulfilment.on_failed(uow, order, effect.reference_id, now)


def _remember_gateway_order(order: Order, event: PaymentEvent) -> None:
    """Note Razorpay's order id on the attempt, so later payment.* events find the order."""
    if not event.gateway_order_id or not (event.link_id or event.reference_id):
        return
    for attempt in order.attempts:
        if attempt.link_id == event.link_id or attempt.reference_id == event.reference_id:
            attempt.gateway_order_id = attempt.gateway_order_id or event.gateway_order_id
