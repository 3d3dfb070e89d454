"""The SQL behind the order repository, built once at import."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Select, Table, and_, bindparam, func, insert, or_, select, update

from backend.domain.payments.order_model import AttemptStatus, OrderStatus
from infrastructure.db.models import UserRow, UTCDateTime
from infrastructure.db.order_rows import update_attempt_binds
from infrastructure.db.payment_models import OrderRow, PaymentAttemptRow

ORDERS = cast(Table, OrderRow.__table__)
ATTEMPTS = cast(Table, PaymentAttemptRow.__table__)
USERS = cast(Table, UserRow.__table__)

# Orders have no phone column: the user's number is the one the order's links are sent for.
# The user's language and STOP flag come along: the notification that follows needs them.
_ORDER_WITH_USER = (
    select(
        ORDERS.c.id,
        ORDERS.c.user_id,
        USERS.c.phone,
        ORDERS.c.product,
        ORDERS.c.amount_paise,
        ORDERS.c.currency,
        ORDERS.c.status,
        ORDERS.c.paid_payment_id,
        ORDERS.c.review_reason,
        ORDERS.c.profile_ids,
        ORDERS.c.payments,
        ORDERS.c.created_at,
        USERS.c.language,
        USERS.c.proactive_opt_out,
    )
).select_from(ORDERS.join(USERS, USERS.c.id == ORDERS.c.user_id))
SELECT_ORDER = _ORDER_WITH_USER.where(ORDERS.c.id == bindparam("oid"))


def _locked(statement: Select[Any]) -> Select[Any]:
    # Only the order's row: locking the user too would serialise all of a user's orders.
    # NO KEY UPDATE: inserting an attempt or a ledger line for the order need not wait for it.
    return statement.with_for_update(of=ORDERS, key_share=True)


LOCK_ORDER = _locked(SELECT_ORDER)

SELECT_ATTEMPTS = (
    select(
        ATTEMPTS.c.reference_id,
        ATTEMPTS.c.link_id,
        ATTEMPTS.c.url,
        ATTEMPTS.c.status,
        ATTEMPTS.c.created_at,
        ATTEMPTS.c.expires_at,
        ATTEMPTS.c.gateway_order_id,
    )
    .where(ATTEMPTS.c.order_id == bindparam("oid"))
    .order_by(ATTEMPTS.c.id)  # insertion order: the last one is the newest link
)

# What an event may name its order by, each a unique column: found and locked in one go.
_ORDER_OF_ATTEMPT = {
    column: select(ATTEMPTS.c.order_id)
    .where(ATTEMPTS.c[column] == bindparam("key"))
    .scalar_subquery()
    for column in ("link_id", "reference_id", "gateway_order_id")
}
LOCK_ORDER_BY = {
    column: _locked(_ORDER_WITH_USER.where(ORDERS.c.id == order_id))
    for column, order_id in _ORDER_OF_ATTEMPT.items()
} | {
    "paid_payment_id": _locked(_ORDER_WITH_USER.where(ORDERS.c.paid_payment_id == bindparam("key")))
}

# profile_ids is JSON (PostgreSQL's json has no equality), so callers compare it in Python.
CANDIDATES = (
    select(ORDERS.c.id, ORDERS.c.profile_ids)
    .where(
        ORDERS.c.user_id == bindparam("uid"),
        ORDERS.c.product == bindparam("product"),
        ORDERS.c.status.in_(bindparam("statuses", expanding=True)),
    )
    .order_by(ORDERS.c.id.desc())
)

# Correlated: one index probe per waiting order, not a scan of every attempt ever made.
_last_attempt = (
    select(func.max(ATTEMPTS.c.created_at))
    .where(ATTEMPTS.c.order_id == ORDERS.c.id)
    .scalar_subquery()
)
_waiting_since = func.coalesce(_last_attempt, ORDERS.c.created_at)
# Only the newest attempt counts: once a fresh link is issued the order waits on that one.
_newest_attempt_status = (
    select(ATTEMPTS.c.status)
    .where(ATTEMPTS.c.order_id == ORDERS.c.id)
    .order_by(ATTEMPTS.c.id.desc())
    .limit(1)
    .scalar_subquery()
)
PENDING_BEFORE = (
    select(ORDERS.c.id)
    .where(
        ORDERS.c.status.in_([OrderStatus.CREATED.value, OrderStatus.LINK_ISSUED.value]),
        # Only a link that may still take money can settle: orders with no link (the gateway
        # was down) or a spent one would otherwise fill every batch for good.
        _newest_attempt_status.in_([AttemptStatus.ISSUED.value, AttemptStatus.FAILED.value]),
        _waiting_since < bindparam("cutoff", type_=UTCDateTime()),
    )
    # Newest first: an order the gateway can never settle must not starve the recent ones.
    .order_by(_waiting_since.desc(), ORDERS.c.id.desc())
    .limit(bindparam("limit"))
)

RETRY_CANDIDATES = (
    select(ORDERS.c.id)
    .where(
        ORDERS.c.created_at >= bindparam("since", type_=UTCDateTime()),
        or_(
            and_(
                ORDERS.c.status.in_([OrderStatus.LINK_ISSUED.value, OrderStatus.EXPIRED.value]),
                _newest_attempt_status.in_(
                    [AttemptStatus.FAILED.value, AttemptStatus.EXPIRED.value]
                ),
            ),
            # Cancelled by us for a successor the gateway then failed to make (a cancel from
            # elsewhere closes the order): still owed its fresh link.
            and_(
                ORDERS.c.status == OrderStatus.LINK_ISSUED.value,
                _newest_attempt_status == AttemptStatus.CANCELLED.value,
            ),
        ),
    )
    .order_by(ORDERS.c.id)
    .limit(bindparam("limit"))
)

INSERT_ORDER = insert(ORDERS).returning(ORDERS.c.id)
# Bind names differ from column names: SQLAlchemy reserves those for SET.
UPDATE_ORDER = (
    update(ORDERS)
    .where(ORDERS.c.id == bindparam("oid"))
    .values(
        status=bindparam("b_status"),
        paid_payment_id=bindparam("b_paid_payment_id"),
        review_reason=bindparam("b_review_reason"),
        payments=bindparam("b_payments"),
        updated_at=bindparam("b_updated_at"),
    )
)
INSERT_ATTEMPTS = insert(ATTEMPTS)
UPDATE_ATTEMPT = (
    update(ATTEMPTS)
    .where(ATTEMPTS.c.order_id == bindparam("oid"), ATTEMPTS.c.reference_id == bindparam("ref"))
    .values({name: bindparam(bind) for name, bind in update_attempt_binds().items()})
)
