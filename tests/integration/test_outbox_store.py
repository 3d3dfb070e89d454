"""The outbox on SQLite and PostgreSQL: dedupe, per-user order, retries, workers side by side."""

from __future__ import annotations

import itertools
import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from backend.domain.payments.ports import OutboundMessage, OutboxItem, OutboxStatus
from infrastructure.db.outbox_store import OUTBOX
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork
from tests.whatsapp import unique_phone

NO_SUCH_ID = 2_000_000_000  # far beyond any id a test run creates
MINUTE = timedelta(minutes=1)
_days_back = itertools.count(1)


def earlier_now() -> datetime:
    """A day before the previous call and years before any other test's messages.

    The database is shared by the whole run; claiming "due at this moment" then sees only
    the messages this test queued, because everything else was queued later.
    """
    return datetime(2000, 1, 1, tzinfo=UTC) - timedelta(days=next(_days_back))


def new_user(engine: Engine, last_inbound_at: datetime | None = None) -> tuple[int, str]:
    """A user with a conversation (through the conversation store) and their phone."""
    phone = unique_phone()
    with SqlAlchemyUnitOfWork(engine) as uow:
        conversation = uow.conversations.lock(phone, datetime.now(UTC), "new", "main")
        conversation.last_inbound_at = last_inbound_at
        uow.conversations.save(conversation)
        uow.commit()
    return conversation.user_id, phone


def queue(engine: Engine, user_id: int, now: datetime, count: int = 1) -> list[str]:
    """Queue count messages for the user; their dedupe keys, in order."""
    keys = [f"test:{uuid.uuid4().hex}" for _ in range(count)]
    with SqlAlchemyUnitOfWork(engine) as uow:
        for key in keys:
            assert uow.outbox.enqueue(OutboundMessage(user_id, "paid", key, key), now)
        uow.commit()
    return keys


def claim(engine: Engine, now: datetime, limit: int = 50) -> list[OutboxItem]:
    """What a worker would claim at now (the claim ends with the transaction)."""
    with SqlAlchemyUnitOfWork(engine) as uow:
        return uow.outbox.claim_due(now, limit)


def sent(engine: Engine, item: OutboxItem, now: datetime) -> str:
    """Mark the item sent with a fresh provider sid and return the sid."""
    sid = f"SM{uuid.uuid4().hex}"
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.outbox.mark_sent(item.id, sid, now)
        uow.commit()
    return sid


def column(engine: Engine, name: str, item_id: int) -> object:
    """One stored column of an outbox row (what the port does not read back)."""
    with engine.connect() as conn:
        return conn.execute(sa.select(OUTBOX.c[name]).where(OUTBOX.c.id == item_id)).scalar_one()


def test_a_message_is_queued_once_and_claimed_with_what_the_sender_needs(engine: Engine) -> None:
    now = earlier_now()
    user_id, phone = new_user(engine, last_inbound_at=now - MINUTE)
    message = OutboundMessage(
        user_id,
        "report",
        f"report:{uuid.uuid4().hex}",
        "Your report",
        "https://m/r.pdf",
        {"1": "Asha"},
    )
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.outbox.enqueue(message, now) is True
        assert uow.outbox.enqueue(message, now) is False
        uow.commit()
    [item] = claim(engine, now)
    assert (item.user_id, item.phone, item.kind, item.body) == (
        user_id,
        phone,
        "report",
        "Your report",
    )
    assert (item.media_url, item.template_variables, item.attempts) == (
        "https://m/r.pdf",
        {"1": "Asha"},
        0,
    )
    assert item.last_inbound_at == now - MINUTE and item.opted_out is False


def test_a_batch_is_queued_in_its_order_skipping_keys_already_queued(engine: Engine) -> None:
    user_id, _ = new_user(engine)
    now = earlier_now()
    [old] = queue(engine, user_id, now)
    keys = [f"test:{uuid.uuid4().hex}" for _ in range(3)]
    batch = [old, keys[0], keys[1], keys[0], keys[2]]  # one queued before, one twice
    with SqlAlchemyUnitOfWork(engine) as uow:
        messages = [OutboundMessage(user_id, "report", key, f"body {key}") for key in batch]
        assert uow.outbox.enqueue_all(messages, now) == 3
        assert uow.outbox.enqueue_all([], now) == 0
        uow.commit()
    bodies = []
    for _ in range(4):  # one message per user per claim: deliver each in turn
        [item] = claim(engine, now + MINUTE)
        bodies.append(item.body)
        sent(engine, item, now + MINUTE)
    assert bodies == [old, *(f"body {key}" for key in keys)]


def test_claims_are_due_only_and_in_order_one_message_per_user(engine: Engine) -> None:
    now = earlier_now()
    (alice, _), (bob, _) = new_user(engine), new_user(engine)
    queue(engine, alice, now, 2)
    queue(engine, bob, now)
    queue(engine, bob, now + MINUTE)  # not due yet, and behind bob's first anyway
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.users.set_proactive_opt_out(bob, True)
        uow.commit()
    assert claim(engine, now - MINUTE) == []
    first = claim(engine, now)
    assert [i.user_id for i in first] == [alice, bob]  # alice's second waits for her first
    assert first[1].opted_out is True
    assert [i.user_id for i in claim(engine, now, limit=1)] == [alice]
    for item in first:
        sent(engine, item, now)
    assert [i.user_id for i in claim(engine, now)] == [alice]
    assert [i.user_id for i in claim(engine, now + MINUTE)] == [alice, bob]


def test_a_retry_comes_back_when_due_and_holds_back_later_messages(engine: Engine) -> None:
    now = earlier_now()
    user_id, _ = new_user(engine)
    queue(engine, user_id, now, 2)
    [item] = claim(engine, now)
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.outbox.mark_retry(item.id, "x" * 5000, now + MINUTE)
        uow.commit()
    assert claim(engine, now) == []  # the second message may not overtake the first
    [again] = claim(engine, now + MINUTE)
    assert (again.id, again.attempts) == (item.id, 1)
    assert column(engine, "last_error", item.id) == "x" * 500


@pytest.mark.parametrize("final", [OutboxStatus.DEAD, OutboxStatus.SKIPPED])
def test_a_final_message_is_never_claimed_again(engine: Engine, final: OutboxStatus) -> None:
    now = earlier_now()
    user_id, _ = new_user(engine)
    first_key, _ = queue(engine, user_id, now, 2)
    [item] = claim(engine, now)
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.outbox.mark_final(item.id, final, "gave up")
        with pytest.raises(ValueError, match="dead, skipped or done"):
            uow.outbox.mark_final(item.id, OutboxStatus.SENT, None)
        uow.commit()
    [following] = claim(engine, now)
    assert following.id != item.id and following.body != first_key
    assert (column(engine, "status", item.id), column(engine, "attempts", item.id)) == (
        final.value,
        1,
    )


def test_a_sent_message_records_its_sid_and_delivery_status(engine: Engine) -> None:
    now = earlier_now()
    user_id, _ = new_user(engine)
    queue(engine, user_id, now)
    [item] = claim(engine, now)
    sid = sent(engine, item, now + MINUTE)
    assert claim(engine, now + MINUTE) == []
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.outbox.record_delivery_status(sid, "undelivered", "63016") is True
        assert uow.outbox.record_delivery_status("SM_unknown", "delivered", None) is False
        with pytest.raises(LookupError):
            uow.outbox.mark_sent(NO_SUCH_ID, "SM_nothing", now)
        uow.commit()
    stored = [column(engine, name, item.id) for name in ("status", "provider_sid", "attempts")]
    assert stored == ["sent", sid, 1]
    assert column(engine, "delivery_status", item.id) == "undelivered"
    assert column(engine, "delivery_error", item.id) == "63016"


@pytest.mark.parametrize(
    ("arrivals", "kept"),
    [
        (["sent", "delivered", "read"], "read"),
        (["read", "delivered", "sent", "queued"], "read"),  # callbacks out of order
        (["delivered", "sent"], "delivered"),
        (["sent", "undelivered", "sent"], "undelivered"),
        (["queued", "some_new_status"], "some_new_status"),
        (["sent", "some_new_status"], "sent"),
    ],
)
def test_a_late_status_callback_never_moves_a_message_back(
    engine: Engine, arrivals: list[str], kept: str
) -> None:
    now = earlier_now()
    user_id, _ = new_user(engine)
    queue(engine, user_id, now)
    [item] = claim(engine, now)
    sid = sent(engine, item, now + MINUTE)
    for status in arrivals:
        with SqlAlchemyUnitOfWork(engine) as uow:
            error = "30008" if status == "undelivered" else None
            assert uow.outbox.record_delivery_status(sid, status, error) is True
            uow.commit()
    assert column(engine, "delivery_status", item.id) == kept
    assert column(engine, "delivery_error", item.id) == ("30008" if kept == "undelivered" else None)


def test_two_workers_never_share_a_message_nor_overtake_a_user(pg_engine: Engine) -> None:
    """Worker A holds alice's first message: B skips it, and her second must wait for it."""
    now = earlier_now()
    (alice, _), (bob, _) = new_user(pg_engine), new_user(pg_engine)
    queue(pg_engine, alice, now, 2)
    queue(pg_engine, bob, now)
    with SqlAlchemyUnitOfWork(pg_engine) as worker_a:
        [held] = worker_a.outbox.claim_due(now, 1)
        assert held.user_id == alice
        with SqlAlchemyUnitOfWork(pg_engine) as worker_b:
            # Both workers run in this thread: waiting for A's lock would hang, so fail instead.
            worker_b.connection.exec_driver_sql("SET LOCAL lock_timeout = '10s'")
            assert [i.user_id for i in worker_b.outbox.claim_due(now, 10)] == [bob]
        worker_a.outbox.mark_sent(held.id, f"SM{uuid.uuid4().hex}", now)
        worker_a.commit()
    after = claim(pg_engine, now)
    assert [i.user_id for i in after] == [alice, bob] and after[0].id > held.id


def test_concurrent_workers_deliver_everything_once_in_each_users_order(pg_engine: Engine) -> None:
    now = earlier_now()
    users = [new_user(pg_engine)[0] for _ in range(4)]
    for user_id in users:
        queue(pg_engine, user_id, now, 3)
    claimed: list[tuple[int, int]] = []  # (user, message id) in the order they were claimed
    guard = threading.Lock()
    start = threading.Barrier(3)

    def worker() -> None:
        start.wait()
        for _ in range(5000):  # a bound, so a bug fails the test instead of hanging it
            with guard:
                if len(claimed) == 12:
                    return
            with SqlAlchemyUnitOfWork(pg_engine) as uow:
                for item in uow.outbox.claim_due(now, 2):
                    with guard:
                        claimed.append((item.user_id, item.id))
                    uow.outbox.mark_sent(item.id, f"SM{uuid.uuid4().hex}", now)
                uow.commit()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    ids = [message_id for _, message_id in claimed]
    assert len(ids) == 12 and len(set(ids)) == 12
    for user_id in users:
        mine = [message_id for owner, message_id in claimed if owner == user_id]
        assert mine == sorted(mine) and len(mine) == 3
