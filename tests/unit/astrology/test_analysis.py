"""analyse() gathers every part once; analysis_to_dict is JSON-ready with offset ISO times."""

import json
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from backend.domain.astrology import (
    Chart,
    Graha,
    analyse,
    analysis_to_dict,
    birth_moment,
    chart_to_dict,
    compute_chart,
    dasha_at,
    dignity,
    houses,
    mahadashas,
    manglik,
    sade_sati,
    yogas,
)

IST = timedelta(hours=5, minutes=30)
AT = datetime(2025, 3, 1, 12, tzinfo=UTC)


def _chart(clock: time | None = time(14, 30)) -> Chart:
    return compute_chart(birth_moment(date(1990, 5, 15), clock, 19.07, 72.88, utc_offset=IST))


@pytest.mark.parametrize("clock", [time(14, 30), None])
def test_analyse_gathers_the_parts(clock):
    chart = _chart(clock)
    a = analyse(chart, AT)
    assert a.chart is chart and a.at == AT
    assert a.houses == houses(chart)
    assert a.houses_reference == ("lagna" if clock else "moon")
    assert a.dignities == {p.graha: dignity(p.graha, p) for p in chart.grahas}
    assert list(a.dignities) == list(Graha)
    assert a.mahadashas == mahadashas(chart)
    assert a.dasha_now == dasha_at(chart, AT)
    assert a.manglik == manglik(chart)
    assert a.yogas == yogas(chart)
    assert a.sade_sati == sade_sati(chart, AT)


def test_analyse_needs_an_aware_instant():
    with pytest.raises(ValueError, match="timezone-aware"):
        analyse(_chart(), datetime(2025, 3, 1))


def test_analysis_to_dict_is_the_chart_dict_plus_an_analysis_section():
    a = analyse(_chart(), AT.astimezone(timezone(IST)))
    data = analysis_to_dict(a)
    assert json.loads(json.dumps(data)) == data
    section = data.pop("analysis")
    assert data == chart_to_dict(a.chart)
    assert isinstance(section, dict)
    assert section["at"] == "2025-03-01T17:30:00+05:30"
    assert section["houses_reference"] == "lagna"
    assert [h["number"] for h in section["houses"]] == list(range(1, 13))
    assert section["dignities"]["Venus"] == a.dignities[Graha.VENUS].value
    dasha = section["dasha"]
    assert dasha["year_days"] == 365.25 and len(dasha["mahadashas"]) == 9
    for period in [*dasha["mahadashas"], dasha["current"]["antardasha"]]:
        for key in ("start", "end"):
            assert datetime.fromisoformat(period[key]).utcoffset() == timedelta(0)
    current = dasha["current"]
    assert current["mahadasha"]["lord"] == a.dasha_now.mahadasha.lord.english
    assert current["antardasha"]["parent"] == current["mahadasha"]["lord"]
    assert len(current["next_antardashas"]) == 3
    balance = dasha["balance_at_birth"]
    assert balance["lord"] == a.mahadashas[0].lord.english
    assert balance["days"] == pytest.approx((a.mahadashas[0].end - a.chart.moment.utc).days, abs=1)
    assert section["manglik"]["rule"] == a.manglik.rule
    assert section["manglik"]["effective"] == a.manglik.effective
    assert section["yogas"] == [{"code": y.code, "grahas": [g.english for g in y.grahas]}
                                for y in a.yogas]  # fmt: skip
    sade = section["sade_sati"]
    assert sade["active"] == a.sade_sati.active
    assert sade["moon_sign"] == a.chart.moon.sign.english


def test_an_active_sade_sati_serializes_its_dates():
    # Moon in Capricorn (1990-05-15); Saturn in Aquarius in 2022-2025: the setting phase.
    data = analysis_to_dict(analyse(_chart(), datetime(2024, 1, 1, tzinfo=UTC)))
    sade = data["analysis"]["sade_sati"]  # type: ignore[index]
    assert sade["active"] and sade["phase"] == "setting"
    assert datetime.fromisoformat(sade["start"]).year == 2017
    assert datetime.fromisoformat(sade["end"]).year == 2025
