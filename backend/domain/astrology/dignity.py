"""Dignity of a graha in a sign: exaltation, debilitation, moolatrikona, own, friend or enemy."""

from __future__ import annotations

import enum

from backend.domain.astrology.chart import Position
from backend.domain.astrology.zodiac import Graha, Sign

# Short private aliases keep the tables below readable.
_SUN, _MOON, _MARS, _MERCURY, _JUPITER, _VENUS, _SATURN = (
    Graha.SUN, Graha.MOON, Graha.MARS, Graha.MERCURY, Graha.JUPITER, Graha.VENUS, Graha.SATURN,
)  # fmt: skip


class Dignity(enum.Enum):
    """How comfortable a graha is in the sign it occupies, strongest first."""

    EXALTED = "exalted"
    DEBILITATED = "debilitated"
    MOOLATRIKONA = "moolatrikona"
    OWN_SIGN = "own_sign"
    FRIENDLY = "friendly"
    NEUTRAL = "neutral"
    ENEMY = "enemy"


# Source for every table here: Brihat Parashara Hora Shastra (BPHS), ch. 3.
EXALTATION: dict[Graha, Sign] = {
    _SUN: Sign.ARIES, _MOON: Sign.TAURUS, _MARS: Sign.CAPRICORN, _MERCURY: Sign.VIRGO,
    _JUPITER: Sign.CANCER, _VENUS: Sign.PISCES, _SATURN: Sign.LIBRA,
}  # fmt: skip
DEBILITATION: dict[Graha, Sign] = {g: Sign((s.value + 6) % 12) for g, s in EXALTATION.items()}
# (sign, first degree, last degree) of the moolatrikona part of a sign.
MOOLATRIKONA: dict[Graha, tuple[Sign, float, float]] = {
    _SUN: (Sign.LEO, 0.0, 20.0), _MOON: (Sign.TAURUS, 3.0, 30.0), _MARS: (Sign.ARIES, 0.0, 12.0),
    _MERCURY: (Sign.VIRGO, 15.0, 20.0), _JUPITER: (Sign.SAGITTARIUS, 0.0, 10.0),
    _VENUS: (Sign.LIBRA, 0.0, 15.0), _SATURN: (Sign.AQUARIUS, 0.0, 20.0),
}  # fmt: skip
# Naisargika (natural) relationships: (friends, enemies); every other graha is neutral.
_FRIENDS_ENEMIES: dict[Graha, tuple[frozenset[Graha], frozenset[Graha]]] = {
    _SUN: (frozenset({_MOON, _MARS, _JUPITER}), frozenset({_VENUS, _SATURN})),
    _MOON: (frozenset({_SUN, _MERCURY}), frozenset()),
    _MARS: (frozenset({_SUN, _MOON, _JUPITER}), frozenset({_MERCURY})),
    _MERCURY: (frozenset({_SUN, _VENUS}), frozenset({_MOON})),
    _JUPITER: (frozenset({_SUN, _MOON, _MARS}), frozenset({_MERCURY, _VENUS})),
    _VENUS: (frozenset({_MERCURY, _SATURN}), frozenset({_SUN, _MOON})),
    _SATURN: (frozenset({_MERCURY, _VENUS}), frozenset({_SUN, _MOON, _MARS})),
}


def owns(graha: Graha, sign: Sign) -> bool:
    """Whether the graha rules the sign (the nodes rule none)."""
    return sign.lord is graha


def relationship(graha: Graha, other: Graha) -> Dignity:
    """The natural (BPHS naisargika) relationship of graha towards other."""
    if graha not in _FRIENDS_ENEMIES or other is graha:
        return Dignity.NEUTRAL
    friends, enemies = _FRIENDS_ENEMIES[graha]
    if other in friends:
        return Dignity.FRIENDLY
    return Dignity.ENEMY if other in enemies else Dignity.NEUTRAL


def dignity(graha: Graha, position: Position) -> Dignity:
    """The graha's dignity at a position (Rahu and Ketu are always NEUTRAL)."""
    # Rahu/Ketu: texts disagree on their exaltation (Taurus or Gemini for Rahu) and they own
    # no sign, so we assign them no dignity rather than pick one school silently.
    if graha not in EXALTATION:
        return Dignity.NEUTRAL
    sign, degree = position.sign, position.degree_in_sign
    mt_sign, mt_from, mt_to = MOOLATRIKONA[graha]
    if sign is mt_sign and mt_from <= degree < mt_to:
        return Dignity.MOOLATRIKONA
    # BPHS splits the two signs that are both exaltation and moolatrikona: the Moon is exalted
    # in Taurus 0-3°, Mercury in Virgo 0-15° (and only own sign after its moolatrikona).
    if sign is EXALTATION[graha] and not (sign is mt_sign and degree >= mt_from):
        return Dignity.EXALTED
    if sign is DEBILITATION[graha]:
        return Dignity.DEBILITATED
    if owns(graha, sign):
        return Dignity.OWN_SIGN
    return relationship(graha, sign.lord)
