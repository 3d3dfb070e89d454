"""Kundali Milan: Ashtakoota points (36), Nadi and Bhakoot doshas and Mars dosha of a couple."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from backend.domain.astrology.chart import Chart
from backend.domain.astrology.manglik import ManglikStatus, manglik
from backend.domain.astrology.milan_doshas import bhakoot_cancellation, nadi_cancellation
from backend.domain.astrology.milan_kootas import Koota, KootaScore, ashtakoota
from backend.domain.astrology.zodiac import Nakshatra, Sign

__all__ = [
    "Koota",
    "KootaScore",
    "ManglikLite",
    "MilanResult",
    "ashtakoota",
    "match",
    "verdict_for",
]

# Each partner's Manglik status as the Manglik module computes it (its rule and exceptions);
# the pairing rule below reads only `effective` (present and not cancelled).
ManglikLite: TypeAlias = ManglikStatus

TOTAL_POINTS = 36.0
# Verdict bands on the total, as most panchangs print them: under 18 is not recommended,
# 18-24.5 average, 25-32.5 good, 33 and more excellent. A Nadi or Bhakoot dosha (0 points)
# keeps the total at 29 or less, so never "excellent"; the doshas are reported beside it.
VERDICT_BANDS = ((33.0, "excellent"), (25.0, "good"), (18.0, "average"))
NOT_RECOMMENDED = "not_recommended"


@dataclass(frozen=True)
class MilanResult:
    """The match of a bride and a groom by their Moons, with the doshas beside the points.

    `nadi_dosha`/`bhakoot_dosha` say the koota scored 0; `*_cancellation` names the classical
    exception that applies (None when none does).
    """

    bride_moon: tuple[Sign, Nakshatra]
    groom_moon: tuple[Sign, Nakshatra]
    kootas: tuple[KootaScore, ...]
    total: float
    nadi_dosha: bool
    bhakoot_dosha: bool
    bride_manglik: ManglikLite
    groom_manglik: ManglikLite
    manglik_cancelled_by_pairing: bool
    verdict: str
    nadi_cancellation: str | None = None
    bhakoot_cancellation: str | None = None
    moon_signs_certain: bool = True

    def score(self, koota: Koota) -> KootaScore:
        """The score of one koota."""
        return self.kootas[koota.value - 1]

    @property
    def nadi_dosha_effective(self) -> bool:
        """Nadi dosha present and not cancelled."""
        return self.nadi_dosha and self.nadi_cancellation is None

    @property
    def bhakoot_dosha_effective(self) -> bool:
        """Bhakoot dosha present and not cancelled."""
        return self.bhakoot_dosha and self.bhakoot_cancellation is None

    @property
    def manglik_one_sided(self) -> bool:
        """Exactly one partner is Manglik: the case the pairing rule cannot cancel."""
        return self.bride_manglik.effective != self.groom_manglik.effective


def verdict_for(total: float) -> str:
    """The band code of a total: excellent, good, average or not_recommended."""
    for floor, band in VERDICT_BANDS:
        if total >= floor:
            return band
    return NOT_RECOMMENDED


def match(bride: Chart, groom: Chart) -> MilanResult:
    """Match two birth charts by Ashtakoota, with the Nadi, Bhakoot and Mars doshas."""
    bride_moon = (bride.moon.sign, bride.moon.nakshatra)
    groom_moon = (groom.moon.sign, groom.moon.nakshatra)
    kootas = ashtakoota(bride.moon.longitude, groom.moon.longitude)
    nadi_dosha = kootas[Koota.NADI.value - 1].points == 0
    bhakoot_dosha = kootas[Koota.BHAKOOT.value - 1].points == 0
    total = sum(k.points for k in kootas)
    bride_manglik, groom_manglik = manglik(bride), manglik(groom)
    return MilanResult(
        bride_moon=bride_moon,
        groom_moon=groom_moon,
        kootas=kootas,
        total=total,
        nadi_dosha=nadi_dosha,
        bhakoot_dosha=bhakoot_dosha,
        bride_manglik=bride_manglik,
        groom_manglik=groom_manglik,
        # Two Manglik partners are held to cancel each other's dosha.
        manglik_cancelled_by_pairing=bride_manglik.effective and groom_manglik.effective,
        verdict=verdict_for(total),
        nadi_cancellation=nadi_cancellation(bride_moon, groom_moon) if nadi_dosha else None,
        bhakoot_cancellation=(
            bhakoot_cancellation(bride_moon[0], groom_moon[0]) if bhakoot_dosha else None
        ),
        moon_signs_certain=bride.moon_sign_certain and groom.moon_sign_certain,
    )
