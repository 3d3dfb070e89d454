"""The summary's period: IST calendar days, defaults, and the ranges refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from backend.application.admin.errors import InvalidInput
from backend.application.analytics import period_from
from backend.domain.analytics import Period

# 20:00 UTC on 31 Jan is already 1 Feb in India.
NOW = datetime(2024, 1, 31, 20, 0, tzinfo=UTC)


def test_ist_days_become_utc_bounds_half_open() -> None:
    period = Period(date(2024, 3, 1), date(2024, 3, 31))

    assert period.start == datetime(2024, 2, 29, 18, 30, tzinfo=UTC)
    assert period.end == datetime(2024, 3, 31, 18, 30, tzinfo=UTC)
    assert period.days == 31


def test_the_default_is_the_last_30_days_to_today_in_india() -> None:
    assert period_from(None, None, NOW) == Period(date(2024, 1, 3), date(2024, 2, 1))


def test_only_to_means_the_30_days_before_it() -> None:
    assert period_from("", "2024-01-30", NOW) == Period(date(2024, 1, 1), date(2024, 1, 30))


def test_only_from_runs_to_today() -> None:
    assert period_from("2024-01-15", None, NOW) == Period(date(2024, 1, 15), date(2024, 2, 1))


@pytest.mark.parametrize(
    ("first", "last", "says"),
    [
        ("2024-02-30", "2024-03-01", "'from' must be a date"),
        ("2024-01-01", "01/02/2024", "'to' must be a date"),
        ("2024-W01-1", "2024-01-31", "'from' must be a date"),
        ("2024-01-31", "2024-01-01", "must not be after"),
        ("2024-03-01", None, "must not be after"),
        ("2022-01-01", "2023-01-02", "at most 366 days"),
    ],
)
def test_bad_ranges_say_what_is_wrong(first: str, last: str | None, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        period_from(first, last, NOW)
