"""The order state machine when money goes back (refunds, disputes): one rule per row."""

from __future__ import annotations

import pytest

from backend.domain.payments.effects import FlagReview, Revoke
from backend.domain.payments.events import EventKind as K
from backend.domain.payments.orders import OrderStatus, PaymentState, apply_event
from tests.unit.payments.factories import AMOUNT, ORDER_ID, event, issued_order
from tests.unit.payments.table import PAID, Case, check

S = OrderStatus

CASES = [
    Case(
        "refund of the paid payment revokes",
        (PAID,),
        event(K.REFUND_PROCESSED),
        S.REFUNDED,
        [Revoke(ORDER_ID, "refund")],
    ),
    Case(
        "a replayed refund revokes nothing more",
        (PAID, event(K.REFUND_PROCESSED)),
        event(K.REFUND_PROCESSED),
        S.REFUNDED,
        [],
    ),
    Case(
        "partial refund keeps the product and asks a human",
        (PAID,),
        event(K.REFUND_PROCESSED, amount=5_000),
        S.PAID,
        [FlagReview(ORDER_ID, "partial_refund", "pay_1")],
    ),
    Case(
        "partial refunds that add up to the price revoke",
        (PAID, event(K.REFUND_PROCESSED, amount=5_000, refunded=5_000)),
        event(K.REFUND_PROCESSED, amount=AMOUNT - 5_000, refunded=AMOUNT),
        S.REFUNDED,
        [Revoke(ORDER_ID, "refund")],
    ),
    Case(
        "a further partial refund short of the price changes nothing more",
        (PAID, event(K.REFUND_PROCESSED, amount=5_000, refunded=5_000)),
        event(K.REFUND_PROCESSED, amount=4_000, refunded=9_000),
        S.PAID,
        [],
    ),
    Case(
        "a last refund revokes even when the earlier ones were never announced",
        (PAID,),
        event(K.REFUND_PROCESSED, amount=5_000, refunded=AMOUNT),
        S.REFUNDED,
        [Revoke(ORDER_ID, "refund")],
    ),
    Case(
        "an earlier refund announced after the last changes nothing",
        (PAID, event(K.REFUND_PROCESSED, amount=AMOUNT - 5_000, refunded=AMOUNT)),
        event(K.REFUND_PROCESSED, amount=5_000, refunded=5_000),
        S.REFUNDED,
        [],
    ),
    Case(
        "refund of another payment changes nothing",
        (PAID,),
        event(K.REFUND_PROCESSED, payment_id="pay_9"),
        S.PAID,
        [],
    ),
    Case("refund before payment changes nothing", (), event(K.REFUND_PROCESSED), S.LINK_ISSUED, []),
    Case(
        "dispute revokes and flags",
        (PAID,),
        event(K.DISPUTE_CREATED),
        S.DISPUTED,
        [Revoke(ORDER_ID, "dispute"), FlagReview(ORDER_ID, "dispute", "pay_1")],
    ),
    Case(
        "a replayed dispute does nothing",
        (PAID, event(K.DISPUTE_CREATED)),
        event(K.DISPUTE_CREATED),
        S.DISPUTED,
        [],
    ),
    Case(
        "refund after dispute refunds without a second revoke",
        (PAID, event(K.DISPUTE_CREATED)),
        event(K.REFUND_PROCESSED),
        S.REFUNDED,
        [],
    ),
    Case(
        "dispute after refund stays refunded",
        (PAID, event(K.REFUND_PROCESSED)),
        event(K.DISPUTE_CREATED),
        S.REFUNDED,
        [],
    ),
    Case(
        "payment after refund is a second payment",
        (PAID, event(K.REFUND_PROCESSED)),
        event(K.LINK_PAID, payment_id="pay_2"),
        S.REFUNDED,
        [FlagReview(ORDER_ID, "second_payment", "pay_2")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_transition(case: Case) -> None:
    check(case)


def test_refunding_a_flagged_second_payment_marks_it_handed_back_once() -> None:
    order = issued_order()
    apply_event(order, PAID)
    second = event(K.PAYMENT_CAPTURED, payment_id="pay_2")
    assert apply_event(order, second) == [FlagReview(ORDER_ID, "second_payment", "pay_2")]
    assert apply_event(order, event(K.REFUND_PROCESSED, payment_id="pay_2")) == []
    assert order.payments == {"pay_1": PaymentState.PAID, "pay_2": PaymentState.REFUNDED}
    assert order.status is S.PAID  # the order's own payment and its product stand
    # The same capture announced again is not sent to a human a second time.
    assert apply_event(order, second) == []
    assert order.payments["pay_2"] is PaymentState.REFUNDED


def test_a_refund_of_a_payment_the_order_never_saw_changes_nothing() -> None:
    order = issued_order()
    apply_event(order, PAID)
    assert apply_event(order, event(K.REFUND_PROCESSED, payment_id="pay_unknown")) == []
    assert order.payments == {"pay_1": PaymentState.PAID}
