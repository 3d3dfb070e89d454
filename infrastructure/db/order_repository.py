"""Orders and their payment attempts in SQL, each read for a change locking the order's row."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, Executable
from sqlalchemy.exc import IntegrityError

from backend.domain.entitlements import Product
from backend.domain.payments.attempts import names_order
from backend.domain.payments.events import PaymentEvent
from backend.domain.payments.order_model import OPEN_STATUSES, Order, OrderStatus, PaymentClash
from infrastructure.db import order_queries as q
from infrastructure.db.order_rows import (
    attempt_from,
    attempt_writes,
    attempts_of,
    order_from,
    order_writes,
    stored_attempts,
)
from infrastructure.db.user_directory import SqlUserDirectory

# An order's writable values and its attempts, as this transaction last read or wrote them.
_Snapshot = tuple[dict[str, Any], dict[str, dict[str, Any]]]


class SqlOrderRepository:
    """OrderRepository on the unit of work's connection.

    PostgreSQL locks with SELECT … FOR UPDATE; SQLite already holds the database's write
    lock from BEGIN IMMEDIATE, so there the lock clause is simply not rendered.

    Orders this transaction locked (or created) are remembered as read, so `save` writes
    only what changed and need not read the attempts again: nobody else can change them
    while the lock is held.
    """

    def __init__(self, conn: Connection, users: SqlUserDirectory) -> None:
        self._conn = conn
        self._users = users
        self._held: dict[int, _Snapshot] = {}

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
        self._remember(order)  # invisible to others until commit: as good as locked
        return order

    def get(self, order_id: int) -> Order | None:
        """The order with its attempts, locked until the unit of work ends."""
        return self._load(q.LOCK_ORDER, {"oid": order_id}, lock=True)

    def find_for_event(self, event: PaymentEvent) -> Order | None:
        """The order the event is about, by an id we issued or were paid with, locked.

        The order_id note is tried first, as the cheapest lookup, but only kept when that
        order confirms one of the event's other ids (see names_order).
        """
        if event.order_id is not None:
            order = self.get(event.order_id)
            if order is not None and names_order(order, event):
                return order
        keys = (
            ("link_id", event.link_id),
            ("reference_id", event.reference_id),
            ("gateway_order_id", event.gateway_order_id),
            ("paid_payment_id", event.payment_id),
        )
        for column, key in keys:
            if key:
                order = self._load(q.LOCK_ORDER_BY[column], {"key": key}, lock=True)
                if order is not None:
                    return order
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

    def paid_with_profiles(self, user_id: int, product: Product) -> list[int]:
        """Ids of the user's paid orders for product that still name their birth profiles."""
        params = {"uid": user_id, "product": product.value, "statuses": [OrderStatus.PAID.value]}
        return [int(row.id) for row in self._conn.execute(q.CANDIDATES, params) if row.profile_ids]

    def save(self, order: Order) -> None:
        """Write status, payments and attempts back; attempts are matched by reference id.

        A payment id already paying another order raises PaymentClash, and the transaction
        can only be rolled back: it is never papered over.
        """
        held = self._held.get(order.id)
        values = order_writes(order)
        if held is None or held[0] != values:
            values.update(oid=order.id, b_updated_at=datetime.now(UTC))
            if self._update(values).rowcount != 1:
                raise LookupError(f"order {order.id} does not exist")
        if held is None:
            attempts = stored_attempts(self._conn.execute(q.SELECT_ATTEMPTS, {"oid": order.id}))
        else:
            attempts = held[1]
        new, changed = attempt_writes(order, attempts)
        if new:
            self._conn.execute(q.INSERT_ATTEMPTS, new)
        if changed:
            self._conn.execute(q.UPDATE_ATTEMPT, changed)
        if held is not None:
            self._remember(order)

    def _update(self, values: dict[str, Any]) -> CursorResult[Any]:
        try:
            return self._conn.execute(q.UPDATE_ORDER, values)
        except IntegrityError as exc:
            # paid_payment_id is the only unique column an order update writes.
            if values["b_paid_payment_id"] is None:
                raise
            raise PaymentClash(
                f"payment {values['b_paid_payment_id']} already paid another order"
            ) from exc

    def retry_candidates(self, since: datetime, limit: int) -> list[int]:
        """Orders created since then still owed a fresh link (their newest failed, expired, or
        was cancelled by us for a successor never made), oldest first."""
        rows = self._conn.execute(q.RETRY_CANDIDATES, {"since": since, "limit": limit})
        return [int(row.id) for row in rows]

    def pending_before(self, cutoff: datetime, limit: int) -> list[int]:
        """Orders whose newest link may still take money (issued or failed) and predates
        cutoff, newest first."""
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
            statement = q.LOCK_ORDER if lock else q.SELECT_ORDER
            order = self._load(statement, {"oid": row.id}, lock=lock)
            # The candidates were read unlocked: a payment may have moved this one on since.
            if order is not None and order.status in statuses:
                return order
        return None

    def _load(self, statement: Executable, params: dict[str, Any], lock: bool) -> Order | None:
        row = self._conn.execute(statement, params).first()
        if row is None:
            return None
        self._users.remember(row.user_id, row)
        # Attempts are read after the order's lock is held, so they are current too.
        attempts = [attempt_from(a) for a in self._conn.execute(q.SELECT_ATTEMPTS, {"oid": row.id})]
        order = order_from(row, attempts)
        if lock:
            self._remember(order)
        return order

    def _remember(self, order: Order) -> None:
        self._held[order.id] = (order_writes(order), attempts_of(order))
