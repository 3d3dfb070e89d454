"""The structured Kundali report: every section agrees with the chart and its analysis."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time
from functools import cache

import pytest

from backend.domain.astrology import ChartAnalysis, Graha, Sign, analyse, antardashas
from backend.domain.profile import BirthProfile
from backend.domain.report import (
    PERSONALITY,
    REMEDIES,
    SECTIONS,
    KundaliReport,
    build_report,
)
from bot_flows.preview import chart_for

AT = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
PROFILES = {
    "mumbai": BirthProfile(
        "Asha Kulkarni", date(1990, 8, 15), time(22, 30), "Mumbai, Maharashtra, India",
        19.07283, 72.88261, "Asia/Kolkata", id=1,
    ),
    "london_dst": BirthProfile(
        "Ravi Menon", date(1976, 7, 4), time(5, 45), "London, England, United Kingdom",
        51.50853, -0.12574, "Europe/London", id=2,
    ),
    "pune_no_time": BirthProfile(
        "आशा", date(1985, 1, 26), None, "Pune, Maharashtra, India", 18.52, 73.86,
        "Asia/Kolkata", id=3,
    ),
}  # fmt: skip


@cache
def analysed(key: str) -> tuple[ChartAnalysis, KundaliReport]:
    profile = PROFILES[key]
    analysis = analyse(chart_for(profile), AT)
    return analysis, build_report(profile, analysis)


@pytest.mark.parametrize("key", PROFILES)
def test_the_planet_table_is_the_chart(key: str) -> None:
    analysis, report = analysed(key)
    chart = analysis.chart
    assert [row.graha for row in report.planets] == list(Graha)
    for row, pos in zip(report.planets, chart.grahas, strict=True):
        assert (row.sign, row.degree_in_sign, row.longitude) == (
            pos.sign, pos.degree_in_sign, pos.longitude,
        )  # fmt: skip
        assert (row.nakshatra, row.pada, row.retrograde) == (
            pos.nakshatra,
            pos.pada,
            pos.retrograde,
        )
        assert row.dignity is analysis.dignities[pos.graha]
        assert row.graha in analysis.houses[row.house - 1].occupants
        if pos.house is not None:  # time known: the chart's own house numbers
            assert row.house == pos.house


@pytest.mark.parametrize("key", PROFILES)
def test_houses_and_lagna_follow_the_analysis(key: str) -> None:
    analysis, report = analysed(key)
    chart = analysis.chart
    assert report.houses.houses == analysis.houses
    assert report.houses.reference == analysis.houses_reference == report.lagna.reference
    lagna = report.lagna
    expected_sign = chart.lagna if chart.lagna is not None else chart.moon.sign
    assert lagna.sign is expected_sign and lagna.lord is expected_sign.lord
    lord = chart.graha(lagna.lord)
    assert (lagna.lord_sign, lagna.lord_retrograde) == (lord.sign, lord.retrograde)
    assert lagna.lord_house == (lord.sign.value - expected_sign.value) % 12 + 1
    assert lagna.lord_dignity is analysis.dignities[lagna.lord]
    assert lagna.personality == PERSONALITY[expected_sign]
    point = chart.ascendant if chart.ascendant is not None else chart.moon
    assert (lagna.degree_in_sign, lagna.nakshatra, lagna.pada) == (
        point.degree_in_sign, point.nakshatra, point.pada,
    )  # fmt: skip


def test_without_a_birth_time_everything_counts_from_the_moon() -> None:
    _, report = analysed("pune_no_time")
    assert report.lagna.reference == report.birth.houses_reference == "moon"
    assert report.birth.birth_time is None and not report.birth.time_known
    assert report.manglik.mars_from_lagna is None
    moon_row = report.planets[Graha.MOON.value]
    assert moon_row.house == 1


@pytest.mark.parametrize("key", PROFILES)
def test_birth_details_say_how_the_chart_was_computed(key: str) -> None:
    analysis, report = analysed(key)
    moment, b = analysis.chart.moment, report.birth
    profile = PROFILES[key]
    assert (b.name, b.birth_date, b.birth_time, b.place_label, b.timezone) == (
        profile.name, profile.birth_date, profile.birth_time, profile.place_label,
        profile.timezone,
    )  # fmt: skip
    assert (b.utc_offset, b.utc, b.latitude, b.longitude) == (
        moment.utc_offset, moment.utc, moment.latitude, moment.longitude,
    )  # fmt: skip
    assert (b.ayanamsa, b.node) == (analysis.chart.options.ayanamsa, analysis.chart.options.node)
    assert b.ayanamsa_degrees == analysis.chart.ayanamsa_degrees
    assert b.house_system == "whole_sign"


def test_the_utc_offset_is_the_one_in_force_at_birth() -> None:
    _, report = analysed("london_dst")
    assert report.birth.utc_offset.total_seconds() == 3600  # British Summer Time in July


@pytest.mark.parametrize("key", PROFILES)
def test_dashas_cover_today(key: str) -> None:
    analysis, report = analysed(key)
    d = report.dasha
    assert d.mahadashas == analysis.mahadashas and len(d.mahadashas) == 9
    assert d.mahadasha.start <= AT < d.mahadasha.end
    assert d.antardasha.start <= AT < d.antardasha.end
    assert d.antardashas == antardashas(d.mahadasha) and d.antardasha in d.antardashas
    assert d.next_antardashas == analysis.dasha_now.next_antardashas
    assert len(d.next_antardashas) == 3 and d.next_antardashas[0].start == d.antardasha.end


@pytest.mark.parametrize("key", PROFILES)
def test_manglik_yogas_and_sade_sati_come_from_the_analysis(key: str) -> None:
    analysis, report = analysed(key)
    m = report.manglik
    assert m.detail == analysis.manglik
    expected = (
        "manglik" if m.detail.effective else "cancelled" if m.detail.present else "not_manglik"
    )
    assert m.status == expected
    chart = analysis.chart
    mars = chart.graha(Graha.MARS).sign.value
    assert m.mars_from_moon == (mars - chart.moon.sign.value) % 12 + 1
    assert m.mars_from_venus == (mars - chart.graha(Graha.VENUS).sign.value) % 12 + 1
    assert report.yogas == analysis.yogas
    assert report.sade_sati == analysis.sade_sati


@pytest.mark.parametrize("key", PROFILES)
def test_remedies_are_the_lagna_lords(key: str) -> None:
    _, report = analysed(key)
    assert report.remedies.graha is report.lagna.lord
    assert report.remedies.remedy == REMEDIES[report.lagna.lord]


def test_the_tables_cover_every_sign_and_graha() -> None:
    assert set(PERSONALITY) == set(Sign)
    assert set(REMEDIES) == set(Graha)
    assert sorted(r.number for r in REMEDIES.values()) == list(range(1, 10))
    assert len({r.gemstone for r in REMEDIES.values()}) == 9  # the navaratna, one each


def test_sections_are_declared_in_report_order_and_the_report_is_frozen() -> None:
    _, report = analysed("mumbai")
    fields = [f.name for f in dataclasses.fields(report)]
    assert fields[0] == "at" and fields[1:] == list(SECTIONS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.birth = report.birth  # type: ignore[misc]
