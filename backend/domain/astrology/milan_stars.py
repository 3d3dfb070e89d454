"""Ashtakoota tables read from the janma nakshatras: Tara, Yoni, Gana and Nadi.

Published tables disagree in places; each table below names the one convention pinned here.
"""

from __future__ import annotations

import enum

from backend.domain.astrology.zodiac import Nakshatra

# Tara: the 3rd (Vipat), 5th (Pratyari) and 7th (Naidhana) of each cycle of nine are the
# inauspicious ones (Muhurta Chintamani, as in the common North-Indian tables); each
# direction of counting with an auspicious tara gives 1.5 points.
INAUSPICIOUS_TARAS = frozenset({3, 5, 7})


class Yoni(enum.IntEnum):
    """The fourteen yoni animals (row/column order of YONI_POINTS)."""

    HORSE = 0
    ELEPHANT = 1
    SHEEP = 2
    SERPENT = 3
    DOG = 4
    CAT = 5
    RAT = 6
    COW = 7
    BUFFALO = 8
    TIGER = 9
    DEER = 10
    MONKEY = 11
    MONGOOSE = 12
    LION = 13


# Yoni by nakshatra, Ashwini..Revati (the classical pairs: Ashwini/Shatabhisha horse, ...).
_Y = Yoni
YONI_OF_NAKSHATRA = (
    _Y.HORSE, _Y.ELEPHANT, _Y.SHEEP, _Y.SERPENT, _Y.SERPENT, _Y.DOG, _Y.CAT, _Y.SHEEP, _Y.CAT,
    _Y.RAT, _Y.RAT, _Y.COW, _Y.BUFFALO, _Y.TIGER, _Y.BUFFALO, _Y.TIGER, _Y.DEER, _Y.DEER,
    _Y.DOG, _Y.MONKEY, _Y.MONGOOSE, _Y.MONKEY, _Y.LION, _Y.HORSE, _Y.LION, _Y.COW, _Y.ELEPHANT,
)  # fmt: skip

# Yoni points: the symmetric 14x14 grid as in PyJHora's compatibility tables (saravali lineage):
# 4 same animal, 3 friendly, 2 neutral, 1 unfriendly, 0 for the seven sworn-enemy pairs
# (horse-buffalo, elephant-lion, sheep-monkey, serpent-mongoose, dog-deer, cat-rat, cow-tiger).
# Printed copies differ at horse-deer (1 or 3), buffalo-lion (1 or 2) and sheep-lion (0 or 1).
YONI_POINTS = (
    (4, 2, 2, 3, 2, 2, 2, 1, 0, 1, 1, 3, 2, 1),
    (2, 4, 3, 3, 2, 2, 2, 2, 3, 1, 2, 3, 2, 0),
    (2, 3, 4, 2, 1, 2, 1, 3, 3, 1, 2, 0, 3, 1),
    (3, 3, 2, 4, 2, 1, 1, 1, 1, 2, 2, 2, 0, 2),
    (2, 2, 1, 2, 4, 2, 1, 2, 2, 1, 0, 2, 1, 1),
    (2, 2, 2, 1, 2, 4, 0, 2, 2, 1, 3, 3, 2, 1),
    (2, 2, 1, 1, 1, 0, 4, 2, 2, 2, 2, 2, 1, 2),
    (1, 2, 3, 1, 2, 2, 2, 4, 3, 0, 3, 2, 2, 1),
    (0, 3, 3, 1, 2, 2, 2, 3, 4, 1, 2, 2, 2, 1),
    (1, 1, 1, 2, 1, 1, 2, 0, 1, 4, 1, 1, 2, 1),
    (1, 2, 2, 2, 0, 3, 2, 3, 2, 1, 4, 2, 2, 1),
    (3, 3, 0, 2, 2, 3, 2, 2, 2, 1, 2, 4, 3, 2),
    (2, 2, 3, 0, 1, 2, 1, 2, 2, 2, 2, 3, 4, 2),
    (1, 0, 1, 2, 1, 1, 2, 1, 1, 1, 1, 2, 2, 4),
)


class Gana(enum.IntEnum):
    """Temperament class of a nakshatra."""

    DEVA = 0
    MANUSHYA = 1
    RAKSHASA = 2


_D, _M, _R = Gana.DEVA, Gana.MANUSHYA, Gana.RAKSHASA
GANA_OF_NAKSHATRA = (
    _D, _M, _R, _M, _D, _M, _D, _D, _R, _R, _M, _M, _D, _R,
    _D, _R, _D, _R, _R, _M, _M, _D, _R, _R, _M, _M, _D,
)  # fmt: skip

# Gana points [groom][bride], Future Point "Horoscope Matching" (futuresamachar.com) guna
# table: a Manushya groom with a Deva bride 5, a Deva groom with a Manushya bride 6,
# Deva-Rakshasa 1 either way. (PyJHora and others give a Deva groom with a Rakshasa bride 0.)
GANA_POINTS = (
    (6.0, 6.0, 1.0),
    (5.0, 6.0, 0.0),
    (1.0, 0.0, 6.0),
)


class Nadi(enum.IntEnum):
    """Aadi (Vata), Madhya (Pitta), Antya (Kapha)."""

    AADI = 0
    MADHYA = 1
    ANTYA = 2


# Nadi runs Aadi, Madhya, Antya, Antya, Madhya, Aadi and repeats every six nakshatras.
NADI_CYCLE = (Nadi.AADI, Nadi.MADHYA, Nadi.ANTYA, Nadi.ANTYA, Nadi.MADHYA, Nadi.AADI)


def tara(from_star: Nakshatra, to_star: Nakshatra) -> int:
    """The tara (1..9) of `to_star` counted inclusively from `from_star`."""
    count = (to_star.value - from_star.value) % 27 + 1
    return (count - 1) % 9 + 1


def nadi_of(nakshatra: Nakshatra) -> Nadi:
    """The nadi of a nakshatra."""
    return NADI_CYCLE[nakshatra.value % 6]
