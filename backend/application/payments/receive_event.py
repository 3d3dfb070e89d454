"""Use case: a signed gateway webhook arrives; record it once and apply it, atomically."""

from __future__ import annotations

import logging
from datetime import datetime

from backend.application.payments.apply import apply_payment
from backend.application.payments.fulfilment import Fulfilment
from backend.application.payments.policy import PaymentPolicy
from backend.domain.payments.events import WebhookDelivery
from backend.domain.payments.order_model import InvalidEvent, PaymentClash
from backend.domain.payments.ports import EventStatus
from backend.domain.ports import UnitOfWork

log = logging.getLogger(__name__)


def receive_payment_event(
    delivery: WebhookDelivery,
    uow: UnitOfWork,
    fulfilment: Fulfilment,
    policy: PaymentPolicy,
    now: datetime,
) -> EventStatus | None:
    """Record the event and apply it in one transaction; None when it was already recorded."""
    try:
        with uow:
            if not _record(uow, delivery, now, EventStatus.APPLIED):
                return None  # a redelivery: the first one already did everything
            status, error = _apply(delivery, uow, fulfilment, policy, now)
            if status is not EventStatus.APPLIED:  # recorded as applied, the common outcome
                uow.payment_events.finish(delivery.event_id, status, error)
            uow.commit()
        return status
    except PaymentClash as exc:
        # Its transaction is spoiled, so the event is recorded as an error in a new one and
        # answered 200: a 500 would only make Razorpay retry the same bytes for a day.
        log.error("payment event clashes with a paid order: %s", exc)
        with uow:
            if not _record(uow, delivery, now, EventStatus.ERROR):
                return None  # a concurrent delivery of the same event got there first
            uow.payment_events.finish(delivery.event_id, EventStatus.ERROR, str(exc))
            uow.commit()
        return EventStatus.ERROR


def _record(uow: UnitOfWork, delivery: WebhookDelivery, now: datetime, status: EventStatus) -> bool:
    """Keep the delivery once, by its event id; False when it was already kept."""
    event = delivery.event
    return uow.payment_events.record(
        delivery.event_id,
        delivery.event_type,
        delivery.payload_sha256,
        event.payment_id if event else None,
        now,
        status,
    )


def _apply(
    delivery: WebhookDelivery,
    uow: UnitOfWork,
    fulfilment: Fulfilment,
    policy: PaymentPolicy,
    now: datetime,
) -> tuple[EventStatus, str | None]:
    event = delivery.event
    if event is None:
        return EventStatus.IGNORED, None
    order = uow.orders.find_for_event(event)
    if order is None:
        # Not ours, or a payment.* event that arrived before anything named its order; the
        # link's own events or the reconciler settle it.
        log.info("payment event matches no order", extra={"type": delivery.event_type})
        return EventStatus.UNMATCHED, None
    try:
        apply_payment(uow, order, event, fulfilment, policy, now)
    except InvalidEvent as exc:
        # Nothing was saved for the order (apply_event raises before changing it); a retry
        # of the same bytes would fail the same way, so keep the reason and answer 200.
        log.warning("invalid payment event: %s", exc, extra={"type": delivery.event_type})
        return EventStatus.ERROR, str(exc)
    return EventStatus.APPLIED, None
