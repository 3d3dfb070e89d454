"""The birth-chart core: sidereal positions, signs, nakshatras and whole-sign houses."""

from backend.domain.astrology.angles import format_dms, normalize_degrees
from backend.domain.astrology.birth_moment import BirthMoment, InvalidBirthData, birth_moment
from backend.domain.astrology.chart import (
    Chart,
    GrahaPosition,
    Position,
    compute_chart,
    position_at,
)
from backend.domain.astrology.ephemeris import EphemerisError
from backend.domain.astrology.options import Ayanamsa, ChartOptions, NodeType
from backend.domain.astrology.serialize import chart_to_dict, format_offset
from backend.domain.astrology.zodiac import (
    NAKSHATRA_SPAN,
    PADA_SPAN,
    SIGN_SPAN,
    VIMSHOTTARI_ORDER,
    Graha,
    Nakshatra,
    Sign,
)

__all__ = [
    "NAKSHATRA_SPAN",
    "PADA_SPAN",
    "SIGN_SPAN",
    "VIMSHOTTARI_ORDER",
    "Ayanamsa",
    "BirthMoment",
    "Chart",
    "ChartOptions",
    "EphemerisError",
    "Graha",
    "GrahaPosition",
    "InvalidBirthData",
    "Nakshatra",
    "NodeType",
    "Position",
    "Sign",
    "birth_moment",
    "chart_to_dict",
    "compute_chart",
    "format_dms",
    "format_offset",
    "normalize_degrees",
    "position_at",
]
