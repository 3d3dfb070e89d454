"""Ashtakoota tables read from the Moon signs: Varna, Vashya, Graha Maitri and Bhakoot.

Published tables disagree in places; each table below names the one convention pinned here.
"""

from __future__ import annotations

import enum

from backend.domain.astrology.zodiac import SIGN_SPAN, Graha, Sign


class Varna(enum.IntEnum):
    """Varna of a Moon sign; a higher value is a higher varna."""

    SHUDRA = 1
    VAISHYA = 2
    KSHATRIYA = 3
    BRAHMIN = 4


# Varna by sign, Aries..Pisces, in the element-wise form of the common North-Indian panchang
# matching tables: water signs Brahmin, fire Kshatriya, earth Vaishya, air Shudra. (Natal texts
# such as Jataka Parijata give Taurus/Virgo/Capricorn as Shudra instead: not used for matching.)
VARNA_OF_SIGN = (
    Varna.KSHATRIYA, Varna.VAISHYA, Varna.SHUDRA, Varna.BRAHMIN,
    Varna.KSHATRIYA, Varna.VAISHYA, Varna.SHUDRA, Varna.BRAHMIN,
    Varna.KSHATRIYA, Varna.VAISHYA, Varna.SHUDRA, Varna.BRAHMIN,
)  # fmt: skip


class Vashya(enum.IntEnum):
    """The five vashya groups (row/column order of VASHYA_POINTS)."""

    CHATUSHPADA = 0  # quadruped
    MANAVA = 1  # human
    JALACHARA = 2  # water-dwelling
    VANACHARA = 3  # wild (Leo)
    KEETA = 4  # insect (Scorpio)


# Vashya by sign; Sagittarius and Capricorn are split at 15° (see vashya_of):
# Sagittarius is Manava then Chatushpada, Capricorn Chatushpada then Jalachara.
VASHYA_OF_SIGN: tuple[Vashya | tuple[Vashya, Vashya], ...] = (
    Vashya.CHATUSHPADA, Vashya.CHATUSHPADA, Vashya.MANAVA, Vashya.JALACHARA,
    Vashya.VANACHARA, Vashya.MANAVA, Vashya.MANAVA, Vashya.KEETA,
    (Vashya.MANAVA, Vashya.CHATUSHPADA), (Vashya.CHATUSHPADA, Vashya.JALACHARA),
    Vashya.MANAVA, Vashya.JALACHARA,
)  # fmt: skip

# Vashya points [groom][bride]: the symmetric five-group grid of the common North-Indian
# panchang/software tables (variants exist with 1.5 or 0 in the Vanachara cells).
VASHYA_POINTS = (
    (2.0, 1.0, 1.0, 0.5, 1.0),
    (1.0, 2.0, 0.5, 0.0, 1.0),
    (1.0, 0.5, 2.0, 1.0, 1.0),
    (0.5, 0.0, 1.0, 2.0, 0.0),
    (1.0, 1.0, 1.0, 0.0, 2.0),
)


class Relation(enum.Enum):
    """How one graha regards another in the natural (naisargika) scheme."""

    FRIEND = "friend"
    NEUTRAL = "neutral"
    ENEMY = "enemy"


_S, _Mo, _Ma, _Me, _J, _V, _Sa = (
    Graha.SUN, Graha.MOON, Graha.MARS, Graha.MERCURY, Graha.JUPITER, Graha.VENUS, Graha.SATURN,
)  # fmt: skip
# Natural friends and enemies of the seven sign lords, BPHS ch. 3; all others are neutral.
NATURAL_FRIENDS: dict[Graha, frozenset[Graha]] = {
    _S: frozenset({_Mo, _Ma, _J}), _Mo: frozenset({_S, _Me}), _Ma: frozenset({_S, _Mo, _J}),
    _Me: frozenset({_S, _V}), _J: frozenset({_S, _Mo, _Ma}), _V: frozenset({_Me, _Sa}),
    _Sa: frozenset({_Me, _V}),
}  # fmt: skip
NATURAL_ENEMIES: dict[Graha, frozenset[Graha]] = {
    _S: frozenset({_V, _Sa}), _Mo: frozenset(), _Ma: frozenset({_Me}), _Me: frozenset({_Mo}),
    _J: frozenset({_Me, _V}), _V: frozenset({_S, _Mo}), _Sa: frozenset({_S, _Mo, _Ma}),
}  # fmt: skip

# Graha Maitri points by the two one-way relations, as in the common North-Indian tables:
# friend+friend 5, friend+neutral 4, neutral+neutral 3, friend+enemy 1, neutral+enemy 0.5,
# enemy+enemy 0 (the same lord counts as friend+friend).
_F, _N, _E = Relation.FRIEND, Relation.NEUTRAL, Relation.ENEMY
MAITRI_POINTS = {
    frozenset({_F}): 5.0, frozenset({_F, _N}): 4.0, frozenset({_N}): 3.0,
    frozenset({_F, _E}): 1.0, frozenset({_N, _E}): 0.5, frozenset({_E}): 0.0,
}  # fmt: skip

# Bhakoot: Moon signs 2/12, 5/9 or 6/8 from each other (either way round) score nothing.
BHAKOOT_DOSHA_PAIRS = frozenset({(2, 12), (5, 9), (6, 8)})


def vashya_of(longitude: float) -> Vashya:
    """The vashya group of a Moon longitude (Sagittarius and Capricorn change at 15°)."""
    sign = Sign.of(longitude)
    group = VASHYA_OF_SIGN[sign.value]
    if isinstance(group, tuple):
        return group[0] if longitude - sign.value * SIGN_SPAN < SIGN_SPAN / 2 else group[1]
    return group


def relation(of: Graha, to: Graha) -> Relation:
    """How `of` naturally regards `to` (BPHS); a graha is its own friend."""
    if of is to or to in NATURAL_FRIENDS[of]:
        return Relation.FRIEND
    return Relation.ENEMY if to in NATURAL_ENEMIES[of] else Relation.NEUTRAL
