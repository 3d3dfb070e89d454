"""The order repository on SQLite and PostgreSQL: round trips, lookups by event, row locks."""

from __future__ import annotations

import itertools
import queue
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from backend.domain.entitlements import Product
from backend.domain.payments.events import EventKind, PaymentEvent
from backend.domain.payments.order_model import PaymentClash
from backend.domain.payments.orders import (
    AttemptStatus,
    Order,
    OrderStatus,
    PaymentState,
    new_attempt,
)
from infrastructure.db.engine import build_engine
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork
from tests.whatsapp import unique_phone

NO_SUCH_ID = 2_000_000_000  # far beyond any id a test run creates
NOW = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
RETRY_WINDOW = timedelta(hours=24)
_days_back = itertools.count(1)


def earlier_now() -> datetime:
    """A day before the previous call and years before any other test's orders.

    The database is shared by the whole run, so a sweep over "orders older than X" sees
    only this test's orders when X comes before everything written so far.
    """
    return datetime(2000, 1, 1, tzinfo=UTC) - timedelta(days=next(_days_back))


def new_user(engine: Engine) -> tuple[int, str]:
    """A user (created through the conversation store) and their phone."""
    phone = unique_phone()
    with SqlAlchemyUnitOfWork(engine) as uow:
        user_id = uow.conversations.lock(phone, NOW, "new", "main").user_id
        uow.commit()
    return user_id, phone


def issued_order(engine: Engine, now: datetime = NOW, profile_ids: tuple[int, ...] = (7,)) -> Order:
    """A committed kundali order with one issued link."""
    user_id, phone = new_user(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        order = uow.orders.create(user_id, phone, Product.KUNDALI, 19900, profile_ids, now)
        tag = uuid.uuid4().hex[:10]
        attempt = new_attempt(
            order, f"ba-{order.id}-1-{tag}", f"plink_{tag}", "https://p/1", now, now + HOUR
        )
        attempt.gateway_order_id = f"order_{tag}"
        uow.orders.save(order)
        uow.commit()
    return order


def test_an_order_round_trips_with_its_attempts_and_payments(engine: Engine) -> None:
    order = issued_order(engine, profile_ids=(3, 9))
    with SqlAlchemyUnitOfWork(engine) as uow:
        loaded = uow.orders.get(order.id)
        assert loaded is not None
        loaded.payments["pay_failed1"] = PaymentState.FAILED
        loaded.review_reason = "amount_mismatch"
        uow.orders.save(loaded)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        again = uow.orders.get(order.id)
        assert uow.orders.get(NO_SUCH_ID) is None
    assert again is not None
    assert (again.user_id, again.phone, again.product) == (
        order.user_id,
        order.phone,
        order.product,
    )
    assert (again.amount_paise, again.currency, again.status) == (
        19900,
        "INR",
        OrderStatus.LINK_ISSUED,
    )
    assert again.profile_ids == (3, 9) and again.created_at == NOW
    assert again.payments == {"pay_failed1": PaymentState.FAILED}
    assert again.review_reason == "amount_mismatch"
    [attempt] = again.attempts
    [original] = order.attempts
    assert (attempt.reference_id, attempt.link_id, attempt.url) == (
        original.reference_id,
        original.link_id,
        "https://p/1",
    )
    assert attempt.gateway_order_id == original.gateway_order_id
    assert (attempt.status, attempt.created_at, attempt.expires_at) == (
        AttemptStatus.ISSUED,
        NOW,
        NOW + HOUR,
    )


def test_save_updates_known_attempts_and_inserts_new_ones(engine: Engine) -> None:
    order = issued_order(engine)
    later = NOW + 2 * HOUR
    with SqlAlchemyUnitOfWork(engine) as uow:
        loaded = uow.orders.get(order.id)
        assert loaded is not None
        loaded.attempts[0].status = AttemptStatus.FAILED
        new_attempt(
            loaded,
            f"ba-{order.id}-2-x{order.id}",
            f"plink_2x{order.id}",
            "https://p/2",
            later,
            later + HOUR,
        )
        uow.orders.save(loaded)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        again = uow.orders.get(order.id)
    assert again is not None
    assert [(a.status, a.url) for a in again.attempts] == [
        (AttemptStatus.FAILED, "https://p/1"),
        (AttemptStatus.ISSUED, "https://p/2"),
    ]


def updated_at(engine: Engine, order_id: int) -> datetime:
    """When the order's row was last written."""
    with engine.connect() as conn:
        query = sa.text("SELECT updated_at FROM orders WHERE id = :oid")
        value = conn.execute(query, {"oid": order_id}).scalar_one()
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def test_saving_twice_in_one_transaction_keeps_both_changes(engine: Engine) -> None:
    order = issued_order(engine)
    payment_id = f"pay_{uuid.uuid4().hex[:12]}"
    with SqlAlchemyUnitOfWork(engine) as uow:
        loaded = uow.orders.get(order.id)
        assert loaded is not None
        loaded.attempts[0].status = AttemptStatus.FAILED
        uow.orders.save(loaded)
        loaded.attempts[0].status = AttemptStatus.PAID
        loaded.status = OrderStatus.PAID
        loaded.paid_payment_id = payment_id
        uow.orders.save(loaded)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        again = uow.orders.get(order.id)
    assert again is not None
    assert (again.status, again.paid_payment_id) == (OrderStatus.PAID, payment_id)
    assert [a.status for a in again.attempts] == [AttemptStatus.PAID]


def test_saving_an_unchanged_order_writes_nothing(engine: Engine) -> None:
    order = issued_order(engine)
    written = updated_at(engine, order.id)
    with SqlAlchemyUnitOfWork(engine) as uow:
        loaded = uow.orders.get(order.id)
        assert loaded is not None
        uow.orders.save(loaded)
        uow.commit()
    assert updated_at(engine, order.id) == written


def test_an_order_read_unlocked_is_still_saved_whole(engine: Engine) -> None:
    order = issued_order(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        loaded = uow.orders.get(order.id)
        assert loaded is not None
        loaded.status = OrderStatus.PAID
        loaded.paid_payment_id = f"pay_{uuid.uuid4().hex[:12]}"
        uow.orders.save(loaded)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        # paid_for reads without a lock: save must not trust what it read then.
        paid = uow.orders.paid_for(order.user_id, Product.KUNDALI, order.profile_ids)
        assert paid is not None and paid.id == order.id
        paid.attempts[0].status = AttemptStatus.PAID
        uow.orders.save(paid)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        again = uow.orders.get(order.id)
    assert again is not None and [a.status for a in again.attempts] == [AttemptStatus.PAID]


def test_nothing_is_kept_without_commit(engine: Engine) -> None:
    user_id, phone = new_user(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        order = uow.orders.create(user_id, phone, Product.QNA, 9900, (), NOW)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.orders.get(order.id) is None


@pytest.mark.parametrize("key", ["link_id", "reference_id", "gateway_order_id", "payment_id"])
def test_an_event_finds_its_order_by_each_id_it_may_carry(engine: Engine, key: str) -> None:
    order = issued_order(engine)
    payment_id = f"pay_{uuid.uuid4().hex[:12]}"
    with SqlAlchemyUnitOfWork(engine) as uow:
        loaded = uow.orders.get(order.id)
        assert loaded is not None
        loaded.status, loaded.paid_payment_id = OrderStatus.PAID, payment_id
        uow.orders.save(loaded)
        uow.commit()
    attempt = order.attempts[0]
    ids = {
        "order_id": order.id,
        "link_id": attempt.link_id,
        "reference_id": attempt.reference_id,
        "gateway_order_id": attempt.gateway_order_id,
        "payment_id": payment_id,
    }
    known: dict[str, Any] = {key: ids[key]}
    strange: dict[str, Any] = {key: "unknown_0"}
    with SqlAlchemyUnitOfWork(engine) as uow:
        found = uow.orders.find_for_event(PaymentEvent(EventKind.LINK_PAID, NOW, **known))
        missing = uow.orders.find_for_event(PaymentEvent(EventKind.LINK_PAID, NOW, **strange))
    assert found is not None and found.id == order.id
    assert missing is None


@pytest.mark.parametrize("confirmed_by", ["link_id", "reference_id", "gateway_order_id", None])
def test_an_order_id_note_finds_its_order_only_with_an_id_that_order_issued(
    engine: Engine, confirmed_by: str | None
) -> None:
    order = issued_order(engine)
    attempt = order.attempts[0]
    ids: dict[str, Any] = {
        "link_id": attempt.link_id,
        "reference_id": attempt.reference_id,
        "gateway_order_id": attempt.gateway_order_id,
    }
    # Another integration's ids beside our order id: its link, reference and gateway order.
    event_ids: dict[str, Any] = {key: f"{key}_of_another_shop" for key in ids}
    if confirmed_by is not None:
        event_ids[confirmed_by] = ids[confirmed_by]
    event = PaymentEvent(
        EventKind.LINK_PAID, NOW, order_id=order.id, payment_id="pay_someone_elses", **event_ids
    )
    with SqlAlchemyUnitOfWork(engine) as uow:
        found = uow.orders.find_for_event(event)
        alone = uow.orders.find_for_event(PaymentEvent(EventKind.LINK_PAID, NOW, order_id=order.id))
    if confirmed_by is None:
        assert found is None
    else:
        assert found is not None and found.id == order.id
    assert alone is None


def test_an_unknown_order_id_in_the_notes_falls_back_to_the_link(engine: Engine) -> None:
    order = issued_order(engine)
    event = PaymentEvent(
        EventKind.LINK_EXPIRED, NOW, order_id=NO_SUCH_ID, link_id=order.attempts[0].link_id
    )
    with SqlAlchemyUnitOfWork(engine) as uow:
        found = uow.orders.find_for_event(event)
    assert found is not None and found.id == order.id


def test_open_for_is_the_newest_order_that_can_still_take_money(engine: Engine) -> None:
    user_id, phone = new_user(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        orders = [
            uow.orders.create(user_id, phone, Product.MILAN, 19900, (1, 2), NOW) for _ in range(4)
        ]
        other_profiles = uow.orders.create(user_id, phone, Product.MILAN, 19900, (2, 1), NOW)
        orders[1].status = OrderStatus.EXPIRED
        orders[2].status = OrderStatus.CANCELLED
        orders[3].status, orders[3].paid_payment_id = OrderStatus.PAID, f"pay_{uuid.uuid4().hex}"
        for order in orders[1:]:
            uow.orders.save(order)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        open_order = uow.orders.open_for(user_id, Product.MILAN, (1, 2))
        paid = uow.orders.paid_for(user_id, Product.MILAN, (1, 2))
        swapped = uow.orders.open_for(user_id, Product.MILAN, (2, 1))
        assert uow.orders.open_for(user_id, Product.KUNDALI, (1, 2)) is None
        assert uow.orders.paid_for(user_id, Product.MILAN, (2, 1)) is None
    assert open_order is not None and open_order.id == orders[1].id  # expired still counts
    assert paid is not None and paid.id == orders[3].id
    assert swapped is not None and swapped.id == other_profiles.id


def test_pending_before_lists_orders_whose_live_link_is_old_newest_first(engine: Engine) -> None:
    t = earlier_now()
    user_id, phone = new_user(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        made: dict[str, Order] = {}
        for name, created, linked in (
            ("issued", t - 3 * HOUR, t),
            ("failed", t - 3 * HOUR, t - HOUR),
            ("spent", t - 3 * HOUR, t - HOUR),  # cancelled by us, its successor never made
            ("bare", t - HOUR, None),  # the gateway was down: no link to ask about
            ("paid", t - 2 * HOUR, t - 2 * HOUR),
        ):
            order = uow.orders.create(user_id, phone, Product.QNA, 9900, (), created)
            if linked is not None:
                new_attempt(order, f"ba-{order.id}-1", f"plink_p{order.id}", "u", linked, t + HOUR)
            made[name] = order
        made["failed"].attempts[0].status = AttemptStatus.FAILED
        made["spent"].attempts[0].status = AttemptStatus.CANCELLED
        made["paid"].status = OrderStatus.PAID
        made["paid"].paid_payment_id = f"pay_{uuid.uuid4().hex}"
        for order in made.values():
            uow.orders.save(order)
        uow.commit()
    mine = {order.id for order in made.values()}
    with SqlAlchemyUnitOfWork(engine) as uow:
        # Other tests' orders share the database: look at ours, in the order returned.
        def ours(cutoff: datetime) -> list[int]:
            return [i for i in uow.orders.pending_before(cutoff, 100_000) if i in mine]

        # the orders are older, but their newest link is what the sweep measures from
        assert ours(t - HOUR) == []
        assert ours(t) == [made["failed"].id]
        assert ours(t + HOUR) == [made["issued"].id, made["failed"].id]
        assert len(uow.orders.pending_before(t + HOUR, 1)) == 1


def test_retry_candidates_are_recent_orders_whose_newest_link_failed_or_expired(
    engine: Engine,
) -> None:
    t = earlier_now()
    user_id, phone = new_user(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        made = {}
        for name, created in (
            ("failed", t),
            ("expired", t),
            ("live", t),
            ("old", t - 2 * RETRY_WINDOW),
            ("relinked", t),
        ):
            order = uow.orders.create(user_id, phone, Product.QNA, 9900, (), created)
            new_attempt(order, f"ba-{order.id}-1", f"plink_r{order.id}", "https://p", t, t + HOUR)
            made[name] = order
        made["failed"].attempts[0].status = AttemptStatus.FAILED
        made["old"].attempts[0].status = AttemptStatus.FAILED
        made["expired"].attempts[0].status = AttemptStatus.EXPIRED
        made["expired"].status = OrderStatus.EXPIRED
        relinked = made["relinked"]
        relinked.attempts[0].status = AttemptStatus.FAILED
        new_attempt(relinked, f"ba-{relinked.id}-2", f"plink_r2{relinked.id}", "u", t, t + HOUR)
        for order in made.values():
            uow.orders.save(order)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        # Later tests' orders are newer than this one's, so only inclusion can be checked.
        found = uow.orders.retry_candidates(t - RETRY_WINDOW, 100_000)
        assert len(uow.orders.retry_candidates(t - RETRY_WINDOW, 1)) == 1
    mine = [i for i in found if i in {o.id for o in made.values()}]
    assert mine == [made["failed"].id, made["expired"].id]


def test_one_payment_cannot_pay_two_orders(engine: Engine) -> None:
    first, second = issued_order(engine), issued_order(engine)
    payment_id = f"pay_{uuid.uuid4().hex[:12]}"
    with SqlAlchemyUnitOfWork(engine) as uow:
        first.status = second.status = OrderStatus.PAID
        first.paid_payment_id = second.paid_payment_id = payment_id
        uow.orders.save(first)
        with pytest.raises(PaymentClash, match=f"payment {payment_id} already paid"):
            uow.orders.save(second)


def fail_the_link(order: Order) -> None:
    order.attempts[0].status = AttemptStatus.FAILED


def fail_it_and_issue_another(order: Order) -> None:
    fail_the_link(order)
    tag = uuid.uuid4().hex[:10]
    new_attempt(order, f"ba-{order.id}-2-{tag}", f"plink_{tag}", "https://p/2", NOW, NOW + HOUR)


def pay_it(order: Order) -> None:
    order.attempts[0].status = AttemptStatus.PAID
    order.status, order.paid_payment_id = OrderStatus.PAID, f"pay_{uuid.uuid4().hex[:12]}"


@pytest.mark.parametrize("change", [fail_the_link, fail_it_and_issue_another, pay_it])
@pytest.mark.parametrize("lookup", ["order_id", "link_id"])
def test_a_locked_order_waits_for_the_holder_and_sees_all_it_committed(
    postgres_url: str, change: Callable[[Order], None], lookup: str
) -> None:
    """The second reader blocks on the row lock, then sees the order and every attempt the
    first one committed, though it read them in the same statement that waited."""
    engine = build_engine(postgres_url)
    order = issued_order(engine)
    link_id = order.attempts[0].link_id
    # By our order id (with the link that confirms it), or by the link alone.
    ids: dict[str, Any] = {"link_id": link_id} | (
        {"order_id": order.id} if lookup == "order_id" else {}
    )
    event = PaymentEvent(EventKind.LINK_PAID, NOW, **ids)
    backend_pid: queue.Queue[int] = queue.Queue()
    seen: list[Order] = []

    def second_reader() -> None:
        with SqlAlchemyUnitOfWork(engine) as uow:
            backend_pid.put(uow.connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
            loaded = uow.orders.find_for_event(event)
            assert loaded is not None
            seen.append(loaded)

    reader = threading.Thread(target=second_reader)
    try:
        with SqlAlchemyUnitOfWork(engine) as uow:
            held = uow.orders.get(order.id)
            assert held is not None
            reader.start()
            wait_until_blocked_on_a_lock(engine, backend_pid.get(timeout=30))
            change(held)
            uow.orders.save(held)
            uow.commit()
        reader.join(timeout=30)
        [loaded] = seen
        assert (loaded.status, loaded.paid_payment_id) == (held.status, held.paid_payment_id)
        assert [vars(a) for a in loaded.attempts] == [vars(a) for a in held.attempts]
    finally:
        engine.dispose()


def wait_until_blocked_on_a_lock(engine: Engine, pid: int) -> None:
    """Return once the backend pid waits for a lock; fail if it never does."""
    query = sa.text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid")
    for _ in range(2000):
        with engine.connect() as conn:
            if conn.execute(query, {"pid": pid}).scalar() == "Lock":
                return
        time.sleep(0.005)  # polling for a state, not asserting on time
    pytest.fail("the second transaction never waited for the order's row lock")
