"""How a unit of work ends what was not committed: undone, and cheap when nothing changed."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from backend.domain.entitlements import Product
from backend.domain.payments.ports import EventStatus
from infrastructure.db.engine import build_engine
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork

NOW = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
# psycopg prepares a statement on its fifth use on a connection, and forgets every one on ROLLBACK.
USES_BEFORE_PREPARED = 5


@pytest.fixture
def one_connection(postgres_url: str) -> Iterator[Engine]:
    """A PostgreSQL engine whose units of work all run on the same connection."""
    built = build_engine(postgres_url, pool_size=1, max_overflow=0)
    yield built
    built.dispose()


def record(uow: SqlAlchemyUnitOfWork, event_id: str) -> bool:
    """Record a gateway event; False when it was already there."""
    return uow.payment_events.record(
        event_id, "payment.captured", "ab" * 32, "pay_1", NOW, EventStatus.APPLIED
    )


def prepared(engine: Engine) -> list[str]:
    """The statements prepared on the engine's one connection."""
    with SqlAlchemyUnitOfWork(engine) as uow:
        found = uow.connection.exec_driver_sql("SELECT statement FROM pg_prepared_statements")
        return list(found.scalars())


def test_redeliveries_keep_the_connections_prepared_statements(one_connection: Engine) -> None:
    """A webhook redelivery changes nothing: ending it must not drop the prepared statements.

    Even a conflicting INSERT draws an id from the sequence, and PostgreSQL gives the
    transaction an id whenever that draw is WAL-logged (every 32nd, and the first after a
    checkpoint): such a redelivery still rolls back. So the statement must be prepared
    within a few rounds, not after exactly five uses.
    """
    event_id = f"evt_{uuid.uuid4().hex[:14]}"
    with SqlAlchemyUnitOfWork(one_connection) as uow:
        assert record(uow, event_id)
        uow.commit()
    for _ in range(4 * USES_BEFORE_PREPARED):
        with SqlAlchemyUnitOfWork(one_connection) as uow:
            assert record(uow, event_id) is False  # left without commit, as the webhook does
        if any("INSERT INTO payment_events" in sql for sql in prepared(one_connection)):
            return
    pytest.fail("every redelivery dropped the connection's prepared statements")


def test_reads_keep_the_connections_prepared_statements(one_connection: Engine) -> None:
    for _ in range(USES_BEFORE_PREPARED + 1):
        with SqlAlchemyUnitOfWork(one_connection) as uow:
            assert uow.ledger.entries(0, Product.QNA) == []
    assert any("FROM entitlement_ledger" in sql for sql in prepared(one_connection))


def test_a_change_left_uncommitted_is_undone(engine: Engine) -> None:
    """Statements that changed nothing, before or after, do not make a real change stick."""
    known, new = (f"evt_{uuid.uuid4().hex[:14]}" for _ in range(2))
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert record(uow, known)
        uow.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert record(uow, known) is False
        assert record(uow, new)
        uow.payment_events.finish(f"evt_{uuid.uuid4().hex[:14]}", EventStatus.ERROR, "none such")
        assert uow.ledger.entries(0, Product.QNA) == []
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert record(uow, new), "the uncommitted event was kept"


def test_a_unit_that_fails_is_undone(engine: Engine) -> None:
    event_id = f"evt_{uuid.uuid4().hex[:14]}"
    with pytest.raises(RuntimeError), SqlAlchemyUnitOfWork(engine) as uow:
        assert record(uow, event_id)
        raise RuntimeError("the use case failed after writing")
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert record(uow, event_id), "the failed unit's event was kept"
