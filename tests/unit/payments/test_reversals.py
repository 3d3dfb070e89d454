"""The order state machine when money goes back (refunds, disputes): one rule per row."""

from __future__ import annotations

import pytest

from backend.domain.payments.effects import FlagReview, Revoke
from backend.domain.payments.events import EventKind as K
from backend.domain.payments.orders import OrderStatus
from tests.unit.payments.factories import AMOUNT, ORDER_ID, event
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
