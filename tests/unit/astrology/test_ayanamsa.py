"""Ayanamsa values against published references."""

from datetime import date, time, timedelta

import pytest

from backend.domain.astrology import (
    Ayanamsa,
    Chart,
    ChartOptions,
    Graha,
    birth_moment,
    compute_chart,
)

UT = timedelta(0)
# Indian Astronomical Ephemeris 2019: true Lahiri ayanamsa on 2019-01-01 00:00 UT.
IAE_2019_LAHIRI = 24 + 7 / 60 + 5.9864 / 3600


def _chart_at(day: date, clock: time, ayanamsa: Ayanamsa) -> Chart:
    moment = birth_moment(day, clock, 23.18, 75.78, utc_offset=UT)
    return compute_chart(moment, ChartOptions(ayanamsa=ayanamsa))


def test_lahiri_matches_the_indian_astronomical_ephemeris_2019_within_one_arcsec():
    chart = _chart_at(date(2019, 1, 1), time(0, 0), Ayanamsa.LAHIRI)
    assert abs(chart.ayanamsa_degrees - IAE_2019_LAHIRI) * 3600 < 1.0


def test_kp_minus_lahiri_around_1990():
    lahiri = _chart_at(date(1990, 1, 1), time(0, 0), Ayanamsa.LAHIRI)
    kp = _chart_at(date(1990, 1, 1), time(0, 0), Ayanamsa.KP)
    difference = kp.ayanamsa_degrees - lahiri.ayanamsa_degrees
    assert difference == pytest.approx(-0.0969, abs=0.0005)


def test_positions_shift_by_exactly_the_ayanamsa_difference():
    lahiri = _chart_at(date(1990, 1, 1), time(6, 0), Ayanamsa.LAHIRI)
    kp = _chart_at(date(1990, 1, 1), time(6, 0), Ayanamsa.KP)
    shift = lahiri.ayanamsa_degrees - kp.ayanamsa_degrees
    for graha in Graha:
        moved = lahiri.graha(graha).longitude - kp.graha(graha).longitude
        assert moved == pytest.approx(-shift, abs=1e-9)
    assert kp.ascendant is not None and lahiri.ascendant is not None
    assert lahiri.ascendant.longitude - kp.ascendant.longitude == pytest.approx(-shift, abs=1e-9)


def test_ayanamsa_grows_with_precession():
    early = _chart_at(date(1950, 1, 1), time(0, 0), Ayanamsa.LAHIRI).ayanamsa_degrees
    late = _chart_at(date(2020, 1, 1), time(0, 0), Ayanamsa.LAHIRI).ayanamsa_degrees
    # ~50.3" a year of general precession.
    assert (late - early) * 3600 / 70 == pytest.approx(50.3, abs=0.3)
