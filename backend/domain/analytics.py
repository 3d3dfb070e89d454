"""Business figures for a span of IST calendar days, and the port that computes them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Protocol

from backend.domain.entitlements import Product

# India has no daylight saving: a fixed offset is exact and needs no tz database.
IST = timezone(timedelta(hours=5, minutes=30), "IST")
DEFAULT_DAYS = 30
MAX_DAYS = 366


class InvalidPeriod(ValueError):
    """The requested days are backwards or span too long."""


@dataclass(frozen=True)
class Period:
    """Calendar days in IST, first to last inclusive."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidPeriod("'from' must not be after 'to'")
        if self.days > MAX_DAYS:
            raise InvalidPeriod(f"the range may span at most {MAX_DAYS} days")

    @property
    def days(self) -> int:
        """How many calendar days the period holds."""
        return (self.last - self.first).days + 1

    @property
    def start(self) -> datetime:
        """Midnight IST at the start of the first day, in UTC (included)."""
        return datetime.combine(self.first, time(), IST).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """Midnight IST after the last day, in UTC (excluded)."""
        return datetime.combine(self.last + timedelta(days=1), time(), IST).astimezone(UTC)


def ist_today(now: datetime) -> date:
    """The calendar day in India at the given aware time."""
    return now.astimezone(IST).date()


def recent_days(today: date, days: int = DEFAULT_DAYS) -> Period:
    """The last `days` days, today included."""
    return Period(today - timedelta(days=days - 1), today)


@dataclass(frozen=True)
class Funnel:
    """How far people got: conversation → birth details → payment link → paid."""

    started: int
    details_complete: int
    link_issued: int
    paid: int


@dataclass(frozen=True)
class ProductRevenue:
    """Money taken for one product from orders paid in the period (integer paise)."""

    orders: int = 0
    paid_paise: int = 0
    refunded_paise: int = 0

    @property
    def net_paise(self) -> int:
        """What was kept after refunds."""
        return self.paid_paise - self.refunded_paise


@dataclass(frozen=True)
class Summary:
    """The admin summary's figures for one period (see DEFINITIONS)."""

    users_new: int
    users_total: int
    funnel: Funnel
    revenue: Mapping[Product, ProductRevenue]
    orders_with_attempts: int
    orders_paid: int
    recovered_orders: int
    recovered_paise: int
    refunds: int
    refunded_paise: int

    @property
    def success_rate(self) -> float | None:
        """Paid share of the orders that got a payment link (None when none did)."""
        if not self.orders_with_attempts:
            return None
        return round(self.orders_paid / self.orders_with_attempts, 4)


@dataclass(frozen=True)
class OperationsSnapshot:
    """What an operator watches right now: orders by status, the outbox's queue."""

    orders_by_status: Mapping[str, int]
    outbox_pending: int
    outbox_dead: int


class AnalyticsReader(Protocol):
    """Computes figures in the store itself (aggregate queries, not row by row)."""

    def summary(self, period: Period) -> Summary:
        """The figures for the period."""
        ...

    def operations(self) -> OperationsSnapshot:
        """The current operational gauges."""
        ...


# Shown with the figures, so nobody has to guess what a number counts.
DEFINITIONS: dict[str, str] = {
    "period": "IST calendar days from 'from' to 'to' inclusive; times compared in UTC",
    "users.new": "users created (first contact) in the period",
    "users.total": "users created before the period ended",
    "funnel.started": "conversations created in the period",
    "funnel.details_complete": (
        "users whose own saved birth profile (users.profile_id; not a match partner's) "
        "was created in the period"
    ),
    "funnel.link_issued": "distinct users sent a payment link (attempt created) in the period",
    "funnel.paid": "distinct users with an order paid in the period",
    "paid_at": (
        "when the first paying webhook (payment_link.paid, payment.captured, order.paid) for "
        "the order's payment was received; orders paid by reconciliation: orders.updated_at"
    ),
    "revenue_by_product": (
        "orders now paid, refunded or disputed whose paid_at is in the period; paid_paise is "
        "their amount, refunded_paise the amount of those since refunded (refunds are whole)"
    ),
    "payment_success_rate": (
        "orders created in the period with at least one payment link: paid (now paid, "
        "refunded or disputed) / all of them"
    ),
    "retries_recovered": "orders paid in the period that needed more than one payment link",
    "refunds": "orders refunded in the period (refund time: orders.updated_at)",
}
