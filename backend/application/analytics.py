"""Use cases behind the admin summary and the scrape-time gauges."""

from __future__ import annotations

import re
from datetime import date, datetime

from backend.application.admin.errors import InvalidInput, NotWired
from backend.domain.analytics import (
    DEFAULT_DAYS,
    AnalyticsReader,
    InvalidPeriod,
    OperationsSnapshot,
    Period,
    Summary,
    ist_today,
    recent_days,
)

# date.fromisoformat also takes 20240101 and week dates; the API promises YYYY-MM-DD only.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def period_from(first: str | None, last: str | None, now: datetime) -> Period:
    """The IST days asked for (default: the last 30, today included), or InvalidInput."""
    end = _day("to", last) if last else ist_today(now)
    try:
        if not first:
            return recent_days(end, DEFAULT_DAYS)
        return Period(_day("from", first), end)
    except InvalidPeriod as exc:
        raise InvalidInput(str(exc)) from None


def _day(name: str, text: str) -> date:
    value = text.strip()
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass  # shaped like a date but not one (2024-02-30): same answer as any other
    raise InvalidInput(f"'{name}' must be a date as YYYY-MM-DD")


def summary(reader: AnalyticsReader | None, period: Period) -> Summary:
    """The business figures for the period."""
    return _wired(reader).summary(period)


def operations(reader: AnalyticsReader | None) -> OperationsSnapshot:
    """Orders by status and the outbox queue, as they stand now."""
    return _wired(reader).operations()


def _wired(reader: AnalyticsReader | None) -> AnalyticsReader:
    if reader is None:
        raise NotWired("analytics are not configured in this process")
    return reader
