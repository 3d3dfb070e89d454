"""Small angle and time helpers shared by the chart code and its presenters."""

from __future__ import annotations

import math
from datetime import UTC, datetime

_J2000 = datetime(2000, 1, 1, 12, tzinfo=UTC)
_J2000_JD = 2451545.0


def normalize_degrees(angle: float) -> float:
    """The angle reduced to [0, 360)."""
    reduced = angle % 360.0
    # -1e-15 % 360 rounds up to 360.0, which would put a point in sign 12 / nakshatra 27.
    return 0.0 if reduced >= 360.0 else reduced


def format_dms(degrees: float) -> str:
    """Degrees as D°MM'SS", truncated (never rounded up into the next sign)."""
    sign = "-" if degrees < 0 else ""
    total = math.floor(abs(degrees) * 3600 + 1e-7)  # the epsilon absorbs binary noise only
    d, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{d}°{m:02d}'{s:02d}\""


def julian_day_ut(moment: datetime) -> float:
    """The Julian day (UT) of an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("julian_day_ut needs a timezone-aware datetime")
    return _J2000_JD + (moment - _J2000).total_seconds() / 86400.0
