"""Build the structured Kundali report from a profile and its chart analysis."""

from __future__ import annotations

from backend.domain.astrology import ChartAnalysis, Graha, GrahaPosition, Position, antardashas
from backend.domain.profile import BirthProfile
from backend.domain.report.sections import (
    HOUSE_SYSTEM,
    BirthDetails,
    DashaSection,
    HousesSection,
    KundaliReport,
    LagnaSection,
    ManglikSection,
    PlanetRow,
    RemediesSection,
)
from backend.domain.report.tables import PERSONALITY, REMEDIES


def build_report(profile: BirthProfile, analysis: ChartAnalysis) -> KundaliReport:
    """The report's sections, in order, from one analysis (no text: codes and values)."""
    return KundaliReport(
        at=analysis.at,
        birth=_birth(profile, analysis),
        lagna=_lagna(analysis),
        planets=tuple(_planet(p, analysis) for p in analysis.chart.grahas),
        houses=HousesSection(analysis.houses_reference, analysis.houses),
        dasha=_dasha(analysis),
        manglik=_manglik(analysis),
        yogas=analysis.yogas,
        sade_sati=analysis.sade_sati,
        remedies=_remedies(analysis),
    )


def _birth(profile: BirthProfile, analysis: ChartAnalysis) -> BirthDetails:
    chart = analysis.chart
    return BirthDetails(
        name=profile.name,
        birth_date=profile.birth_date,
        birth_time=profile.birth_time,
        place_label=profile.place_label,
        latitude=chart.moment.latitude,
        longitude=chart.moment.longitude,
        timezone=profile.timezone,
        utc_offset=chart.moment.utc_offset,
        utc=chart.moment.utc,
        ambiguous_time=chart.moment.ambiguous,
        moon_sign_certain=chart.moon_sign_certain,
        ayanamsa=chart.options.ayanamsa,
        ayanamsa_degrees=chart.ayanamsa_degrees,
        node=chart.options.node,
        house_system=HOUSE_SYSTEM,
        houses_reference=analysis.houses_reference,
    )


def _reference_point(analysis: ChartAnalysis) -> Position:
    # Without a birth time there is no ascendant: the Moon stands in (Chandra lagna), exactly
    # as the analysis counts its houses.
    ascendant = analysis.chart.ascendant
    return ascendant if analysis.houses_reference == "lagna" and ascendant else analysis.chart.moon


def _house_of(position: Position, analysis: ChartAnalysis) -> int:
    return (position.sign.value - analysis.houses[0].sign.value) % 12 + 1


def _lagna(analysis: ChartAnalysis) -> LagnaSection:
    point = _reference_point(analysis)
    first = analysis.houses[0]
    lord = analysis.chart.graha(first.lord)
    return LagnaSection(
        reference=analysis.houses_reference,
        sign=first.sign,
        degree_in_sign=point.degree_in_sign,
        nakshatra=point.nakshatra,
        pada=point.pada,
        lord=first.lord,
        lord_sign=lord.sign,
        lord_house=first.lord_house,
        lord_dignity=analysis.dignities[first.lord],
        lord_retrograde=lord.retrograde,
        personality=PERSONALITY[first.sign],
    )


def _planet(p: GrahaPosition, analysis: ChartAnalysis) -> PlanetRow:
    return PlanetRow(
        graha=p.graha,
        longitude=p.longitude,
        sign=p.sign,
        degree_in_sign=p.degree_in_sign,
        nakshatra=p.nakshatra,
        pada=p.pada,
        retrograde=p.retrograde,
        house=_house_of(p, analysis),
        dignity=analysis.dignities[p.graha],
    )


def _dasha(analysis: ChartAnalysis) -> DashaSection:
    now = analysis.dasha_now
    return DashaSection(
        mahadashas=analysis.mahadashas,
        mahadasha=now.mahadasha,
        antardasha=now.antardasha,
        next_antardashas=now.next_antardashas,
        antardashas=antardashas(now.mahadasha),
    )


def _count_from(frm: Position, to: Position) -> int:
    return (to.sign.value - frm.sign.value) % 12 + 1


def _manglik(analysis: ChartAnalysis) -> ManglikSection:
    chart, detail = analysis.chart, analysis.manglik
    mars = chart.graha(Graha.MARS)
    if detail.effective:
        status = "manglik"
    elif detail.present:
        status = "cancelled"
    else:
        status = "not_manglik"
    return ManglikSection(
        status=status,
        mars_from_lagna=None if chart.ascendant is None else _count_from(chart.ascendant, mars),
        mars_from_moon=_count_from(chart.moon, mars),
        mars_from_venus=_count_from(chart.graha(Graha.VENUS), mars),
        detail=detail,
    )


def _remedies(analysis: ChartAnalysis) -> RemediesSection:
    lord = analysis.houses[0].lord
    return RemediesSection(graha=lord, remedy=REMEDIES[lord])
