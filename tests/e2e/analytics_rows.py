"""Writes the generated analytics data set straight into the tables, with its chosen times."""

from __future__ import annotations

import itertools
import random
import uuid
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from backend.bootstrap import Services
from infrastructure.db.models import BirthProfileRow, ConversationRow, UserRow
from infrastructure.db.payment_models import OrderRow, PaymentAttemptRow, PaymentEventRow
from tests.e2e.analytics_seed import SeedOrder, SeedUser

_ORDER_IDS = itertools.count(10**12 + random.SystemRandom().randrange(10**9) * 1000)


def far_order_id() -> int:
    """An order id far above the ones other tests create (some expect low ids to be free)."""
    return next(_ORDER_IDS)


def _insert(conn: sa.Connection, row: type[Any], **values: Any) -> int:
    result = conn.execute(sa.insert(row).values(**values))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _profile(conn: sa.Connection, user_id: int, at: datetime) -> int:
    return _insert(
        conn,
        BirthProfileRow,
        user_id=user_id,
        name="Seed",
        birth_date=date(1990, 1, 1),
        birth_time=None,
        place_label="Pune, India",
        latitude=18.52,
        longitude=73.86,
        timezone="Asia/Kolkata",
        created_at=at,
    )


def _store_order(conn: sa.Connection, user_id: int, order: SeedOrder) -> None:
    order_id = _insert(
        conn,
        OrderRow,
        id=far_order_id(),
        user_id=user_id,
        product=order.product,
        amount_paise=order.amount,
        currency="INR",
        status=order.status,
        paid_payment_id=order.payment_id,
        profile_ids=[],
        payments={},
        created_at=order.created_at,
        updated_at=order.updated_at,
    )
    for at in order.attempts:
        tag = uuid.uuid4().hex[:16]
        _insert(
            conn,
            PaymentAttemptRow,
            order_id=order_id,
            reference_id=f"ba-{tag}",
            link_id=f"plink_{tag}",
            url=f"https://rzp.io/i/{tag}",
            status="expired",  # never "issued": the expiry sweep would reach for it
            created_at=at,
            expires_at=at + timedelta(hours=1),
        )
    for kind, payment_id, at in order.events:
        _insert(
            conn,
            PaymentEventRow,
            event_id=f"evt_{uuid.uuid4().hex}",
            event_type=kind,
            payload_sha256="0" * 64,
            payment_id=payment_id,
            status="applied",
            received_at=at,
        )


def store(services: Services, users: list[SeedUser]) -> None:
    """Write the data set straight into the tables, with its chosen times."""
    with services.unit_of_work() as uow:
        conn: sa.Connection = uow.connection  # type: ignore[attr-defined]
        for user in users:
            uid = _insert(
                conn, UserRow, phone=user.phone, language="en", created_at=user.created_at
            )
            if user.conversation_at is not None:
                _insert(
                    conn,
                    ConversationRow,
                    user_id=uid,
                    flow="main",
                    state="menu",
                    context={},
                    version=0,
                    created_at=user.conversation_at,
                    updated_at=user.conversation_at,
                )
            for at in user.partner_profiles_at:
                _profile(conn, uid, at)
            if user.own_profile_at is not None:
                own = _profile(conn, uid, user.own_profile_at)
                conn.execute(sa.update(UserRow).where(UserRow.id == uid).values(profile_id=own))
            for order in user.orders:
                _store_order(conn, uid, order)
        uow.commit()
