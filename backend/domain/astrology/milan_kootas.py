"""The eight kootas of Ashtakoota (Guna Milan), each scored from the bride's and groom's Moon."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backend.domain.astrology.angles import normalize_degrees
from backend.domain.astrology.houses import house_from
from backend.domain.astrology.milan_signs import (
    BHAKOOT_DOSHA_PAIRS,
    MAITRI_POINTS,
    VARNA_OF_SIGN,
    VASHYA_POINTS,
    relation,
    vashya_of,
)
from backend.domain.astrology.milan_stars import (
    GANA_OF_NAKSHATRA,
    GANA_POINTS,
    INAUSPICIOUS_TARAS,
    YONI_OF_NAKSHATRA,
    YONI_POINTS,
    nadi_of,
    tara,
)
from backend.domain.astrology.zodiac import Nakshatra, Sign


class Koota(enum.Enum):
    """The eight kootas in classical order; the k-th is worth k points (1 + ... + 8 = 36)."""

    VARNA = 1
    VASHYA = 2
    TARA = 3
    YONI = 4
    GRAHA_MAITRI = 5
    GANA = 6
    BHAKOOT = 7
    NADI = 8

    @property
    def maximum(self) -> float:
        """The most points this koota can give."""
        return float(self.value)


@dataclass(frozen=True)
class KootaScore:
    """Points scored in one koota, with a machine-readable code saying why."""

    koota: Koota
    points: float
    maximum: float
    detail: str


def ashtakoota(bride_moon_long: float, groom_moon_long: float) -> tuple[KootaScore, ...]:
    """The eight koota scores, in order, for the two sidereal Moon longitudes."""
    bride, groom = normalize_degrees(bride_moon_long), normalize_degrees(groom_moon_long)
    bs, gs = Sign.of(bride), Sign.of(groom)
    bn, gn = Nakshatra.of(bride), Nakshatra.of(groom)
    return (
        _varna(bs, gs),
        _vashya(bride, groom),
        _tara(bn, gn),
        _yoni(bn, gn),
        _graha_maitri(bs, gs),
        _gana(bn, gn),
        _bhakoot(bs, gs),
        _nadi(bn, gn),
    )


def _score(koota: Koota, points: float, detail: str) -> KootaScore:
    return KootaScore(koota, float(points), koota.maximum, detail)


def _pair(bride: enum.Enum, groom: enum.Enum) -> str:
    return f"bride_{bride.name.lower()}.groom_{groom.name.lower()}"


def _varna(bride: Sign, groom: Sign) -> KootaScore:
    b, g = VARNA_OF_SIGN[bride.value], VARNA_OF_SIGN[groom.value]
    # The classical rule: the groom's varna should equal or exceed the bride's.
    return _score(Koota.VARNA, 1 if g >= b else 0, _pair(b, g))


def _vashya(bride: float, groom: float) -> KootaScore:
    b, g = vashya_of(bride), vashya_of(groom)
    return _score(Koota.VASHYA, VASHYA_POINTS[g][b], _pair(b, g))


def _tara(bride: Nakshatra, groom: Nakshatra) -> KootaScore:
    there, back = tara(bride, groom), tara(groom, bride)
    # 1.5 points for each direction whose tara is auspicious.
    points = sum(1.5 for t in (there, back) if t not in INAUSPICIOUS_TARAS)
    return _score(Koota.TARA, points, f"bride_to_groom_{there}.groom_to_bride_{back}")


def _yoni(bride: Nakshatra, groom: Nakshatra) -> KootaScore:
    b, g = YONI_OF_NAKSHATRA[bride.value], YONI_OF_NAKSHATRA[groom.value]
    return _score(Koota.YONI, YONI_POINTS[b][g], _pair(b, g))


def _graha_maitri(bride: Sign, groom: Sign) -> KootaScore:
    b, g = bride.lord, groom.lord
    views = frozenset({relation(b, g), relation(g, b)})
    return _score(Koota.GRAHA_MAITRI, MAITRI_POINTS[views], _pair(b, g))


def _gana(bride: Nakshatra, groom: Nakshatra) -> KootaScore:
    b, g = GANA_OF_NAKSHATRA[bride.value], GANA_OF_NAKSHATRA[groom.value]
    return _score(Koota.GANA, GANA_POINTS[g][b], _pair(b, g))


def _bhakoot(bride: Sign, groom: Sign) -> KootaScore:
    low, high = sorted((house_from(bride, groom), house_from(groom, bride)))
    points = 0 if (low, high) in BHAKOOT_DOSHA_PAIRS else 7
    return _score(Koota.BHAKOOT, points, f"{low}_{high}")


def _nadi(bride: Nakshatra, groom: Nakshatra) -> KootaScore:
    if nadi_of(bride) is nadi_of(groom):
        return _score(Koota.NADI, 0, "same_nadi")
    return _score(Koota.NADI, 8, "different_nadi")
