"""Orders and their payment attempts in SQL, each read for a change locking the order's row."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Executable

from backend.domain.entitlements import Product
from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.order_model import OPEN_STATUSES, Order, OrderStatus
from infrastructure.db import order_queries as q
from infrastructure.db.order_rows import attempt_from, attempt_writes, order_from


class SqlOrderRepository:
    """OrderRepository on the unit of work's connection.

    PostgreSQL locks with SELECT … FOR UPDATE; SQLite already holds the database's write
    lock from BEGIN IMMEDIATE, so there the lock clause is simply not rendered.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def create(
        self,
        user_id: int,
        phone: str,
        product: Product,
        amount_paise: int,
        profile_ids: tuple[int, ...],
        now: datetime,
    ) -> Order:
        """Insert a new order in status created and return it with its id."""
        order = Order(
            id=0,
            user_id=user_id,
            phone=phone,
            product=product,
            amount_paise=amount_paise,
            created_at=now,
            profile_ids=profile_ids,
        )  # validates the amount before anything is written
        values: dict[str, Any] = {
            "user_id": user_id,
            "product": product.value,
            "amount_paise": amount_paise,
            "currency": order.currency,
            "status": OrderStatus.CREATED.value,
            "paid_payment_id": None,
            "review_reason": None,
            "profile_ids": list(profile_ids),
            "payments": {},
            "created_at": now,
            "updated_at": now,
        }
        order.id = int(self._conn.execute(q.INSERT_ORDER, values).scalar_one())
        return order

    def get(self, order_id: int) -> Order | None:
        """The order with its attempts, locked until the unit of work ends."""
        return self._load(q.LOCK_ORDER, order_id)

    def find_for_event(self, event: PaymentEvent) -> Order | None:
        """The order the event is about, by the most direct id it carries, locked."""
        if event.order_id is not None:
            order = self.get(event.order_id)
            if order is not None:
                return order
        keys = (
            ("link_id", event.link_id),
            ("reference_id", event.reference_id),
            ("gateway_order_id", event.gateway_order_id),
        )
        for column, key in keys:
            if key:
                order_id = self._conn.scalar(q.ORDER_BY_ATTEMPT[column], {"key": key})
                if order_id is not None:
                    return self.get(order_id)
        if event.payment_id:
            order_id = self._conn.scalar(q.ORDER_BY_PAYMENT, {"key": event.payment_id})
            if order_id is not None:
                return self.get(order_id)
        return None

    def open_for(
        self, user_id: int, product: Product, profile_ids: tuple[int, ...]
    ) -> Order | None:
        """The newest order for this product and profiles that can still take money, locked."""
        return self._newest(user_id, product, profile_ids, OPEN_STATUSES, lock=True)

    def paid_for(
        self, user_id: int, product: Product, profile_ids: tuple[int, ...]
    ) -> Order | None:
        """The newest paid order for this product and profiles (a read: not locked)."""
        return self._newest(
            user_id, product, profile_ids, frozenset({OrderStatus.PAID}), lock=False
        )

    def save(self, order: Order) -> None:
        """Write status, payments and attempts back; attempts are matched by reference id.

        A payment id already paying another order raises IntegrityError: that is a bug to
        surface, never to paper over.
        """
        result = self._conn.execute(
            q.UPDATE_ORDER,
            {
                "oid": order.id,
                "b_status": order.status.value,
                "b_paid_payment_id": order.paid_payment_id,
                "b_review_reason": order.review_reason,
                "b_payments": {key: state.value for key, state in order.payments.items()},
                "b_updated_at": datetime.now(UTC),
            },
        )
        if result.rowcount != 1:
            raise LookupError(f"order {order.id} does not exist")
        stored = self._conn.execute(q.SELECT_ATTEMPTS, {"oid": order.id})
        new, changed = attempt_writes(order, stored)
        if new:
            self._conn.execute(q.INSERT_ATTEMPTS, new)
        if changed:
            self._conn.execute(q.UPDATE_ATTEMPT, changed)

    def retry_candidates(self, since: datetime, limit: int) -> list[int]:
        """Orders created since then whose newest link failed or expired, oldest first."""
        rows = self._conn.execute(q.RETRY_CANDIDATES, {"since": since, "limit": limit})
        return [int(row.id) for row in rows]

    def pending_before(self, cutoff: datetime, limit: int) -> list[int]:
        """Orders waiting for money whose newest attempt (else the order) predates cutoff."""
        rows = self._conn.execute(q.PENDING_BEFORE, {"cutoff": cutoff, "limit": limit})
        return [int(row.id) for row in rows]

    def _newest(
        self,
        user_id: int,
        product: Product,
        profile_ids: tuple[int, ...],
        statuses: frozenset[OrderStatus],
        lock: bool,
    ) -> Order | None:
        wanted = [status.value for status in statuses]
        params = {"uid": user_id, "product": product.value, "statuses": wanted}
        for row in self._conn.execute(q.CANDIDATES, params).all():
            if tuple(row.profile_ids or ()) != profile_ids:
                continue
            order = self._load(q.LOCK_ORDER if lock else q.SELECT_ORDER, row.id)
            # The candidates were read unlocked: a payment may have moved this one on since.
            if order is not None and order.status in statuses:
                return order
        return None

    def _load(self, statement: Executable, order_id: int) -> Order | None:
        row = self._conn.execute(statement, {"oid": order_id}).first()
        if row is None:
            return None
        # Attempts are read after the order's lock is held, so they are current too.
        attempts = [
            attempt_from(a) for a in self._conn.execute(q.SELECT_ATTEMPTS, {"oid": order_id})
        ]
        return order_from(row, attempts)
