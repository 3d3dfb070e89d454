"""The instant and place of a birth, resolved from a local clock reading."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from datetime import timezone as fixed_offset
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

# The years the bot accepts; a typo such as 199 or 2990 is far likelier than such a birth.
MIN_YEAR = 1800
MAX_YEAR = 2200
# Real civil offsets lie within these bounds (Baker Island -12:00, Line Islands +14:00).
MAX_WEST_OFFSET = timedelta(hours=-12)
MAX_EAST_OFFSET = timedelta(hours=14)
NOON = time(12, 0)
_ZONE_NAME = re.compile(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*")


class InvalidBirthData(ValueError):
    """Birth details that cannot describe a real birth (bad coordinates, zone or offset)."""


@dataclass(frozen=True)
class BirthMoment:
    """A birth as the ephemeris needs it: a UTC instant and geographic coordinates."""

    utc: datetime
    utc_offset: timedelta
    time_known: bool
    latitude: float
    longitude: float
    ambiguous: bool = False

    @property
    def local(self) -> datetime:
        """The local clock time the moment was given as (noon when the time is unknown)."""
        return self.utc.astimezone(fixed_offset(self.utc_offset))


def birth_moment(
    local_date: date,
    local_time: time | None,
    latitude: float,
    longitude: float,
    *,
    timezone: str | None = None,
    utc_offset: timedelta | None = None,
) -> BirthMoment:
    """Resolve a local birth date and clock time (None = unknown, noon used) at a place to UTC.

    Exactly one of timezone (IANA name, historical offsets via the pinned tzdata) or utc_offset.
    """
    _check_coordinates(latitude, longitude)
    if not MIN_YEAR <= local_date.year <= MAX_YEAR:
        raise InvalidBirthData(f"birth year must be between {MIN_YEAR} and {MAX_YEAR}")
    clock = datetime.combine(local_date, local_time or NOON)
    if timezone is not None and utc_offset is not None:
        raise InvalidBirthData("give a time zone name or a UTC offset, not both")
    if utc_offset is not None:
        offset, ambiguous = _check_offset(utc_offset), False
    elif timezone is not None:
        offset, ambiguous = _zone_offset(clock, timezone)
    else:
        raise InvalidBirthData("give a time zone name or a UTC offset")
    return BirthMoment(
        utc=(clock - offset).replace(tzinfo=UTC),
        utc_offset=offset,
        time_known=local_time is not None,
        latitude=latitude,
        longitude=longitude,
        ambiguous=ambiguous,
    )


def _check_coordinates(latitude: float, longitude: float) -> None:
    if not (math.isfinite(latitude) and -90.0 <= latitude <= 90.0):
        raise InvalidBirthData(f"latitude {latitude} is outside -90..90")
    if not (math.isfinite(longitude) and -180.0 <= longitude <= 180.0):
        raise InvalidBirthData(f"longitude {longitude} is outside -180..180")


def _check_offset(offset: timedelta) -> timedelta:
    if not MAX_WEST_OFFSET <= offset <= MAX_EAST_OFFSET:
        raise InvalidBirthData("UTC offset must be between -12:00 and +14:00")
    return offset


def _zone_offset(clock: datetime, name: str) -> tuple[timedelta, bool]:
    """The offset in force at a local clock time, and whether that clock time was ambiguous."""
    zone = _zone(name)
    # PEP 495: fold=0 picks the first of a repeated hour (and the pre-transition offset in a
    # skipped one); if fold=1 disagrees, the clock reading alone does not fix the instant.
    first = clock.replace(tzinfo=zone).utcoffset()
    second = clock.replace(tzinfo=zone, fold=1).utcoffset()
    assert first is not None and second is not None  # a ZoneInfo always has an offset
    return first, first != second


@lru_cache(maxsize=256)
def _zone(name: str) -> tzinfo:
    """An IANA zone read from the pinned tzdata package, never from the host's tz files."""
    if not _ZONE_NAME.fullmatch(name):
        raise InvalidBirthData(f"unknown time zone {name!r}")
    entry = resources.files("tzdata").joinpath("zoneinfo", *name.split("/"))
    if not entry.is_file():
        raise InvalidBirthData(f"unknown time zone {name!r}")
    try:
        with entry.open("rb") as tz_file:
            return ZoneInfo.from_file(tz_file, key=name)
    except ValueError as exc:  # a data file that is not a zone, e.g. "leapseconds"
        raise InvalidBirthData(f"unknown time zone {name!r}") from exc
