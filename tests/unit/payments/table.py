"""Shared shape of the state-machine tables: one row per rule."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.entitlements import Product
from backend.domain.payments.effects import Effect, Grant, NotifyPaid
from backend.domain.payments.events import EventKind, PaymentEvent
from backend.domain.payments.orders import AttemptStatus, OrderStatus, apply_event
from tests.unit.payments.factories import ORDER_ID, event, issued_order

PAID = event(EventKind.PAYMENT_CAPTURED)
GRANTED: list[Effect] = [Grant(ORDER_ID, Product.KUNDALI), NotifyPaid(ORDER_ID)]


@dataclass(frozen=True)
class Case:
    """One row: an order with `attempts` links, `history` applied, then `event`."""

    name: str
    history: tuple[PaymentEvent, ...]
    event: PaymentEvent
    status: OrderStatus
    effects: list[Effect]
    attempt_statuses: tuple[AttemptStatus, ...] | None = None
    attempts: int = 1


def check(case: Case) -> None:
    """Play the row and compare effects, order status and attempt statuses."""
    order = issued_order(case.attempts)
    for earlier in case.history:
        apply_event(order, earlier)
    assert apply_event(order, case.event) == case.effects
    assert order.status is case.status
    if case.attempt_statuses is not None:
        assert tuple(a.status for a in order.attempts) == case.attempt_statuses
