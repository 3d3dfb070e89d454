"""Payment attempts, reference ids, the status table and malformed events."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from backend.domain.payments.attempts import names_order
from backend.domain.payments.events import EventKind as K
from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.orders import (
    ALLOWED_MOVES,
    AttemptStatus,
    InvalidEvent,
    Order,
    OrderClosed,
    OrderStatus,
    apply_event,
    new_attempt,
    reference_for,
)
from tests.unit.payments.factories import T0, event, issued_order, link_id

S = OrderStatus
LATER = T0 + timedelta(minutes=20)


def attempt_on(order: Order, n: int) -> None:
    """Issue the order's n-th link."""
    new_attempt(order, reference_for(order.id, n), f"plink_{n}", "https://rzp.io/x", T0, LATER)


def test_statuses_are_exactly_the_contract() -> None:
    assert [s.value for s in S] == [
        "created", "link_issued", "paid", "expired", "cancelled", "refunded", "disputed",
        "review",
    ]  # fmt: skip
    assert [s.value for s in AttemptStatus] == ["issued", "paid", "failed", "expired", "cancelled"]


def test_table_never_leads_back_from_money_received() -> None:
    open_ = {S.CREATED, S.LINK_ISSUED, S.EXPIRED}
    for start in (S.PAID, S.REFUNDED, S.DISPUTED, S.REVIEW, S.CANCELLED):
        assert not ALLOWED_MOVES[start] & open_, start
    assert ALLOWED_MOVES[S.REFUNDED] == ALLOWED_MOVES[S.REVIEW] == frozenset()
    assert ALLOWED_MOVES[S.DISPUTED] == {S.REFUNDED}


def test_reference_ids_are_short_and_unique_per_attempt() -> None:
    refs = {reference_for(order_id, n) for order_id in (1, 12, 10**15) for n in range(1, 50)}
    assert len(refs) == 3 * 49
    assert reference_for(42, 3) == "ba-42-3"
    assert max(map(len, refs)) <= 40
    with pytest.raises(ValueError, match="longer"):
        reference_for(10**40, 1)


def test_first_attempt_issues_the_link() -> None:
    order = issued_order(attempts=0)
    attempt_on(order, 1)
    assert order.status is S.LINK_ISSUED
    assert order.attempts[0].status is AttemptStatus.ISSUED


@pytest.mark.parametrize("closing", [K.PAYMENT_FAILED, K.LINK_EXPIRED])
def test_a_new_attempt_follows_a_failed_or_expired_one(closing: K) -> None:
    order = issued_order()
    apply_event(order, event(closing))
    attempt_on(order, 2)
    assert order.status is S.LINK_ISSUED
    assert [a.reference_id for a in order.attempts] == ["ba-7-1", "ba-7-2"]


def test_no_second_link_while_one_is_live() -> None:
    with pytest.raises(OrderClosed):
        attempt_on(issued_order(), 2)


@pytest.mark.parametrize(
    "history",
    [
        [event(K.LINK_PAID)],
        [event(K.LINK_PAID), event(K.REFUND_PROCESSED)],
        [event(K.LINK_PAID), event(K.DISPUTE_CREATED)],
        [event(K.LINK_CANCELLED)],
        [event(K.LINK_PAID, amount=1)],
    ],
    ids=["paid", "refunded", "disputed", "cancelled", "review"],
)
def test_closed_orders_take_no_new_attempt(history: list[PaymentEvent]) -> None:
    order = issued_order()
    for earlier in history:
        apply_event(order, earlier)
    with pytest.raises(OrderClosed):
        attempt_on(order, 2)
    assert len(order.attempts) == 1


def test_attempt_checks_reference_and_expiry() -> None:
    order = issued_order()
    apply_event(order, event(K.LINK_EXPIRED))
    with pytest.raises(ValueError, match="already used"):
        new_attempt(order, "ba-7-1", "plink_2", "u", T0, LATER)
    with pytest.raises(ValueError, match="characters"):
        new_attempt(order, "x" * 41, "plink_2", "u", T0, LATER)
    with pytest.raises(ValueError, match="expire"):
        new_attempt(order, "ba-7-2", "plink_2", "u", T0, T0)
    assert order.status is S.EXPIRED


def test_order_amount_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        replace(issued_order(attempts=0), amount_paise=0)


@pytest.mark.parametrize(
    "bad",
    [
        event(K.LINK_PAID, payment_id=None),
        event(K.PAYMENT_CAPTURED, amount=None),
        event(K.ORDER_PAID, currency=None),
        event(K.REFUND_PROCESSED, payment_id=None),
        event(K.DISPUTE_CREATED, payment_id=None),
        event(K.PAYMENT_AUTHORIZED, payment_id=None),
        replace(event(K.LINK_PAID), order_id=8),
    ],
    ids=["no payment id", "no amount", "no currency", "refund", "dispute", "auth", "other order"],
)
def test_malformed_events_are_refused_and_change_nothing(bad: PaymentEvent) -> None:
    order = issued_order()
    with pytest.raises(InvalidEvent):
        apply_event(order, bad)
    assert order.status is S.LINK_ISSUED
    assert order.payments == {}


def test_an_event_names_its_order_only_by_an_id_the_order_issued_or_was_paid_with() -> None:
    order = issued_order(attempts=2)
    first = order.attempts[0]
    first.gateway_order_id = "order_1"
    notes_only = event(K.PAYMENT_CAPTURED, link=None, payment_id="pay_someone_elses")
    assert notes_only.order_id == order.id and not names_order(order, notes_only)
    assert names_order(order, replace(notes_only, link_id=link_id(2)))
    assert names_order(order, replace(notes_only, reference_id=first.reference_id))
    assert names_order(order, replace(notes_only, gateway_order_id="order_1"))
    # A payment the order has already seen (a failed one here) names it too.
    apply_event(order, event(K.PAYMENT_FAILED, link=2, payment_id="pay_9"))
    assert names_order(order, replace(notes_only, payment_id="pay_9"))
    apply_event(order, event(K.LINK_PAID, link=2, payment_id="pay_10"))
    assert order.paid_payment_id == "pay_10"
    assert names_order(order, replace(notes_only, kind=K.REFUND_PROCESSED, payment_id="pay_10"))
    assert not names_order(order, replace(notes_only, link_id="plink_of_another_shop"))
