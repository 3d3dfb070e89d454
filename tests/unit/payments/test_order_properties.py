"""Properties of the order state machine under any sequence of events, repeats and retries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.domain.payments.effects import Effect, Grant, Revoke
from backend.domain.payments.events import EventKind as K
from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.orders import (
    ALLOWED_MOVES,
    Order,
    OrderClosed,
    OrderStatus,
    apply_event,
    new_attempt,
    reference_for,
)
from tests.unit.payments.factories import AMOUNT, PAID_KINDS, T0, event, issued_order

S = OrderStatus
MONEY_KINDS = {*PAID_KINDS, K.PAYMENT_AUTHORIZED, K.REFUND_PROCESSED, K.DISPUTE_CREATED}
NEW_LINK = "new link"
Plan = Sequence[tuple[PaymentEvent | str, int]]


@st.composite
def events(draw: st.DrawFn) -> PaymentEvent:
    """Any event about the test order: either payment, any of three links, right or wrong sums."""
    kind = draw(st.sampled_from(list(K)))
    ids = ["pay_1", "pay_2"] if kind in MONEY_KINDS else ["pay_1", "pay_2", None]
    return event(
        kind,
        payment_id=draw(st.sampled_from(ids)),
        link=draw(st.sampled_from([1, 2, 3, None])),
        amount=draw(st.sampled_from([AMOUNT, AMOUNT - 100, AMOUNT // 2])),
        currency=draw(st.sampled_from(["INR", "INR", "USD"])),
    )


# Each step is an event or a request for a new link, repeated 1 to 8 times in a row.
steps = st.lists(
    st.tuples(st.one_of(events(), st.just(NEW_LINK)), st.integers(min_value=1, max_value=8)),
    max_size=25,
)


def run(order: Order, plan: Plan) -> list[Effect]:
    """Apply the plan, checking every status change against the table as it happens."""
    effects: list[Effect] = []
    for step, times in plan:
        for _ in range(times):
            before, paid_id = order.status, order.paid_payment_id
            if isinstance(step, PaymentEvent):
                new = apply_event(order, step)
                if any(isinstance(e, Grant) for e in new):
                    # amount mismatch never grants
                    assert (step.amount_paise, step.currency) == (AMOUNT, "INR")
                effects += new
            else:
                n = len(order.attempts) + 1
                try:
                    new_attempt(order, reference_for(order.id, n), f"plink_{n}", "u", T0,
                                T0 + timedelta(minutes=20))  # fmt: skip
                except OrderClosed:
                    assert before not in (S.CREATED, S.EXPIRED)
            assert order.status is before or order.status in ALLOWED_MOVES[before]
            if before in (S.PAID, S.REFUNDED, S.DISPUTED):
                assert order.status not in (S.CREATED, S.LINK_ISSUED, S.EXPIRED)
                assert order.paid_payment_id == paid_id
    return effects


@settings(max_examples=400)
@given(steps)
def test_any_history_grants_at_most_once_and_revokes_at_most_once(plan: Plan) -> None:
    effects = run(issued_order(), plan)
    grants = [e for e in effects if isinstance(e, Grant)]
    revokes = [e for e in effects if isinstance(e, Revoke)]
    assert len(grants) <= 1
    assert len(revokes) <= len(grants)


@given(st.permutations(PAID_KINDS), st.lists(st.integers(1, 8), min_size=3, max_size=3))
def test_the_three_paid_events_for_one_payment_grant_once(
    kinds: list[K], repeats: list[int]
) -> None:
    order = issued_order()
    plan = [(event(kind), times) for kind, times in zip(kinds, repeats, strict=True)]
    grants = [e for e in run(order, plan) if isinstance(e, Grant)]
    assert len(grants) == 1
    assert order.status is S.PAID


@given(steps)
def test_failure_after_paid_leaves_it_paid(plan: Plan) -> None:
    order = issued_order()
    apply_event(order, event(K.PAYMENT_CAPTURED))
    run(order, plan)  # anything at all, then a failure
    before = order.status
    assert apply_event(order, event(K.PAYMENT_FAILED)) == []
    assert order.status is before
    assert order.status in (S.PAID, S.REFUNDED, S.DISPUTED)


@given(st.lists(st.integers(1, 8), min_size=3, max_size=3))
def test_failed_then_late_authorised_then_captured_grants_once(repeats: list[int]) -> None:
    order = issued_order()
    kinds = (K.PAYMENT_FAILED, K.PAYMENT_AUTHORIZED, K.PAYMENT_CAPTURED)
    plan = [(event(kind), times) for kind, times in zip(kinds, repeats, strict=True)]
    assert sum(isinstance(e, Grant) for e in run(order, plan)) == 1
    assert order.status is S.PAID


@given(st.integers(1, 8), steps)
def test_refund_after_paid_revokes_once(times: int, later: Plan) -> None:
    order = issued_order()
    effects = run(order, [(event(K.LINK_PAID), 1), (event(K.REFUND_PROCESSED), times)])
    effects += run(order, later)
    assert [e for e in effects if isinstance(e, Revoke)] == [Revoke(order.id, "refund")]
    assert order.status is S.REFUNDED


@given(st.sampled_from(PAID_KINDS), st.sampled_from([(AMOUNT - 1, "INR"), (AMOUNT, "USD")]), steps)
def test_amount_mismatch_never_grants(kind: K, wrong: tuple[int, str], later: Plan) -> None:
    order = issued_order()
    amount, currency = wrong
    effects = run(order, [(event(kind, amount=amount, currency=currency), 1)])
    effects += run(order, later)
    assert not any(isinstance(e, Grant) for e in effects)
    assert order.status is S.REVIEW
