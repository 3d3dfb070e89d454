"""What an order remembers besides its status: the paid payment, the review reason, old links."""

from __future__ import annotations

from datetime import timedelta

from backend.domain.payments.events import EventKind as K
from backend.domain.payments.orders import (
    AttemptStatus,
    OrderStatus,
    PaymentState,
    apply_event,
    new_attempt,
)
from tests.unit.payments.factories import T0, event, issued_order
from tests.unit.payments.table import PAID

S = OrderStatus
A = AttemptStatus


def test_paid_order_remembers_its_payment() -> None:
    order = issued_order()
    apply_event(order, PAID)
    assert order.paid_payment_id == "pay_1"
    assert order.review_reason is None


def test_mismatch_records_the_reason() -> None:
    order = issued_order()
    apply_event(order, event(K.LINK_PAID, amount=19_800))
    assert order.review_reason == "amount_mismatch"
    assert order.paid_payment_id is None


def test_expiry_of_an_old_failed_link_changes_only_that_link() -> None:
    order = issued_order()
    apply_event(order, event(K.PAYMENT_FAILED))
    new_attempt(order, "ba-7-2", "plink_2", "https://rzp.io/i/2", T0, T0 + timedelta(hours=1))
    assert apply_event(order, event(K.LINK_EXPIRED, link=1)) == []
    assert [a.status for a in order.attempts] == [A.EXPIRED, A.ISSUED]
    assert order.status is S.LINK_ISSUED


def test_failure_after_paid_touches_neither_links_nor_payment_records() -> None:
    order = issued_order(attempts=2)
    apply_event(order, event(K.LINK_PAID, link=1))
    assert apply_event(order, event(K.PAYMENT_FAILED, payment_id="pay_2", link=2)) == []
    assert [a.status for a in order.attempts] == [A.PAID, A.ISSUED]
    assert order.payments == {"pay_1": PaymentState.PAID}


def test_authorisation_after_paid_does_not_reopen_the_payment() -> None:
    order = issued_order()
    apply_event(order, PAID)
    apply_event(order, event(K.PAYMENT_AUTHORIZED))
    assert apply_event(order, event(K.ORDER_PAID)) == []  # not flagged as a second payment
    assert order.payments == {"pay_1": PaymentState.PAID}
