"""The entitlement check over a big ledger, for scripts/bench_payments.py.

Seeds users and ledger lines in bulk (grants, uses and revokes of every product, keyed as the
app keys them), then times `entitlement_check(uow.ledger, user)(product)` the way a request
runs it: in a unit of work (a pooled connection, BEGIN, the query, then the unit's end: it
asks whether anything changed and, as nothing did, commits). Also captures the exact
statement the store sent and EXPLAINs it.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa

from backend.domain.entitlements import Product
from backend.domain.payments.ledger_store import entitlement_check
from infrastructure.db.ledger_store import LEDGER, SqlLedgerStore
from infrastructure.db.models import UserRow
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork

USERS = cast(sa.Table, UserRow.__table__)
INDEX = "ix_ledger_user_product"
CHUNK = 10_000
# A user's history is a few of these stories: (product, grant quantity, uses, revoked).
STORIES = (
    (Product.KUNDALI, 1, 1, False),
    (Product.QNA, 4, 2, False),
    (Product.QNA, 4, 4, False),
    (Product.MILAN, 1, 0, False),
    (Product.KUNDALI, 1, 0, True),
    (Product.MILAN, 1, 1, False),
)


def _history(user_id: int, rows: int, rng: random.Random, start: datetime) -> list[dict[str, Any]]:
    """`rows` ledger lines for one user, stories told in time order."""
    lines: list[dict[str, Any]] = []
    at = start + timedelta(minutes=rng.randrange(60 * 24 * 30))
    story = 0
    while len(lines) < rows:
        product, quantity, uses, revoked = rng.choice(STORIES)
        suffix = f"m-{user_id}-{story}"
        story += 1
        kinds = [("grant", quantity, f"grant:{suffix}")]
        kinds += [("consume", 1, f"consume:SM{rng.randbytes(16).hex()}") for _ in range(uses)]
        if revoked:
            kinds.append(("revoke", 0, f"revoke:{suffix}"))
        for kind, qty, key in kinds:
            at += timedelta(minutes=rng.randrange(1, 600))
            lines.append(
                {
                    "user_id": user_id,
                    "product": product.value,
                    "kind": kind,
                    "quantity": qty,
                    "order_id": None,
                    "key": key,
                    "reason": "bench" if kind != "consume" else None,
                    "created_at": at,
                }
            )
    return lines[:rows]


def seed_ledger(engine: sa.Engine, users: int, rows_per_user: int, rng: random.Random) -> list[int]:
    """Insert `users` users with `rows_per_user` ledger lines each; their ids."""
    start = datetime.now(UTC) - timedelta(days=120)
    base = rng.randrange(10**7)
    ids: list[int] = []
    with engine.begin() as conn:
        for first in range(0, users, CHUNK):
            batch = [
                {"phone": f"+9196{(base + n) % 10**8:08d}", "language": "en", "created_at": start}
                for n in range(first, min(users, first + CHUNK))
            ]
            inserted = conn.execute(sa.insert(USERS).returning(USERS.c.id), batch)
            ids.extend(int(row[0]) for row in inserted)
        lines: list[dict[str, Any]] = []
        for user_id in ids:
            lines.extend(_history(user_id, rows_per_user, rng, start))
            if len(lines) >= CHUNK:
                conn.execute(sa.insert(LEDGER), lines)
                lines = []
        if lines:
            conn.execute(sa.insert(LEDGER), lines)
    # Statistics as a live table would have them (autovacuum may not have run yet).
    with engine.begin() as conn:
        conn.execute(sa.text("ANALYZE entitlement_ledger"))
    return ids


@dataclass
class CheckTimes:
    """Seconds per check: whole request-like call, and the check alone inside it."""

    whole: list[float] = field(default_factory=list)
    query: list[float] = field(default_factory=list)
    allowed: int = 0


def time_checks(
    engine: sa.Engine, user_ids: list[int], calls: int, rng: random.Random
) -> CheckTimes:
    """Time `calls` checks for random users and products, each in its own transaction."""
    times = CheckTimes()
    products = list(Product)
    for _ in range(calls):
        user, product = rng.choice(user_ids), rng.choice(products)
        started = time.perf_counter()
        with SqlAlchemyUnitOfWork(engine) as uow:  # as the app checks: in a unit of work
            began = time.perf_counter()
            allowed = entitlement_check(uow.ledger, user)(product)
            checked = time.perf_counter()
        times.whole.append(time.perf_counter() - started)
        times.query.append(checked - began)
        times.allowed += allowed
    return times


def explain_check(engine: sa.Engine, user_id: int) -> list[str]:
    """EXPLAIN ANALYZE of exactly the statement the store sends for one check."""
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    with engine.connect() as conn:
        sa.event.listen(conn, "before_cursor_execute", capture)
        entitlement_check(SqlLedgerStore(conn), user_id)(Product.QNA)
        sa.event.remove(conn, "before_cursor_execute", capture)
        statement, parameters = next(s for s in sent if "entitlement_ledger" in s[0])
        plan = conn.exec_driver_sql("EXPLAIN ANALYZE " + statement, parameters).scalars().all()
        conn.rollback()
    return [str(line) for line in plan]
