"""Admin keys, the audit log and the admin read models on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from backend.domain.admin import AuditEntry, OrderFilter
from backend.domain.entitlements import Product
from backend.domain.payments.ledger import manual_grant, revoke_grant
from backend.domain.payments.orders import OrderStatus, new_attempt
from backend.domain.profile import BirthProfile
from infrastructure.db.admin_store import SqlAdminAudit, SqlAdminKeyStore, SqlAdminUnitOfWork
from tests.whatsapp import unique_phone

NOW = datetime.now(UTC).replace(microsecond=0)
ASHA = BirthProfile("Asha", date(1990, 8, 15), time(22, 30), "Pune, India", 18.52, 73.86, "UTC")


def a_name() -> str:
    return f"ops-{uuid.uuid4().hex[:10]}"


def test_a_key_name_is_taken_once_and_revoked_once(engine: Engine) -> None:
    store, name = SqlAdminKeyStore(engine), a_name()
    assert store.add(name, "a" * 64, NOW)
    assert not store.add(name, "b" * 64, NOW)  # the name decides, whatever the key
    first = store.revoke(name, NOW + timedelta(minutes=1))
    again = store.revoke(name, NOW + timedelta(minutes=2))
    assert first is not None and again is not None
    assert first.revoked_at == again.revoked_at == NOW + timedelta(minutes=1)
    (stored,) = [key for key in store.stored() if key.name == name]
    assert (stored.source, stored.key_sha256, stored.created_at) == ("db", "a" * 64, NOW)
    assert store.revoke(a_name(), NOW) is None


def test_audit_entries_come_back_newest_first_with_their_detail(engine: Engine) -> None:
    audit, name = SqlAdminAudit(engine), a_name()
    audit.record(AuditEntry(None, "GET", "/admin/api/v1/orders", 401, None, NOW))
    detail: dict[str, object] = {"query": {"limit": "5"}, "grant_id": 7}
    audit.record(AuditEntry(name, "POST", "/admin/api/v1/grants", 201, detail, NOW))
    newest, before = audit.recent(2)
    assert newest == AuditEntry(name, "POST", "/admin/api/v1/grants", 201, detail, NOW)
    assert (before.key_name, before.status, before.detail) == (None, 401, None)


def seed_user(engine: Engine, orders: list[tuple[OrderStatus, int]]) -> tuple[str, int, list[int]]:
    """A user with a profile and orders (status, minutes after NOW), each with one link."""
    phone = unique_phone()
    ids: list[int] = []
    with SqlAdminUnitOfWork(engine) as uow:
        conversation = uow.conversations.lock(phone, NOW, "menu", "main")
        conversation.language = "mr"
        conversation.save_profile(ASHA)
        uow.conversations.save(conversation)
        for status, minutes in orders:
            at = NOW + timedelta(minutes=minutes)
            order = uow.orders.create(conversation.user_id, phone, Product.QNA, 9900, (), at)
            tag = uuid.uuid4().hex[:12]
            link = f"https://rzp.io/i/{tag}"
            new_attempt(order, f"ba-{tag}", f"plink_{tag}", link, at, at + timedelta(hours=1))
            uow.orders.save(order)
            uow.connection.execute(
                sa.text("UPDATE orders SET status = :s WHERE id = :i"),
                {"s": status.value, "i": order.id},
            )
            ids.append(order.id)
        uow.commit()
    return phone, conversation.user_id, ids


def test_orders_are_filtered_by_phone_status_and_limit_newest_first(engine: Engine) -> None:
    plan = [(OrderStatus.PAID, 1), (OrderStatus.EXPIRED, 3), (OrderStatus.PAID, 2)]
    phone, _, (first, second, third) = seed_user(engine, plan)
    seed_user(engine, [(OrderStatus.PAID, 4)])
    with SqlAdminUnitOfWork(engine) as uow:
        mine = uow.admin.orders(OrderFilter(phone=phone))
        paid = uow.admin.orders(OrderFilter(phone=phone, status=OrderStatus.PAID))
        newest = uow.admin.orders(OrderFilter(phone=phone, limit=1))
        any_paid = uow.admin.orders(OrderFilter(status=OrderStatus.PAID, limit=3))
    assert [o.id for o in mine] == [second, third, first]
    assert [o.id for o in paid] == [third, first]
    assert [o.id for o in newest] == [second]
    assert len(any_paid) == 3 and {o.status for o in any_paid} == {OrderStatus.PAID}
    (attempt,) = mine[0].attempts
    assert attempt.link_id.startswith("plink_") and attempt.url.startswith("https://rzp.io/")
    assert mine[0].phone == phone and mine[0].created_at == NOW + timedelta(minutes=3)


def test_a_user_is_found_by_number_with_their_own_profile(engine: Engine) -> None:
    phone, user_id, _ = seed_user(engine, [])
    with SqlAdminUnitOfWork(engine) as uow:
        user = uow.admin.user(phone)
        assert uow.admin.user(unique_phone()) is None
    assert user is not None and user.profile is not None
    assert (user.id, user.phone, user.language, user.proactive_opt_out) == (
        user_id,
        phone,
        "mr",
        False,
    )
    assert (user.profile.name, user.profile.birth_time) == ("Asha", time(22, 30))


def test_ledger_lines_carry_their_id_and_the_operators_reason(engine: Engine) -> None:
    _, user_id, _ = seed_user(engine, [])
    grant = manual_grant(Product.KUNDALI, 1, uuid.uuid4().hex[:12], NOW)
    with SqlAdminUnitOfWork(engine) as uow:
        uow.ledger.record(user_id, grant)
        uow.admin.set_reason(grant.key, "goodwill")
        undo = revoke_grant(grant.key, Product.KUNDALI, None, NOW)
        uow.ledger.record(user_id, undo)
        with pytest.raises(LookupError):
            uow.admin.set_reason("grant:m-none", "x")
        uow.commit()
    with SqlAdminUnitOfWork(engine) as uow:
        lines = uow.admin.ledger_lines(user_id)
        by_key = uow.admin.ledger_line_by_key(grant.key)
        assert by_key is not None
        assert uow.admin.ledger_line(by_key.id) == by_key
        assert uow.admin.ledger_line_by_key("grant:m-none") is None
    assert [(line.entry, line.reason) for line in lines] == [(grant, "goodwill"), (undo, None)]
    assert by_key.user_id == user_id
