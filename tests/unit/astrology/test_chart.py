"""Chart assembly: houses, nodes, unknown birth times, serialization and the ephemeris guard."""

import json
from datetime import date, datetime, time, timedelta

import pytest
import swisseph as swe

from backend.domain.astrology import (
    Chart,
    ChartOptions,
    EphemerisError,
    Graha,
    NodeType,
    Sign,
    birth_moment,
    chart_to_dict,
    compute_chart,
)

IST = timedelta(hours=5, minutes=30)
MUMBAI = (19.07, 72.88)


def _chart(
    day: date = date(1990, 5, 15),
    clock: time | None = time(14, 30),
    node: NodeType = NodeType.MEAN,
) -> Chart:
    moment = birth_moment(day, clock, *MUMBAI, utc_offset=IST)
    return compute_chart(moment, ChartOptions(node=node))


def test_all_nine_grahas_in_order_with_sane_values():
    chart = _chart()
    assert [p.graha for p in chart.grahas] == list(Graha)
    for p in chart.grahas:
        assert 0 <= p.longitude < 360
        assert 0 <= p.degree_in_sign < 30
        assert 1 <= p.pada <= 4
        assert p.house is not None and 1 <= p.house <= 12
        assert chart.graha(p.graha) is p
    assert chart.moon is chart.graha(Graha.MOON) and chart.sun is chart.graha(Graha.SUN)
    assert 0.9 < chart.sun.speed < 1.1 and 11 < chart.moon.speed < 16


def test_whole_sign_houses_count_from_the_lagna():
    chart = _chart()
    assert chart.ascendant is not None and chart.lagna is chart.ascendant.sign
    for p in chart.grahas:
        assert p.house == (p.sign.value - chart.lagna.value) % 12 + 1


def test_ketu_is_opposite_rahu_and_moves_with_it():
    for node in NodeType:
        chart = _chart(node=node)
        rahu, ketu = chart.graha(Graha.RAHU), chart.graha(Graha.KETU)
        assert (ketu.longitude - rahu.longitude) % 360 == pytest.approx(180)
        assert ketu.speed == rahu.speed and ketu.retrograde == rahu.retrograde


def test_mean_node_is_always_retrograde_and_true_node_sometimes_is_not():
    days = [date(1990, 1, 1) + timedelta(days=5 * i) for i in range(80)]
    mean = [_chart(day, node=NodeType.MEAN).graha(Graha.RAHU) for day in days]
    true = [_chart(day, node=NodeType.TRUE).graha(Graha.RAHU) for day in days]
    assert all(p.retrograde for p in mean)
    assert not all(p.retrograde for p in true)
    for m, t in zip(mean, true, strict=True):
        assert abs((m.longitude - t.longitude + 180) % 360 - 180) < 2.5


def test_unknown_time_gives_no_lagna_no_houses_and_uses_noon():
    chart = _chart(clock=None)
    assert chart.ascendant is None and chart.lagna is None
    assert all(p.house is None for p in chart.grahas)
    assert chart.moment.local.time() == time(12, 0)
    noon = _chart(clock=time(12, 0))
    assert [p.longitude for p in chart.grahas] == [p.longitude for p in noon.grahas]


def test_moon_sign_certainty_when_time_unknown():
    seen = set()
    for offset in range(8):
        day = date(1990, 1, 1) + timedelta(days=offset)
        first = _chart(day, time(0, 0)).moon.sign
        last = birth_moment(day + timedelta(days=1), time(0, 0), *MUMBAI, utc_offset=IST)
        expected = first is compute_chart(last).moon.sign
        assert _chart(day, None).moon_sign_certain is expected
        seen.add(expected)
    assert seen == {True, False}  # the Moon changes sign every ~2.3 days
    assert _chart().moon_sign_certain  # a known time makes the sign certain


def test_chart_to_dict_is_json_ready():
    data = chart_to_dict(_chart(node=NodeType.TRUE))
    assert json.loads(json.dumps(data)) == data
    assert data["ayanamsa"] == "lahiri" and data["node"] == "true"
    birth = data["birth"]
    assert isinstance(birth, dict)
    assert birth["local"] == "1990-05-15T14:30:00+05:30"
    assert birth["utc"] == "1990-05-15T09:00:00+00:00"
    assert birth["utc_offset"] == "+05:30"
    assert datetime.fromisoformat(birth["utc"]).utcoffset() == timedelta(0)
    grahas = data["grahas"]
    assert isinstance(grahas, list) and len(grahas) == 9
    assert grahas[1]["graha"] == "Moon" and grahas[1]["sanskrit"] == "Chandra"
    assert data["lagna"] in {sign.english for sign in Sign}


def test_chart_to_dict_without_time():
    data = chart_to_dict(_chart(clock=None))
    assert data["lagna"] is None and data["ascendant"] is None
    grahas = data["grahas"]
    assert isinstance(grahas, list)
    assert all(g["house"] is None for g in grahas)


def test_a_chart_must_list_every_graha_in_order():
    chart = _chart()
    with pytest.raises(ValueError, match="nine grahas"):
        Chart(chart.moment, chart.options, 23.7, chart.ascendant, chart.grahas[::-1])


def test_a_fallback_to_another_ephemeris_is_an_error(monkeypatch):
    real = swe.calc_ut

    def swiss_files_instead(jd, body, flags):
        xx, retflags = real(jd, body, flags)
        return xx, (retflags & ~swe.FLG_MOSEPH) | swe.FLG_SWIEPH

    monkeypatch.setattr(swe, "calc_ut", swiss_files_instead)
    with pytest.raises(EphemerisError, match="not Moshier"):
        _chart()


def test_the_ephemeris_is_asked_for_moshier(monkeypatch):
    asked = []
    real = swe.calc_ut

    def spy(jd, body, flags):
        asked.append(flags)
        return real(jd, body, flags)

    monkeypatch.setattr(swe, "calc_ut", spy)
    _chart()
    assert asked and all(f & swe.FLG_MOSEPH and f & swe.FLG_SIDEREAL for f in asked)
