"""The sidereal Moon and ascendant against an independent PyEphem computation, 1940-2030.

Independent side: PyEphem's Moon (mean ecliptic and equinox of date) plus nutation in
longitude from the IAU 1980 series (Meeus, Astronomical Algorithms, table 22.A, 18 largest
terms, good to ~0.05") gives the apparent tropical longitude. The ascendant comes from
PyEphem's apparent local sidereal time and the true obliquity (IAU 1980 mean obliquity plus
nutation) with the standard formula. Both then subtract the chart's own ayanamsa, which
test_ayanamsa checks against the Indian Astronomical Ephemeris.

Conventions matched: apparent (true equinox) on both sides; geocentric Moon; the same TT.
PyEphem's built-in Delta T is extrapolated after ~2018 (78 s by 2030, against about 69 s
observed and used by Swiss Ephemeris), which alone moved the Moon by up to 5"; the Moon is
therefore evaluated at the same TT, shifting PyEphem's UT by the Delta T difference.
"""

import math
import random
from datetime import UTC, datetime, timedelta

import ephem
import pytest
import swisseph as swe

from backend.domain.astrology import birth_moment, compute_chart

MOON_TOLERANCE_ARCSEC = 10.0
ASCENDANT_TOLERANCE_ARCSEC = 30.0
START = datetime(1940, 1, 1, tzinfo=UTC)
END = datetime(2031, 1, 1, tzinfo=UTC)

# (D, M, M', F, Omega, dpsi, dpsi/T, deps, deps/T) in units of 0.0001"
_NUTATION_TERMS = (
    (0, 0, 0, 0, 1, -171996, -174.2, 92025, 8.9),
    (-2, 0, 0, 2, 2, -13187, -1.6, 5736, -3.1),
    (0, 0, 0, 2, 2, -2274, -0.2, 977, -0.5),
    (0, 0, 0, 0, 2, 2062, 0.2, -895, 0.5),
    (0, 1, 0, 0, 0, 1426, -3.4, 54, -0.1),
    (0, 0, 1, 0, 0, 712, 0.1, -7, 0),
    (-2, 1, 0, 2, 2, -517, 1.2, 224, -0.6),
    (0, 0, 0, 2, 1, -386, -0.4, 200, 0),
    (0, 0, 1, 2, 2, -301, 0, 129, -0.1),
    (-2, -1, 0, 2, 2, 217, -0.5, -95, 0.3),
    (-2, 0, 1, 0, 0, -158, 0, 0, 0),
    (-2, 0, 0, 2, 1, 129, 0.1, -70, 0),
    (0, 0, -1, 2, 2, 123, 0, -53, 0),
    (2, 0, 0, 0, 0, 63, 0, 0, 0),
    (0, 0, 1, 0, 1, 63, 0.1, -33, 0),
    (2, 0, -1, 2, 2, -59, 0, 26, 0),
    (0, 0, -1, 0, 1, -58, -0.1, 32, 0),
    (0, 0, 1, 2, 1, -51, 0, 27, 0),
)


def _nutation(jd_tt: float) -> tuple[float, float]:
    """Nutation in longitude and in obliquity, degrees (IAU 1980, Meeus ch. 22)."""
    t = (jd_tt - 2451545.0) / 36525
    args = [
        math.radians(a + t * (b + t * (c + t * d)))
        for a, b, c, d in (
            (297.85036, 445267.111480, -0.0019142, 1 / 189474),
            (357.52772, 35999.050340, -0.0001603, -1 / 300000),
            (134.96298, 477198.867398, 0.0086972, 1 / 56250),
            (93.27191, 483202.017538, -0.0036825, 1 / 327270),
            (125.04452, -1934.136261, 0.0020708, 1 / 450000),
        )
    ]
    dpsi = deps = 0.0
    for *multipliers, s0, s1, c0, c1 in _NUTATION_TERMS:
        angle = sum(k * a for k, a in zip(multipliers, args, strict=True))
        dpsi += (s0 + s1 * t) * math.sin(angle)
        deps += (c0 + c1 * t) * math.cos(angle)
    return dpsi * 1e-4 / 3600, deps * 1e-4 / 3600


def _mean_obliquity(jd_tt: float) -> float:
    """IAU 1980 mean obliquity of the ecliptic, degrees."""
    t = (jd_tt - 2451545.0) / 36525
    return 23 + 26 / 60 + (21.448 - t * (46.8150 + t * (0.00059 - t * 0.001813))) / 3600


def _delta_t_days(jd_ut: float) -> float:
    return float(swe.deltat(jd_ut))


def _arcsec(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180) * 3600


def _independent_moon(utc: datetime) -> float:
    """Apparent tropical geocentric Moon longitude of date, degrees."""
    d = ephem.Date(utc.replace(tzinfo=None))
    jd_ut = ephem.julian_date(d)
    same_tt = ephem.Date(d + _delta_t_days(jd_ut) - ephem.delta_t(d) / 86400)
    moon = ephem.Moon()
    moon.compute(same_tt, epoch=same_tt)  # geocentric: no Observer
    mean_of_date = math.degrees(ephem.Ecliptic(moon, epoch=same_tt).lon)
    dpsi, _ = _nutation(jd_ut + _delta_t_days(jd_ut))
    return mean_of_date + dpsi


def _independent_ascendant(utc: datetime, latitude: float, longitude: float) -> float:
    """Tropical ascendant (true equinox of date), degrees, from PyEphem's sidereal time."""
    observer = ephem.Observer()
    observer.lat, observer.lon = math.radians(latitude), math.radians(longitude)
    observer.date = ephem.Date(utc.replace(tzinfo=None))
    ramc = float(observer.sidereal_time())  # local apparent sidereal time, radians
    jd_tt = ephem.julian_date(observer.date) + _delta_t_days(ephem.julian_date(observer.date))
    _, deps = _nutation(jd_tt)
    eps = math.radians(_mean_obliquity(jd_tt) + deps)
    phi = math.radians(latitude)
    y = math.cos(ramc)
    x = -(math.sin(ramc) * math.cos(eps) + math.tan(phi) * math.sin(eps))
    return math.degrees(math.atan2(y, x)) % 360


def _random_moments(count: int) -> list[tuple[datetime, float, float]]:
    rng = random.Random(19400101)
    span = (END - START).total_seconds()
    return [
        (
            (START + timedelta(seconds=rng.uniform(0, span))).replace(microsecond=0),
            rng.uniform(-60, 60),
            rng.uniform(-180, 180),
        )
        for _ in range(count)
    ]


MOMENTS = _random_moments(100)


@pytest.fixture(scope="module")
def errors() -> dict[str, list[float]]:
    moon_errors, asc_errors = [], []
    for utc, lat, lon in MOMENTS:
        moment = birth_moment(utc.date(), utc.time(), lat, lon, utc_offset=timedelta(0))
        chart = compute_chart(moment)
        assert chart.ascendant is not None
        moon = _independent_moon(utc) - chart.ayanamsa_degrees
        asc = _independent_ascendant(utc, lat, lon) - chart.ayanamsa_degrees
        moon_errors.append(_arcsec(moon, chart.moon.longitude))
        asc_errors.append(_arcsec(asc, chart.ascendant.longitude))
    return {"moon": moon_errors, "ascendant": asc_errors}


def test_moon_within_10_arcsec_of_pyephem_for_100_moments(errors):
    assert max(errors["moon"]) < MOON_TOLERANCE_ARCSEC


def test_ascendant_within_30_arcsec_of_independent_formula_for_100_moments(errors):
    assert max(errors["ascendant"]) < ASCENDANT_TOLERANCE_ARCSEC


def test_the_moments_span_1940_to_2030_and_both_hemispheres():
    years = [utc.year for utc, _, _ in MOMENTS]
    assert min(years) < 1945 and max(years) > 2025
    assert any(lat < -30 for _, lat, _ in MOMENTS) and any(lat > 30 for _, lat, _ in MOMENTS)


def test_delta_t_models_agree_where_pyephem_is_not_extrapolating():
    # The TT alignment above only matters after ~2018; before that both use observed values.
    for year in range(1955, 2016, 5):
        d = ephem.Date(f"{year}/1/1")
        assert abs(_delta_t_days(ephem.julian_date(d)) * 86400 - ephem.delta_t(d)) < 0.5
