"""The brief's rules written out again, independently of the code, for the answer tests."""

from __future__ import annotations

from datetime import timedelta

from backend.domain.astrology.analysis import ChartAnalysis
from backend.domain.astrology.dasha import DashaPeriod, antardashas
from backend.domain.astrology.zodiac import Graha
from backend.domain.qna.topics import Topic

J, V, ME, MO = Graha.JUPITER, Graha.VENUS, Graha.MERCURY, Graha.MOON
BENEFICS = (J, V, ME, MO)
EXPECTED_HOUSES = {
    Topic.CAREER: (10, 6, 2, 11),
    Topic.MARRIAGE: (7, 2, 11),
    Topic.HEALTH: (1, 6, 8),
    Topic.WEALTH: (2, 11),
    Topic.EDUCATION: (4, 5),
    Topic.TRAVEL: (9, 12, 3),
    Topic.CHILDREN: (5,),
    Topic.PROPERTY: (4,),
    Topic.GENERAL: (1,),
}
FIXED_KARAKAS = {
    Topic.CAREER: {Graha.SATURN, Graha.SUN},
    Topic.MARRIAGE: {V, J},
    Topic.HEALTH: {Graha.SUN},
    Topic.WEALTH: {J},
    Topic.EDUCATION: {ME, J},
    Topic.TRAVEL: {Graha.RAHU},
    Topic.CHILDREN: {J},
    Topic.PROPERTY: {Graha.MARS},
    Topic.GENERAL: set(),
}


def significators(topic: Topic, analysis: ChartAnalysis) -> set[Graha]:
    houses = [analysis.houses[n - 1] for n in EXPECTED_HOUSES[topic]]
    occupants = {g for h in houses for g in h.occupants}
    return {h.lord for h in houses} | FIXED_KARAKAS[topic] | occupants


def window(analysis: ChartAnalysis, years: float = 20) -> list[DashaPeriod]:
    horizon = analysis.at + timedelta(days=years * 365.25)
    return [
        antar
        for maha in analysis.mahadashas
        for antar in antardashas(maha)
        if antar.end > analysis.at and antar.start < horizon
    ]
