"""Hand-placed charts for the analysis tests: every graha where the test puts it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from backend.domain.astrology import (
    Chart,
    Graha,
    GrahaPosition,
    Sign,
    birth_moment,
    compute_chart,
    position_at,
)

IST = timedelta(hours=5, minutes=30)
# A baseline that forms none of the yogas checked and no manglik dosha: lagna Aries 5°,
# Moon Aries 10° with Jupiter in Taurus (so no Kemadruma), Mars in Gemini (3rd from both).
BASELINE: dict[Graha, float] = {
    Graha.SUN: 130.0,  # Leo 10°
    Graha.MOON: 10.0,  # Aries 10°
    Graha.MARS: 70.0,  # Gemini 10°
    Graha.MERCURY: 160.0,  # Virgo 10° (own/exalted, but 6th: no Bhadra)
    Graha.JUPITER: 40.0,  # Taurus 10°
    Graha.VENUS: 310.0,  # Aquarius 10°
    Graha.SATURN: 220.0,  # Scorpio 10°
    Graha.RAHU: 190.0,  # Libra 10°
    Graha.KETU: 10.0,  # Aries 10°
}
_REAL = compute_chart(birth_moment(date(1990, 5, 15), time(14, 30), 19.07, 72.88, utc_offset=IST))


def mid(sign: Sign, degree: float = 10.0) -> float:
    """The sidereal longitude of a degree within a sign."""
    return sign.value * 30.0 + degree


def placed(lagna: float | None = 5.0, base: Chart = _REAL, **where: float) -> Chart:
    """A chart with the BASELINE positions overridden by keyword (e.g. mars=mid(Sign.LEO)),
    the ascendant at `lagna` (None: birth time unknown) and the birth moment of `base`."""
    longitudes = dict(BASELINE)
    for name, longitude in where.items():
        longitudes[Graha[name.upper()]] = longitude
    ascendant = None if lagna is None else position_at(lagna)
    grahas = []
    for graha in Graha:
        p = position_at(longitudes[graha])
        house = None if ascendant is None else (p.sign.value - ascendant.sign.value) % 12 + 1
        grahas.append(
            GrahaPosition(
                p.longitude,
                p.sign,
                p.degree_in_sign,
                p.nakshatra,
                p.pada,
                graha=graha,
                retrograde=False,
                speed=1.0,
                house=house,
            )
        )
    return replace(base, ascendant=ascendant, grahas=tuple(grahas))
