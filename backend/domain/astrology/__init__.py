"""The birth-chart core: sidereal positions, signs, nakshatras and whole-sign houses."""

from backend.domain.astrology.analysis import ChartAnalysis, analyse
from backend.domain.astrology.angles import format_dms, normalize_degrees
from backend.domain.astrology.birth_moment import BirthMoment, InvalidBirthData, birth_moment
from backend.domain.astrology.chart import (
    Chart,
    GrahaPosition,
    Position,
    compute_chart,
    position_at,
)
from backend.domain.astrology.dasha import (
    YEAR_DAYS,
    DashaNow,
    DashaPeriod,
    antardashas,
    dasha_at,
    dasha_balance,
    mahadashas,
)
from backend.domain.astrology.dignity import Dignity, dignity
from backend.domain.astrology.ephemeris import EphemerisError
from backend.domain.astrology.houses import House, houses, houses_reference
from backend.domain.astrology.manglik import ManglikStatus, manglik
from backend.domain.astrology.options import Ayanamsa, ChartOptions, NodeType
from backend.domain.astrology.sade_sati import SadeSati, sade_sati
from backend.domain.astrology.serialize import analysis_to_dict, chart_to_dict, format_offset
from backend.domain.astrology.yogas import Yoga, yogas
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
    "YEAR_DAYS",
    "Ayanamsa",
    "BirthMoment",
    "Chart",
    "ChartAnalysis",
    "ChartOptions",
    "DashaNow",
    "DashaPeriod",
    "Dignity",
    "EphemerisError",
    "Graha",
    "GrahaPosition",
    "House",
    "InvalidBirthData",
    "ManglikStatus",
    "Nakshatra",
    "NodeType",
    "Position",
    "SadeSati",
    "Sign",
    "Yoga",
    "analyse",
    "analysis_to_dict",
    "antardashas",
    "birth_moment",
    "chart_to_dict",
    "compute_chart",
    "dasha_at",
    "dasha_balance",
    "dignity",
    "format_dms",
    "format_offset",
    "houses",
    "houses_reference",
    "mahadashas",
    "manglik",
    "normalize_degrees",
    "position_at",
    "sade_sati",
    "yogas",
]

# Kundali Milan (Ashtakoota matching).
from backend.domain.astrology.milan import (
    Koota,
    KootaScore,
    ManglikLite,
    MilanResult,
    ashtakoota,
    match,
    verdict_for,
)
from backend.domain.astrology.milan_serialize import milan_to_dict

__all__ += [
    "Koota",
    "KootaScore",
    "ManglikLite",
    "MilanResult",
    "ashtakoota",
    "match",
    "milan_to_dict",
    "verdict_for",
]
