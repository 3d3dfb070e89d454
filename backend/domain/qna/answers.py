"""Answer a topic from a chart analysis: its houses, karakas, the running dasha, the tone and
the next favourable antardasha. Pure and deterministic: same analysis, same answer.

Favourable period: the first antardasha, running at `at` or later and starting within
SEARCH_YEARS, whose lord rules a topic house, is a topic karaka, or sits in a topic house.
Failing that, the first such antardasha of a natural benefic (Jupiter, Venus, Mercury, Moon).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from backend.domain.astrology.analysis import ChartAnalysis
from backend.domain.astrology.dasha import YEAR_DAYS, DashaPeriod, antardashas
from backend.domain.astrology.houses import House
from backend.domain.astrology.zodiac import Graha
from backend.domain.qna.answer_types import Answer, HouseReading, KarakaReading, Reason
from backend.domain.qna.topic_rules import (
    DIGNITY_POINTS,
    NATURAL_BENEFICS,
    TOPIC_HOUSES,
    TOPIC_KARAKAS,
    occupant_points,
    tone_of,
)
from backend.domain.qna.topics import Topic

SEARCH_YEARS = 20
__all__ = ["Answer", "HouseReading", "KarakaReading", "Reason", "answer"]


def answer(topic: Topic, analysis: ChartAnalysis) -> Answer:
    """Read the topic's houses and karakas and find its next favourable period."""
    readings = tuple(_reading(analysis, analysis.houses[n - 1]) for n in TOPIC_HOUSES[topic])
    karakas = _karakas(topic, analysis)
    period, reasons = favourable_period(topic, analysis)
    score = _tone_score(readings, karakas, analysis)
    return Answer(
        topic=topic,
        houses_reference=analysis.houses_reference,
        houses=readings,
        karakas=karakas,
        mahadasha=analysis.dasha_now.mahadasha,
        antardasha=analysis.dasha_now.antardasha,
        favourable_period=period,
        favourable_reasons=reasons,
        tone=tone_of(score),
        tone_score=score,
    )


def reasons_for(graha: Graha, topic: Topic, analysis: ChartAnalysis) -> tuple[Reason, ...]:
    """Every way a graha signifies the topic in this chart (empty when it does not)."""
    reasons: list[Reason] = []
    for number in TOPIC_HOUSES[topic]:
        house = analysis.houses[number - 1]
        if house.lord is graha:
            reasons.append(Reason("lord", number))
        if graha in house.occupants:
            reasons.append(Reason("occupant", number))
    # A karaka named as "lord of house N" is already a topic-house lord: say so only once.
    if any(k.graha is graha and k.lord_of is None for k in _karakas(topic, analysis)):
        reasons.append(Reason("karaka"))
    return tuple(reasons)


def favourable_period(
    topic: Topic, analysis: ChartAnalysis
) -> tuple[DashaPeriod, tuple[Reason, ...]]:
    """The next (or current) antardasha signifying the topic, else of a natural benefic."""
    window = tuple(upcoming_antardashas(analysis))
    for period in window:
        reasons = reasons_for(period.lord, topic, analysis)
        if reasons:
            return period, reasons
    fallback = next((p for p in window if p.lord in NATURAL_BENEFICS), None)
    # Any 20 Vimshottari years hold a Jupiter, Mercury or Moon antardasha; this keeps the
    # function total for a shorter window.
    if fallback is None:
        return analysis.dasha_now.antardasha, ()
    return fallback, (Reason("benefic"),)


def upcoming_antardashas(analysis: ChartAnalysis) -> Iterator[DashaPeriod]:
    """Antardashas running at `at` or starting within SEARCH_YEARS after it, in order."""
    horizon = analysis.at + timedelta(days=SEARCH_YEARS * YEAR_DAYS)
    for maha in analysis.mahadashas:
        if maha.end <= analysis.at or maha.start >= horizon:
            continue
        yield from (a for a in antardashas(maha) if _overlaps(a, analysis.at, horizon))


def _overlaps(period: DashaPeriod, start: datetime, end: datetime) -> bool:
    return period.end > start and period.start < end


def _reading(analysis: ChartAnalysis, house: House) -> HouseReading:
    dignity = analysis.dignities[house.lord]
    return HouseReading(
        house.number, house.sign, house.lord, house.lord_house, dignity, house.occupants
    )


def _karakas(topic: Topic, analysis: ChartAnalysis) -> tuple[KarakaReading, ...]:
    result: dict[Graha, KarakaReading] = {}
    for karaka in TOPIC_KARAKAS[topic]:
        lord_of = karaka if isinstance(karaka, int) else None
        graha = analysis.houses[karaka - 1].lord if isinstance(karaka, int) else karaka
        sign = analysis.chart.graha(graha).sign
        house = next(h.number for h in analysis.houses if h.sign is sign)
        reading = KarakaReading(graha, house, sign, analysis.dignities[graha], lord_of)
        result.setdefault(graha, reading)  # a graha named twice is read once, first role wins
    return tuple(result.values())


def _tone_score(
    readings: tuple[HouseReading, ...],
    karakas: tuple[KarakaReading, ...],
    analysis: ChartAnalysis,
) -> int:
    # A graha counts once however many roles it plays (lord of two houses and karaka too).
    grahas = dict.fromkeys([r.lord for r in readings] + [k.graha for k in karakas])
    dignity = sum(DIGNITY_POINTS[analysis.dignities[g]] for g in grahas)
    return dignity + sum(occupant_points(g) for r in readings for g in r.occupants)
