"""The order state machine while money comes in: one rule per row."""

from __future__ import annotations

import pytest

from backend.domain.payments.effects import FlagReview, NotifyFailed
from backend.domain.payments.events import EventKind as K
from backend.domain.payments.orders import AttemptStatus as A
from backend.domain.payments.orders import OrderStatus as S
from tests.unit.payments.factories import ORDER_ID, event
from tests.unit.payments.table import GRANTED, PAID, Case, check

CASES = [
    Case("link paid pays and grants", (), event(K.LINK_PAID), S.PAID, GRANTED, (A.PAID,)),
    Case("captured pays and grants", (), PAID, S.PAID, GRANTED),
    Case("order.paid pays and grants", (), event(K.ORDER_PAID), S.PAID, GRANTED),
    Case("capture after link paid is a no-op", (event(K.LINK_PAID),), PAID, S.PAID, []),
    Case("order.paid after capture is a no-op", (PAID,), event(K.ORDER_PAID), S.PAID, []),
    Case(
        "another payment after paid is flagged, order stays paid",
        (PAID,),
        event(K.LINK_PAID, payment_id="pay_2"),
        S.PAID,
        [FlagReview(ORDER_ID, "second_payment", "pay_2")],
    ),
    Case(
        "second payment flagged only once",
        (PAID, event(K.LINK_PAID, payment_id="pay_2")),
        event(K.PAYMENT_CAPTURED, payment_id="pay_2"),
        S.PAID,
        [],
    ),
    Case(
        "wrong amount goes to review without a grant",
        (),
        event(K.LINK_PAID, amount=100),
        S.REVIEW,
        [FlagReview(ORDER_ID, "amount_mismatch", "pay_1")],
    ),
    Case(
        "wrong currency goes to review without a grant",
        (),
        event(K.LINK_PAID, currency="USD"),
        S.REVIEW,
        [FlagReview(ORDER_ID, "amount_mismatch", "pay_1")],
    ),
    Case(
        "right amount after a mismatch of the same payment stays in review",
        (event(K.LINK_PAID, amount=100),),
        PAID,
        S.REVIEW,
        [],
    ),
    Case(
        "failure fails the attempt, keeps the order open and tells the user",
        (),
        event(K.PAYMENT_FAILED),
        S.LINK_ISSUED,
        [NotifyFailed(ORDER_ID, "ba-7-1")],
        (A.FAILED,),
    ),
    Case(
        "the same failure again tells nobody",
        (event(K.PAYMENT_FAILED),),
        event(K.PAYMENT_FAILED),
        S.LINK_ISSUED,
        [],
    ),
    Case(
        "failure after paid changes nothing",
        (PAID,),
        event(K.PAYMENT_FAILED),
        S.PAID,
        [],
        (A.PAID,),
    ),
    Case(
        "authorisation only records",
        (),
        event(K.PAYMENT_AUTHORIZED),
        S.LINK_ISSUED,
        [],
        (A.ISSUED,),
    ),
    Case(
        "failed, late authorised, captured: paid once",
        (event(K.PAYMENT_FAILED), event(K.PAYMENT_AUTHORIZED)),
        PAID,
        S.PAID,
        GRANTED,
        (A.PAID,),
    ),
    Case(
        "expiry of the current link expires the order",
        (),
        event(K.LINK_EXPIRED),
        S.EXPIRED,
        [],
        (A.EXPIRED,),
    ),
    Case(
        "cancel of the current link cancels the order",
        (),
        event(K.LINK_CANCELLED),
        S.CANCELLED,
        [],
        (A.CANCELLED,),
    ),
    Case(
        "expiry after paid leaves order and link paid",
        (PAID,),
        event(K.LINK_EXPIRED),
        S.PAID,
        [],
        (A.PAID,),
    ),
    Case(
        "a closed old link stays as it closed",
        (),
        event(K.LINK_CANCELLED, link=1),
        S.LINK_ISSUED,
        [],
        (A.EXPIRED, A.ISSUED),
        attempts=2,
    ),
    Case("capture racing expiry still pays", (event(K.LINK_EXPIRED),), PAID, S.PAID, GRANTED),
    Case(
        "payment on a cancelled order goes to a human",
        (event(K.LINK_CANCELLED),),
        PAID,
        S.REVIEW,
        [FlagReview(ORDER_ID, "paid_after_cancel", "pay_1")],
    ),
    Case(
        "payment on an old link pays the order",
        (),
        event(K.LINK_PAID, link=1),
        S.PAID,
        GRANTED,
        (A.PAID, A.ISSUED),
        attempts=2,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_transition(case: Case) -> None:
    check(case)
