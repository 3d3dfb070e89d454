"""The classical cancellations of the Nadi and Bhakoot doshas a match reports."""

from __future__ import annotations

from backend.domain.astrology.milan_signs import Relation, relation
from backend.domain.astrology.zodiac import Nakshatra, Sign


def nadi_cancellation(bride: tuple[Sign, Nakshatra], groom: tuple[Sign, Nakshatra]) -> str | None:
    """Why a same-nadi pair is exempt, or None.

    The exception quoted in most matching manuals (after Muhurta Chintamani): the same Moon
    sign with different nakshatras, or the same nakshatra in different signs (possible for
    the nine nakshatras that straddle two signs). The same nakshatra in the same sign is not
    exempt here, whatever the padas: the strictest reading, since schools differ on padas.
    """
    (bride_sign, bride_star), (groom_sign, groom_star) = bride, groom
    if bride_sign is groom_sign and bride_star is not groom_star:
        return "same_rashi_different_nakshatra"
    if bride_star is groom_star and bride_sign is not groom_sign:
        return "same_nakshatra_different_rashi"
    return None


def bhakoot_cancellation(bride: Sign, groom: Sign) -> str | None:
    """Why a 2/12, 5/9 or 6/8 pair is exempt, or None.

    The classical exception quoted in matching manuals: the two Moon signs share a lord
    (Aries/Scorpio, Taurus/Libra, Capricorn/Aquarius), or each lord is the other's natural
    friend (BPHS). A one-way friendship is not enough here.
    """
    if bride.lord is groom.lord:
        return "same_lord"
    both_ways = (relation(bride.lord, groom.lord), relation(groom.lord, bride.lord))
    if both_ways == (Relation.FRIEND, Relation.FRIEND):
        return "lords_friends"
    return None
