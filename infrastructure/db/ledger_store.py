"""The entitlement ledger in SQL: unique keys make grants, uses and revokes happen once."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select

from backend.domain.entitlements import Product
from backend.domain.payments.ledger import EntryKind, LedgerEntry
from infrastructure.db.payment_models import LedgerRow
from infrastructure.db.upsert import insert_ignoring_conflict

LEDGER = cast(Table, LedgerRow.__table__)

# Served by ix_ledger_user_product.
_ENTRIES = select(
    LEDGER.c.kind,
    LEDGER.c.product,
    LEDGER.c.order_id,
    LEDGER.c.quantity,
    LEDGER.c.key,
    LEDGER.c.created_at,
).where(LEDGER.c.user_id == bindparam("uid"), LEDGER.c.product == bindparam("product"))


class SqlLedgerStore:
    """LedgerStore on the unit of work's connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def record(self, user_id: int, entry: LedgerEntry) -> bool:
        """Insert the line unless its key exists (the database decides, race-free)."""
        values = {
            "user_id": user_id,
            "product": entry.product.value,
            "kind": entry.kind.value,
            "quantity": entry.quantity,
            "order_id": entry.order_id,
            "key": entry.key,
            "created_at": entry.at,
        }
        return insert_ignoring_conflict(self._conn, LEDGER, values, ("key",))

    def entries(self, user_id: int, product: Product) -> list[LedgerEntry]:
        """The user's lines for one product."""
        rows = self._conn.execute(_ENTRIES, {"uid": user_id, "product": product.value})
        return [ledger_entry(row) for row in rows]


def ledger_entry(row: Any) -> LedgerEntry:
    """The domain line of a ledger row."""
    return LedgerEntry(
        kind=EntryKind(row.kind),
        product=Product(row.product),
        order_id=row.order_id,
        quantity=row.quantity,
        key=row.key,
        at=row.created_at,
    )
