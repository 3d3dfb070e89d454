"""The entitlement ledger on SQLite and PostgreSQL: grants once, uses once, revokes once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import Connection

from backend.bootstrap import Services
from backend.domain.entitlements import NotEntitled, Product
from backend.domain.payments.ledger import EntryKind, LedgerEntry, consume, revoke
from backend.domain.payments.ledger_store import entitlement_check
from backend.domain.ports import UnitOfWork
from infrastructure.db.ledger_store import SqlLedgerStore
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork
from tests.whatsapp import unique_phone

NOW = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)


def connection_of(uow: UnitOfWork) -> Connection:
    """The SQL unit of work's connection, for stores not yet on the UnitOfWork port."""
    assert isinstance(uow, SqlAlchemyUnitOfWork)
    return uow.connection


def new_user_and_order(services: Services, product: Product) -> tuple[int, int]:
    """A user (through the conversation store) and a paid order row for them."""
    with services.unit_of_work() as uow:
        user_id = uow.conversations.lock(unique_phone(), NOW, "new", "main").user_id
        order_id = (
            connection_of(uow)
            .execute(
                sa.text(
                    "INSERT INTO orders (user_id, product, amount_paise, currency, status, "
                    "profile_ids, payments, created_at, updated_at) VALUES "
                    "(:u, :p, 9900, 'INR', 'paid', '[]', '{}', :t, :t) RETURNING id"
                ),
                {"u": user_id, "p": product.value, "t": NOW},
            )
            .scalar_one()
        )
        uow.commit()
    return user_id, int(order_id)


def grant(order_id: int, product: Product, credits: int) -> LedgerEntry:
    return LedgerEntry(EntryKind.GRANT, product, order_id, credits, f"grant:{order_id}", NOW)


def test_a_grant_delivered_eight_times_at_once_is_recorded_once(services: Services) -> None:
    user_id, order_id = new_user_and_order(services, Product.KUNDALI)
    start = threading.Barrier(8)
    results: list[bool] = []

    def record() -> None:
        start.wait()
        with services.unit_of_work() as uow:
            results.append(
                SqlLedgerStore(connection_of(uow)).record(
                    user_id, grant(order_id, Product.KUNDALI, 1)
                )
            )
            uow.commit()

    threads = [threading.Thread(target=record) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == [False] * 7 + [True]
    with services.unit_of_work() as uow:
        store = SqlLedgerStore(connection_of(uow))
        assert len(store.entries(user_id, Product.KUNDALI)) == 1
        assert entitlement_check(store, user_id)(Product.KUNDALI) is True
        assert entitlement_check(store, user_id)(Product.MILAN) is False


def test_credits_are_used_once_per_message_and_revoked_once(services: Services) -> None:
    user_id, order_id = new_user_and_order(services, Product.QNA)
    with services.unit_of_work() as uow:
        store = SqlLedgerStore(connection_of(uow))
        assert store.record(user_id, grant(order_id, Product.QNA, 2))
        first = consume(store.entries(user_id, Product.QNA), Product.QNA, "SM1", NOW)
        assert store.record(user_id, first)
        replay = consume(store.entries(user_id, Product.QNA), Product.QNA, "SM1", NOW)
        assert store.record(user_id, replay) is False, "a repeated MessageSid spends nothing"
        later = NOW + timedelta(minutes=1)
        assert store.record(user_id, revoke(order_id, Product.QNA, later))
        assert store.record(user_id, revoke(order_id, Product.QNA, later)) is False
        uow.commit()
    with services.unit_of_work() as uow:
        store = SqlLedgerStore(connection_of(uow))
        assert entitlement_check(store, user_id)(Product.QNA) is False
        with pytest.raises(NotEntitled):
            consume(store.entries(user_id, Product.QNA), Product.QNA, "SM2", later)
