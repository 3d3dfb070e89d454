"""Vimshottari dasha: the 120-year cycle of mahadashas and their antardashas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from backend.domain.astrology.chart import Chart
from backend.domain.astrology.zodiac import NAKSHATRA_SPAN, VIMSHOTTARI_ORDER, Graha

# Years per lord (P.V.R. Narasimha Rao, "Vedic Astrology: An Integrated Approach", §16.4).
DASHA_YEARS: dict[Graha, int] = {
    Graha.KETU: 7, Graha.VENUS: 20, Graha.SUN: 6, Graha.MOON: 10, Graha.MARS: 7,
    Graha.RAHU: 18, Graha.JUPITER: 16, Graha.SATURN: 19, Graha.MERCURY: 17,
}  # fmt: skip
CYCLE_YEARS = 120
# The Julian year. Published dasha dates agree with it (or the sidereal 365.256364 d, a few
# hours apart over a life); the 360-day savana year would drift by months. A whole number of
# Julian years is a whole number of seconds, so period boundaries are exact in timedelta.
YEAR_DAYS = 365.25
_YEAR = timedelta(days=YEAR_DAYS)
_NEXT_COUNT = 3


@dataclass(frozen=True)
class DashaPeriod:
    """One dasha period: level 1 a mahadasha, level 2 an antardasha within parent's mahadasha."""

    lord: Graha
    start: datetime  # aware UTC
    end: datetime
    level: int
    parent: Graha | None


@dataclass(frozen=True)
class DashaNow:
    """The running mahadasha and antardasha at an instant, and the next three antardashas."""

    mahadasha: DashaPeriod
    antardasha: DashaPeriod
    next_antardashas: tuple[DashaPeriod, ...]


def _sequence(first: Graha) -> tuple[Graha, ...]:
    """The nine lords in Vimshottari order starting from first."""
    at = VIMSHOTTARI_ORDER.index(first)
    return VIMSHOTTARI_ORDER[at:] + VIMSHOTTARI_ORDER[:at]


def dasha_balance(chart: Chart) -> tuple[Graha, timedelta]:
    """The mahadasha lord at birth and the time left of it: the untraversed part of the
    Moon's nakshatra times the lord's years."""
    moon = chart.moon
    lord = moon.nakshatra.lord
    remaining = (moon.nakshatra.start + NAKSHATRA_SPAN - moon.longitude) / NAKSHATRA_SPAN
    return lord, timedelta(days=remaining * DASHA_YEARS[lord] * YEAR_DAYS)


def _cycle_start(chart: Chart) -> tuple[Graha, datetime]:
    """The first lord and the (pre-birth) instant its mahadasha began."""
    lord, balance = dasha_balance(chart)
    return lord, chart.moment.utc + balance - DASHA_YEARS[lord] * _YEAR


def _cycle(first: Graha, start: datetime) -> tuple[DashaPeriod, ...]:
    periods, elapsed = [], 0
    for lord in _sequence(first):
        begin, elapsed = start + elapsed * _YEAR, elapsed + DASHA_YEARS[lord]
        periods.append(DashaPeriod(lord, begin, start + elapsed * _YEAR, 1, None))
    return tuple(periods)


def mahadashas(chart: Chart) -> tuple[DashaPeriod, ...]:
    """The nine mahadashas of the cycle running at birth, the first starting before birth."""
    return _cycle(*_cycle_start(chart))


def antardashas(maha: DashaPeriod) -> tuple[DashaPeriod, ...]:
    """The nine antardashas of a mahadasha, each maha years × antar years / 120 long."""
    if maha.level != 1:
        raise ValueError("antardashas divide a mahadasha (level 1)")
    length, periods, elapsed = maha.end - maha.start, [], 0
    for lord in _sequence(maha.lord):
        begin, elapsed = maha.start + length * elapsed / CYCLE_YEARS, elapsed + DASHA_YEARS[lord]
        end = maha.start + length * elapsed / CYCLE_YEARS
        periods.append(DashaPeriod(lord, begin, end, 2, maha.lord))
    return tuple(periods)


def dasha_at(chart: Chart, at: datetime) -> DashaNow:
    """The dashas running at an aware instant (the cycle repeats after 120 years)."""
    if at.tzinfo is None:
        raise ValueError("dasha_at needs a timezone-aware datetime")
    first, start = _cycle_start(chart)
    if at < start:
        raise ValueError("the instant precedes the first mahadasha of the chart")
    cycles = (at - start) // (CYCLE_YEARS * _YEAR)
    here = start + cycles * CYCLE_YEARS * _YEAR
    mahas = _cycle(first, here) + _cycle(first, here + CYCLE_YEARS * _YEAR)
    index = next(i for i, maha in enumerate(mahas) if at < maha.end)
    # Two mahadashas hold at least nine antardashas after the running one: enough for three.
    antars = antardashas(mahas[index]) + antardashas(mahas[index + 1])
    running = next(i for i, antar in enumerate(antars) if at < antar.end)
    following = antars[running + 1 : running + 1 + _NEXT_COUNT]
    return DashaNow(mahas[index], antars[running], following)
