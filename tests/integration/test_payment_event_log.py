"""The payment event log on SQLite and PostgreSQL: each gateway event is kept once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import Engine

from backend.domain.payments.ports import EventStatus
from infrastructure.db.payment_event_log import EVENTS
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork

NOW = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
RECEIVED = EventStatus.RECEIVED


def stored(engine: Engine, event_id: str) -> tuple[str, str | None, str | None]:
    """The event's status, error and payment id as stored."""
    query = sa.select(EVENTS.c.status, EVENTS.c.error, EVENTS.c.payment_id).where(
        EVENTS.c.event_id == event_id
    )
    with engine.connect() as conn:
        row = conn.execute(query).one()
    return row.status, row.error, row.payment_id


def test_an_event_is_recorded_once_however_often_it_arrives(engine: Engine) -> None:
    event_id = f"evt_{uuid.uuid4().hex[:14]}"
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.payment_events.record(
            event_id, "payment.captured", "ab" * 32, "pay_1", NOW, RECEIVED
        )
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        again = uow.payment_events.record(
            event_id, "payment.captured", "cd" * 32, "pay_1", NOW, RECEIVED
        )
        assert again is False
        uow.commit()
    assert stored(engine, event_id) == ("received", None, "pay_1")


def test_finishing_notes_the_outcome_with_a_bounded_error(engine: Engine) -> None:
    applied, broken = (f"evt_{uuid.uuid4().hex[:14]}" for _ in range(2))
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.payment_events.record(applied, "payment_link.paid", "ab" * 32, "pay_2", NOW, RECEIVED)
        uow.payment_events.record(broken, "refund.processed", "ab" * 32, None, NOW, RECEIVED)
        uow.payment_events.finish(applied, EventStatus.APPLIED)
        uow.payment_events.finish(broken, EventStatus.ERROR, "bad " * 1000)
        uow.commit()
    assert stored(engine, applied) == ("applied", None, "pay_2")
    status, error, payment_id = stored(engine, broken)
    assert (status, payment_id) == ("error", None)
    assert error is not None and len(error) == 500 and error.startswith("bad bad")


def test_an_event_not_committed_can_be_recorded_again(engine: Engine) -> None:
    """A request that failed before commit leaves nothing, so Razorpay's retry is applied."""
    event_id = f"evt_{uuid.uuid4().hex[:14]}"
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.payment_events.record(event_id, "payment.failed", "ab" * 32, None, NOW, RECEIVED)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.payment_events.record(event_id, "payment.failed", "ab" * 32, None, NOW, RECEIVED)
