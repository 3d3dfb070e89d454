"""Everything a report or an answer needs about a chart, computed once for one instant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend.domain.astrology.chart import Chart
from backend.domain.astrology.dasha import DashaNow, DashaPeriod, dasha_at, mahadashas
from backend.domain.astrology.dignity import Dignity, dignity
from backend.domain.astrology.houses import House, houses, houses_reference
from backend.domain.astrology.manglik import ManglikStatus, manglik
from backend.domain.astrology.sade_sati import SadeSati, sade_sati
from backend.domain.astrology.yogas import Yoga, yogas
from backend.domain.astrology.zodiac import Graha


@dataclass(frozen=True)
class ChartAnalysis:
    """Houses, dignities, dashas, manglik status, yogas and Sade Sati of one chart at `at`."""

    chart: Chart
    at: datetime  # the "today" the analysis was made for
    houses: tuple[House, ...]
    houses_reference: str
    dignities: dict[Graha, Dignity]
    mahadashas: tuple[DashaPeriod, ...]
    dasha_now: DashaNow
    manglik: ManglikStatus
    yogas: tuple[Yoga, ...]
    sade_sati: SadeSati


def analyse(chart: Chart, at: datetime) -> ChartAnalysis:
    """Analyse a chart as of an aware instant; ValueError if it precedes the first dasha."""
    if at.tzinfo is None:
        raise ValueError("analyse needs a timezone-aware datetime")
    return ChartAnalysis(
        chart=chart,
        at=at,
        houses=houses(chart),
        houses_reference=houses_reference(chart),
        dignities={p.graha: dignity(p.graha, p) for p in chart.grahas},
        mahadashas=mahadashas(chart),
        dasha_now=dasha_at(chart, at),
        manglik=manglik(chart),
        yogas=yogas(chart),
        sade_sati=sade_sati(chart, at),
    )
