"""Local clock time at a place to a UTC instant, with the historical Indian zones."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from backend.domain.astrology import BirthMoment, InvalidBirthData, birth_moment

KOLKATA = "Asia/Kolkata"
DELHI = (28.61, 77.21)


def _at(
    day: date,
    clock: time | None,
    timezone: str | None = None,
    utc_offset: timedelta | None = None,
) -> BirthMoment:
    return birth_moment(day, clock, *DELHI, timezone=timezone, utc_offset=utc_offset)


def test_kolkata_war_time_1943_is_six_thirty():
    m = _at(date(1943, 6, 1), time(12, 0), timezone=KOLKATA)
    assert m.utc_offset == timedelta(hours=6, minutes=30)
    assert m.utc == datetime(1943, 6, 1, 5, 30, tzinfo=UTC)
    assert not m.ambiguous


def test_kolkata_1950_is_five_thirty():
    m = _at(date(1950, 1, 26), time(12, 0), timezone=KOLKATA)
    assert m.utc_offset == timedelta(hours=5, minutes=30)
    assert m.utc == datetime(1950, 1, 26, 6, 30, tzinfo=UTC)
    assert m.utc.tzinfo is UTC


def test_repeated_hour_on_1945_10_14_is_flagged_ambiguous():
    repeated = _at(date(1945, 10, 14), time(23, 30), timezone=KOLKATA)
    assert repeated.ambiguous
    # The first occurrence (still war time) is the one used, and echoed.
    assert repeated.utc_offset == timedelta(hours=6, minutes=30)
    assert not _at(date(1945, 10, 14), time(22, 30), timezone=KOLKATA).ambiguous
    after = _at(date(1945, 10, 15), time(0, 30), timezone=KOLKATA)
    assert not after.ambiguous
    assert after.utc_offset == timedelta(hours=5, minutes=30)


def test_skipped_hour_when_war_time_began_is_flagged_ambiguous():
    assert _at(date(1941, 10, 1), time(0, 30), timezone=KOLKATA).ambiguous


def test_fixed_utc_offset_path():
    m = _at(date(1972, 6, 1), time(4, 16), utc_offset=timedelta(hours=5, minutes=30))
    assert m.utc == datetime(1972, 5, 31, 22, 46, tzinfo=UTC)
    assert m.utc_offset == timedelta(hours=5, minutes=30)
    assert m.time_known and not m.ambiguous
    assert m.local.isoformat() == "1972-06-01T04:16:00+05:30"


def test_bombay_local_time_can_be_given_as_an_offset():
    m = _at(date(1950, 1, 1), time(10, 0), utc_offset=timedelta(hours=4, minutes=51))
    assert m.utc == datetime(1950, 1, 1, 5, 9, tzinfo=UTC)


def test_unknown_time_uses_local_noon():
    m = _at(date(1990, 5, 15), None, timezone=KOLKATA)
    assert not m.time_known
    assert m.local.time() == time(12, 0)
    assert m.utc == datetime(1990, 5, 15, 6, 30, tzinfo=UTC)


def test_us_daylight_saving_offset():
    m = birth_moment(date(1990, 7, 4), time(9, 0), 40.71, -74.01, timezone="America/New_York")
    assert m.utc_offset == timedelta(hours=-4)
    assert m.utc == datetime(1990, 7, 4, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"latitude": 91.0},
        {"latitude": -90.5},
        {"latitude": float("nan")},
        {"longitude": 181.0},
        {"longitude": float("inf")},
        {"timezone": "Asia/Nowhere"},
        {"timezone": "../../etc/passwd"},
        {"timezone": "leapseconds"},
        {"timezone": None},
        {"timezone": KOLKATA, "utc_offset": timedelta(hours=5, minutes=30)},
        {"timezone": None, "utc_offset": timedelta(hours=15)},
        {"timezone": None, "utc_offset": timedelta(hours=-13)},
        {"day": date(1799, 12, 31)},
        {"day": date(2201, 1, 1)},
    ],
)
def test_invalid_birth_data_is_rejected(kwargs: dict[str, Any]) -> None:
    args: dict[str, Any] = {
        "day": date(1990, 1, 1),
        "latitude": 28.6,
        "longitude": 77.2,
        "timezone": KOLKATA,
        "utc_offset": None,
    }
    args.update(kwargs)
    with pytest.raises(InvalidBirthData):
        birth_moment(
            args["day"], time(12, 0), args["latitude"], args["longitude"],
            timezone=args["timezone"], utc_offset=args["utc_offset"],
        )  # fmt: skip


def test_invalid_birth_data_is_a_value_error():
    assert issubclass(InvalidBirthData, ValueError)
