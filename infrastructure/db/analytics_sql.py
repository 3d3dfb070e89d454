"""The aggregate statements behind the admin summary and the gauges, built once at import.

Orders have no paid_at column: an order's paid time is when the first paying webhook for its
payment arrived, or its updated_at when reconciliation (no webhook) paid it. A refund's time
is the refunded order's updated_at (refunded is final, so nothing moves it later).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, bindparam, case, exists, func, select, true

from backend.domain.payments.order_model import OrderStatus
from backend.domain.payments.ports import OutboxStatus
from infrastructure.db.models import BirthProfileRow, ConversationRow, UTCDateTime
from infrastructure.db.order_queries import ATTEMPTS, ORDERS, USERS
from infrastructure.db.payment_models import OutboxRow, PaymentEventRow

CONVERSATIONS = cast(Table, ConversationRow.__table__)
PROFILES = cast(Table, BirthProfileRow.__table__)
EVENTS = cast(Table, PaymentEventRow.__table__)
OUTBOX = cast(Table, OutboxRow.__table__)

# Razorpay's names (payment_events.event_type keeps the gateway's own) for "money arrived".
PAYING_EVENTS = ("payment_link.paid", "payment.captured", "order.paid")
# Money was taken for these, whatever happened to it afterwards.
WAS_PAID = tuple(s.value for s in (OrderStatus.PAID, OrderStatus.REFUNDED, OrderStatus.DISPUTED))
_REFUNDED = OrderStatus.REFUNDED.value

_START = bindparam("start", type_=UTCDateTime())
_END = bindparam("end", type_=UTCDateTime())


def _count_in(table: Table, column: str = "created_at") -> Any:
    """COUNT(*) of the table's rows whose time column falls in [start, end)."""
    at = table.c[column]
    return select(func.count()).where(at >= _START, at < _END).scalar_subquery()


def _sum(expr: Any) -> Any:
    return func.coalesce(func.sum(expr), 0)


# One round trip for the people figures.
PEOPLE = select(
    _count_in(USERS),
    select(func.count()).where(USERS.c.created_at < _END).scalar_subquery(),
    _count_in(CONVERSATIONS),
    select(func.count())
    .select_from(USERS.join(PROFILES, PROFILES.c.id == USERS.c.profile_id))
    .where(PROFILES.c.created_at >= _START, PROFILES.c.created_at < _END)
    .scalar_subquery(),
    select(func.count(ORDERS.c.user_id.distinct()))
    .select_from(ATTEMPTS.join(ORDERS, ORDERS.c.id == ATTEMPTS.c.order_id))
    .where(ATTEMPTS.c.created_at >= _START, ATTEMPTS.c.created_at < _END)
    .scalar_subquery(),
)

_FIRST_PAYING_EVENT = (
    select(func.min(EVENTS.c.received_at))
    .where(EVENTS.c.payment_id == ORDERS.c.paid_payment_id)
    .where(EVENTS.c.event_type.in_(PAYING_EVENTS))
    .scalar_subquery()
)
_PAID_AT = func.coalesce(_FIRST_PAYING_EVENT, ORDERS.c.updated_at)
_LINKS = select(func.count()).where(ATTEMPTS.c.order_id == ORDERS.c.id).scalar_subquery()
_PAID = (
    select(
        ORDERS.c.user_id,
        ORDERS.c.product,
        ORDERS.c.amount_paise.label("amount"),
        ORDERS.c.status,
        _LINKS.label("links"),
    )
    .where(ORDERS.c.status.in_(WAS_PAID), _PAID_AT >= _START, _PAID_AT < _END)
    .subquery("paid")
)
REVENUE = select(
    _PAID.c.product,
    func.count(),
    _sum(_PAID.c.amount),
    _sum(case((_PAID.c.status == _REFUNDED, _PAID.c.amount), else_=0)),
).group_by(_PAID.c.product)
_RECOVERED = _PAID.c.links > 1
PAID_PEOPLE = select(
    func.count(_PAID.c.user_id.distinct()),
    _sum(case((_RECOVERED, 1), else_=0)),
    _sum(case((_RECOVERED, _PAID.c.amount), else_=0)),
)

_HAS_LINK = exists().where(ATTEMPTS.c.order_id == ORDERS.c.id)
_TRIED = (
    select(
        func.count().label("tried"),
        _sum(case((ORDERS.c.status.in_(WAS_PAID), 1), else_=0)).label("paid"),
    )
    .where(ORDERS.c.created_at >= _START, ORDERS.c.created_at < _END, _HAS_LINK)
    .subquery("tried")
)
_REFUNDS = (
    select(func.count().label("refunds"), _sum(ORDERS.c.amount_paise).label("refunded"))
    .where(ORDERS.c.status == _REFUNDED)
    .where(ORDERS.c.updated_at >= _START, ORDERS.c.updated_at < _END)
    .subquery("refunds")
)
# Each side is one row of aggregates, so joining them on TRUE gives exactly one row.
MONEY = select(_TRIED, _REFUNDS).select_from(_TRIED.join(_REFUNDS, true()))

ORDERS_BY_STATUS = select(ORDERS.c.status, func.count()).group_by(ORDERS.c.status)
OUTBOX_WAITING = (
    select(OUTBOX.c.status, func.count())
    .where(OUTBOX.c.status.in_((OutboxStatus.PENDING.value, OutboxStatus.DEAD.value)))
    .group_by(OUTBOX.c.status)
)
