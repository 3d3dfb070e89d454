"""The birth chart: sidereal positions of the lagna and the nine grahas in whole-sign houses."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.astrology import ephemeris
from backend.domain.astrology.angles import julian_day_ut, normalize_degrees
from backend.domain.astrology.birth_moment import BirthMoment
from backend.domain.astrology.options import DEFAULT_OPTIONS, Ayanamsa, ChartOptions
from backend.domain.astrology.zodiac import SIGN_SPAN, Graha, Nakshatra, Sign, pada_of

_RAHU = Graha.RAHU.value
# With the time unknown, noon local is used; the local day runs 12 h either side of it.
_HALF_DAY = 0.5


@dataclass(frozen=True)
class Position:
    """A point of the sidereal zodiac with its sign, nakshatra and pada."""

    longitude: float
    sign: Sign
    degree_in_sign: float
    nakshatra: Nakshatra
    pada: int


@dataclass(frozen=True)
class GrahaPosition(Position):
    """Where a graha stands, how it moves, and (time known) which house it occupies."""

    graha: Graha
    retrograde: bool
    speed: float
    house: int | None


@dataclass(frozen=True)
class Chart:
    """A computed birth chart; ascendant and houses are None when the birth time is unknown."""

    moment: BirthMoment
    options: ChartOptions
    ayanamsa_degrees: float
    ascendant: Position | None
    grahas: tuple[GrahaPosition, ...]
    moon_sign_certain: bool = True

    def __post_init__(self) -> None:
        if tuple(p.graha for p in self.grahas) != tuple(Graha):
            raise ValueError("a chart needs all nine grahas, in Graha order")

    def graha(self, g: Graha) -> GrahaPosition:
        """The position of one graha."""
        return self.grahas[g.value]

    @property
    def lagna(self) -> Sign | None:
        """The rising sign, or None when the birth time is unknown."""
        return None if self.ascendant is None else self.ascendant.sign

    @property
    def moon(self) -> GrahaPosition:
        """The Moon's position (rashi and janma nakshatra)."""
        return self.graha(Graha.MOON)

    @property
    def sun(self) -> GrahaPosition:
        """The Sun's position."""
        return self.graha(Graha.SUN)


def position_at(longitude: float) -> Position:
    """Sign, degree, nakshatra and pada of a sidereal longitude."""
    lon = normalize_degrees(longitude)
    sign = Sign.of(lon)
    return Position(lon, sign, lon - sign.value * SIGN_SPAN, Nakshatra.of(lon), pada_of(lon))


def compute_chart(moment: BirthMoment, options: ChartOptions = DEFAULT_OPTIONS) -> Chart:
    """Compute the sidereal chart of a birth moment (Moshier ephemeris, whole-sign houses)."""
    jd = julian_day_ut(moment.utc)
    place = (moment.latitude, moment.longitude) if moment.time_known else None
    snap = ephemeris.snapshot(jd, options.ayanamsa, options.node, place)
    ascendant = None if snap.ascendant is None else position_at(snap.ascendant)
    rahu_longitude, rahu_speed = snap.bodies[_RAHU]
    # Ketu is by definition the point opposite Rahu, moving with it.
    motions = (*snap.bodies, (rahu_longitude + 180.0, rahu_speed))
    grahas = tuple(
        _graha_position(graha, lon, speed, ascendant)
        for graha, (lon, speed) in zip(Graha, motions, strict=True)
    )
    return Chart(
        moment=moment,
        options=options,
        ayanamsa_degrees=snap.ayanamsa,
        ascendant=ascendant,
        grahas=grahas,
        moon_sign_certain=moment.time_known or _moon_stays_in_sign(jd, options.ayanamsa),
    )


def _graha_position(
    graha: Graha, longitude: float, speed: float, ascendant: Position | None
) -> GrahaPosition:
    where = position_at(longitude)
    house = None if ascendant is None else (where.sign.value - ascendant.sign.value) % 12 + 1
    return GrahaPosition(
        where.longitude, where.sign, where.degree_in_sign, where.nakshatra, where.pada,
        graha=graha, retrograde=speed < 0, speed=speed, house=house,
    )  # fmt: skip


def _moon_stays_in_sign(jd_noon: float, ayanamsa: Ayanamsa) -> bool:
    """Whether the Moon keeps one sign over the local day around noon."""
    # The Moon moves at most ~15.4°/day, so it crosses at most one sign boundary in a day:
    # the same sign at both ends means the same sign all day.
    start, end = ephemeris.moon_longitudes((jd_noon - _HALF_DAY, jd_noon + _HALF_DAY), ayanamsa)
    return Sign.of(normalize_degrees(start)) is Sign.of(normalize_degrees(end))
