"""The admin API's read models in SQL, and the ledger's reason column, on one connection."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, cast

from sqlalchemy import Connection, Select, Table, Text, bindparam, or_, select, update
from sqlalchemy import cast as cast_sql

from backend.domain.admin import LedgerLine, OrderFilter, ProfileView, UserRecord
from backend.domain.payments.order_model import Order, OrderStatus, PaymentAttempt, PaymentState
from infrastructure.db.ledger_store import ledger_entry
from infrastructure.db.models import BirthProfileRow
from infrastructure.db.order_queries import ATTEMPTS, ORDERS, SELECT_ATTEMPTS, SELECT_ORDER, USERS
from infrastructure.db.order_rows import attempt_from, order_from
from infrastructure.db.payment_models import LedgerRow

LEDGER = cast(Table, LedgerRow.__table__)
PROFILES = cast(Table, BirthProfileRow.__table__)

# The repository's order query without its "one id" condition, newest first.
_ORDERS = (
    select(*SELECT_ORDER.selected_columns)
    .select_from(ORDERS.join(USERS, USERS.c.id == ORDERS.c.user_id))
    .order_by(ORDERS.c.created_at.desc(), ORDERS.c.id.desc())
)
_ATTEMPTS_OF = (
    select(ATTEMPTS.c.order_id, *SELECT_ATTEMPTS.selected_columns)
    .where(ATTEMPTS.c.order_id.in_(bindparam("oids", expanding=True)))
    .order_by(ATTEMPTS.c.id)
)
_USER = (
    select(
        USERS.c.id,
        USERS.c.phone,
        USERS.c.language,
        USERS.c.created_at,
        USERS.c.proactive_opt_out,
        PROFILES.c.name,
        PROFILES.c.birth_date,
        PROFILES.c.birth_time,
        PROFILES.c.place_label,
    )
    .select_from(USERS.outerjoin(PROFILES, PROFILES.c.id == USERS.c.profile_id))
    .where(USERS.c.phone == bindparam("phone"))
)
_LINES = select(
    LEDGER.c.id,
    LEDGER.c.user_id,
    LEDGER.c.kind,
    LEDGER.c.product,
    LEDGER.c.order_id,
    LEDGER.c.quantity,
    LEDGER.c.key,
    LEDGER.c.reason,
    LEDGER.c.created_at,
)
_LINES_OF_USER = _LINES.where(LEDGER.c.user_id == bindparam("uid")).order_by(LEDGER.c.id)
_LINE_BY_ID = _LINES.where(LEDGER.c.id == bindparam("lid"))
_LINE_BY_KEY = _LINES.where(LEDGER.c.key == bindparam("key"))
_SET_REASON = update(LEDGER).where(LEDGER.c.key == bindparam("b_key")).values(reason=bindparam("r"))


# payments is JSON text on both databases ({"pay_…": "<state>"}); a payment id never equals
# a state's name, so a quoted state is found only as a value. Rare enough to need no index.
_PAYMENTS = cast_sql(ORDERS.c.payments, Text)
# An order in review always holds a flagged payment; once that is refunded it drops out.
_FLAGGED = or_(
    ORDERS.c.status == OrderStatus.DISPUTED.value,
    *(
        _PAYMENTS.like(f'%"{state.value}"%')
        for state in (PaymentState.FLAGGED, PaymentState.DISPUTED)
    ),
)


class SqlAdminQueries:
    """AdminQueries on the unit of work's connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def orders(self, which: OrderFilter) -> list[Order]:
        """Orders with their attempts, newest first (two queries, whatever the count)."""
        stmt: Select[Any] = _ORDERS.limit(which.limit)
        if which.phone is not None:
            stmt = stmt.where(USERS.c.phone == which.phone)
        if which.status is not None:
            stmt = stmt.where(ORDERS.c.status == which.status.value)
        if which.flagged:
            stmt = stmt.where(_FLAGGED)
        rows = self._conn.execute(stmt).all()
        attempts: dict[int, list[PaymentAttempt]] = defaultdict(list)
        if rows:
            oids = [row.id for row in rows]
            for attempt in self._conn.execute(_ATTEMPTS_OF, {"oids": oids}):
                attempts[attempt.order_id].append(attempt_from(attempt))
        return [order_from(row, attempts[row.id]) for row in rows]

    def user(self, phone: str) -> UserRecord | None:
        """The user with this number and their own birth details, if saved."""
        row = self._conn.execute(_USER, {"phone": phone}).first()
        if row is None:
            return None
        profile = None
        if row.name is not None:
            profile = ProfileView(row.name, row.birth_date, row.birth_time, row.place_label)
        return UserRecord(
            id=row.id,
            phone=row.phone,
            language=row.language,
            created_at=row.created_at,
            proactive_opt_out=bool(row.proactive_opt_out),
            profile=profile,
        )

    def ledger_lines(self, user_id: int) -> list[LedgerLine]:
        """Every line of the user's ledger, in the order written."""
        return [_line(row) for row in self._conn.execute(_LINES_OF_USER, {"uid": user_id})]

    def ledger_line(self, line_id: int) -> LedgerLine | None:
        """One line by row id."""
        row = self._conn.execute(_LINE_BY_ID, {"lid": line_id}).first()
        return None if row is None else _line(row)

    def ledger_line_by_key(self, key: str) -> LedgerLine | None:
        """One line by its unique key."""
        row = self._conn.execute(_LINE_BY_KEY, {"key": key}).first()
        return None if row is None else _line(row)

    def set_reason(self, key: str, reason: str) -> None:
        """Record the operator's reason on the line with this key."""
        result = self._conn.execute(_SET_REASON, {"b_key": key, "r": reason})
        if result.rowcount != 1:
            raise LookupError(f"no ledger line {key!r}")


def _line(row: Any) -> LedgerLine:
    return LedgerLine(id=row.id, user_id=row.user_id, entry=ledger_entry(row), reason=row.reason)
