"""Birth profiles and analysis instants shared by the Q&A tests (real charts, no fakes)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import cache

from backend.domain.astrology.analysis import ChartAnalysis, analyse
from backend.domain.profile import BirthProfile
from bot_flows import catalog
from bot_flows.preview import chart_for

PROFILES = (
    BirthProfile("Asha", date(1990, 8, 15), time(10, 30), "Pune", 18.52, 73.86, "Asia/Kolkata"),
    BirthProfile("Ravi", date(1985, 1, 26), time(23, 45), "Chennai", 13.08, 80.27, "Asia/Kolkata"),
    # Birth time unknown: houses from the Moon sign.
    BirthProfile("Mita", date(1972, 11, 3), None, "Kolkata", 22.57, 88.36, "Asia/Kolkata"),
    BirthProfile("Sanjay", date(2001, 4, 9), time(5, 5), "Delhi", 28.61, 77.21, "Asia/Kolkata"),
)
INSTANTS = (datetime(2025, 6, 1, 6, 30, tzinfo=UTC), datetime(2031, 1, 15, tzinfo=UTC))


@cache
def analysis_of(profile_index: int, instant_index: int) -> ChartAnalysis:
    """The analysis of one sample profile at one sample instant (cached: charts cost ms)."""
    return analyse(chart_for(PROFILES[profile_index]), INSTANTS[instant_index])


CASES = [(p, i) for p in range(len(PROFILES)) for i in range(len(INSTANTS))]


def written_date(language: str, moment: datetime) -> str:
    """A date as the main catalog writes it (UTC calendar day)."""
    day = moment.astimezone(UTC).date()
    month = catalog.text(language, f"month_{day.month}")
    return catalog.text(language, "date_format", day=day.day, month=month, year=day.year)
