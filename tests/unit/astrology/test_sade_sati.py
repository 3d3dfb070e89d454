"""Sade Sati, checked against Saturn's sign ingresses found independently by daily sampling."""

from datetime import UTC, date, datetime, timedelta

import pytest
import swisseph as swe

from backend.domain.astrology import EphemerisError, Sign, sade_sati
from tests.unit.astrology.analysis_factory import mid, placed

FIRST_DAY = date(2000, 1, 1)
DAYS = 45 * 366
ONE_DAY = timedelta(days=1)
PHASE_OF_OFFSET = {10: "rising", 11: "rising", 0: "peak", 1: "setting", 2: "setting"}


@pytest.fixture(scope="module")
def saturn_signs() -> list[int]:
    """Saturn's sidereal (Lahiri) sign at 00:00 UTC of each day from FIRST_DAY."""
    swe.set_sid_mode(swe.SIDM_LAHIRI)
    jd0 = swe.julday(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, 0.0)
    flags = swe.FLG_MOSEPH | swe.FLG_SIDEREAL
    return [int(swe.calc_ut(jd0 + i, swe.SATURN, flags)[0][0] // 30) for i in range(DAYS)]


def _midnight(i: int) -> datetime:
    return datetime.combine(FIRST_DAY, datetime.min.time(), UTC) + i * ONE_DAY


def _spans(signs: list[int], moon: Sign) -> list[tuple[datetime, datetime]]:
    """Runs of days with Saturn in the 12th/1st/2nd sign from the Moon, gaps shorter than two
    years (retrograde dips) bridged, as (first day inside, first day outside again)."""
    inside = [(s - moon.value) % 12 in (11, 0, 1) for s in signs]
    runs: list[tuple[int, int]] = []
    start = None
    for i, flag in enumerate([*inside, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if runs and start - runs[-1][1] < 730:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((start, i))
            start = None
    return [(_midnight(first), _midnight(end)) for first, end in runs]


@pytest.fixture(scope="module")
def spans(saturn_signs: list[int]) -> dict[Sign, list[tuple[datetime, datetime]]]:
    return {moon: _spans(saturn_signs, moon) for moon in Sign}


def _check(
    signs: list[int], spans: list[tuple[datetime, datetime]], moon: Sign, at: datetime
) -> None:
    got = sade_sati(placed(moon=mid(moon)), at)
    assert got.moon_sign is moon
    day = (at - _midnight(0)).days
    if signs[day] == signs[day + 1]:  # no ingress that day: the midnight sample holds
        assert got.saturn_sign is Sign(signs[day])
    # Sampling at midnight puts each ingress within the day before the first day inside, so
    # an instant that close to an edge could fall either way: leave those out.
    if any(abs(at - edge) <= ONE_DAY for edges in spans for edge in edges):
        return
    span = next(((a, b) for a, b in spans if a - ONE_DAY <= at < b), None)
    if span is None:
        assert not got.active and got.phase is None and got.start is None and got.end is None
        return
    assert got.active and got.start is not None and got.end is not None
    assert span[0] - ONE_DAY <= got.start <= span[0]
    assert span[1] - ONE_DAY <= got.end <= span[1]
    assert got.phase == PHASE_OF_OFFSET[(got.saturn_sign.value - moon.value) % 12]


def test_moon_in_aquarius_2024(saturn_signs, spans):
    at = datetime(2024, 6, 1, tzinfo=UTC)
    got = sade_sati(placed(moon=mid(Sign.AQUARIUS)), at)
    assert got.active and got.phase == "peak" and got.saturn_sign is Sign.AQUARIUS
    assert got.start is not None and got.end is not None
    assert got.start.date() in (date(2020, 1, 23), date(2020, 1, 24))  # Saturn into Capricorn
    assert got.end.year == 2028  # final exit from Pisces, after a retrograde return in 2027
    _check(saturn_signs, spans[Sign.AQUARIUS], Sign.AQUARIUS, at)


def test_a_retrograde_dip_back_into_the_11th_is_still_the_rising_phase(saturn_signs, spans):
    # Saturn entered Aquarius in April 2022, slipped back into Capricorn from July 2022 to
    # January 2023: for a Moon in Pisces the span began with the first entry.
    at = datetime(2022, 9, 1, tzinfo=UTC)
    got = sade_sati(placed(moon=mid(Sign.PISCES)), at)
    assert got.active and got.phase == "rising" and got.saturn_sign is Sign.CAPRICORN
    assert got.start is not None and got.start.date().replace(day=1) == date(2022, 4, 1)
    _check(saturn_signs, spans[Sign.PISCES], Sign.PISCES, at)


def test_a_dip_into_the_3rd_that_returns_is_still_setting(saturn_signs, spans):
    moon = Sign.SAGITTARIUS  # the span ends when Saturn finally leaves Capricorn (Jan 2023)
    dip = sade_sati(placed(moon=mid(moon)), datetime(2022, 6, 1, tzinfo=UTC))
    assert dip.active and dip.phase == "setting" and dip.saturn_sign is Sign.AQUARIUS
    assert dip.end is not None and dip.end.date().replace(day=1) == date(2023, 1, 1)
    after = sade_sati(placed(moon=mid(moon)), datetime(2023, 6, 1, tzinfo=UTC))
    assert not after.active and after.start is None and after.end is None
    _check(saturn_signs, spans[moon], moon, datetime(2022, 6, 1, tzinfo=UTC))


@pytest.mark.parametrize("moon", list(Sign))
def test_every_moon_sign_over_thirty_years(saturn_signs, spans, moon):
    at = datetime(2008, 1, 1, 7, tzinfo=UTC) + timedelta(days=moon.value * 11)
    while at < datetime(2036, 1, 1, tzinfo=UTC):
        _check(saturn_signs, spans[moon], moon, at)
        at += timedelta(days=89)


def test_needs_an_aware_instant():
    with pytest.raises(ValueError, match="timezone-aware"):
        sade_sati(placed(), datetime(2024, 1, 1))


def test_saturn_comes_from_moshier_only(monkeypatch):
    real = swe.calc_ut

    def swiss_files_instead(jd, body, flags):
        xx, retflags = real(jd, body, flags)
        return xx, (retflags & ~swe.FLG_MOSEPH) | swe.FLG_SWIEPH

    monkeypatch.setattr(swe, "calc_ut", swiss_files_instead)
    with pytest.raises(EphemerisError, match="not Moshier"):
        sade_sati(placed(), datetime(2024, 1, 1, tzinfo=UTC))
