"""`boloastro chart`: arguments, output and one-line usage failures."""

import argparse
import json
from datetime import UTC, date, datetime, time, timedelta

import pytest

from backend.cli import birth_args, chart_cmd
from backend.cli.errors import UsageFailure
from backend.domain.astrology import (
    Chart,
    analyse,
    analysis_to_dict,
    birth_moment,
    chart_to_dict,
    compute_chart,
    format_dms,
)
from backend.domain.places import Place

COORDS = ["--lat", "19.07", "--lon", "72.88", "--utc-offset", "+05:30"]
BIRTH = ["--dob", "1990-05-15", "--time", "14:30"]
NOW = datetime(2024, 1, 1, tzinfo=UTC)


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    chart_cmd.register(parser.add_subparsers())
    return parser.parse_args(["chart", *argv])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    args = _args(*argv)
    assert args.handler is chart_cmd.run
    assert chart_cmd.run(args) == 0
    return str(capsys.readouterr().out)


def _graha_rows(out: str) -> list[str]:
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Graha "))
    return lines[header + 1 : header + 10]


def _mumbai_1990() -> Chart:
    moment = birth_moment(
        date(1990, 5, 15), time(14, 30), 19.07, 72.88, utc_offset=timedelta(hours=5, minutes=30)
    )
    return compute_chart(moment)


def _place(name: str, region: str, tz: str = "Asia/Kolkata") -> Place:
    return Place(name, region, "IN", "India", 24.75, 84.37, tz, 100_000)


class FakeGazetteer:
    def __init__(self, places: list[Place], suggestions: list[Place] | None = None) -> None:
        self.places, self.suggestions = places, suggestions or []

    def find(self, query: str) -> list[Place]:
        return self.places

    def suggest(self, query: str, limit: int = 3) -> list[Place]:
        return self.suggestions[:limit]


def _use_gazetteer(monkeypatch: pytest.MonkeyPatch, gazetteer: FakeGazetteer) -> None:
    monkeypatch.setattr(birth_args, "gazetteer", lambda: gazetteer)


def test_table_with_coordinates_and_offset(capsys):
    out = _run(capsys, *BIRTH, *COORDS)
    expected = compute_chart(
        birth_moment(date(1990, 5, 15), time(14, 30), 19.07, 72.88, utc_offset=timedelta(hours=5.5))
    )
    assert "1990-05-15 14:30 local time, UTC+05:30 used (1990-05-15 09:00 UTC)" in out
    assert "Lahiri" in out and "mean node" in out and "whole-sign" in out
    assert expected.lagna is not None
    assert f"Lagna     {expected.lagna.english} ({expected.lagna.sanskrit})" in out
    rows = _graha_rows(out)
    for row, p in zip(rows, expected.grahas, strict=True):
        assert row.startswith(p.graha.english)
        assert p.graha.sanskrit in row and p.sign.english in row and p.sign.sanskrit in row
        assert format_dms(p.degree_in_sign) in row
        assert f"{p.nakshatra.sanskrit}-{p.pada}" in row
        assert row.rstrip().endswith(str(p.house))
        assert (" R " in row) == p.retrograde


def test_json_output_is_chart_to_dict(capsys):
    out = _run(capsys, *BIRTH, *COORDS, "--json", "--ayanamsa", "kp", "--node", "true")
    data = json.loads(out)
    assert data["ayanamsa"] == "kp" and data["node"] == "true"
    assert data["birth"]["utc_offset"] == "+05:30"
    assert len(data["grahas"]) == 9


def test_json_matches_the_domain_serialization(monkeypatch, capsys):
    monkeypatch.setattr(chart_cmd, "_now", lambda: NOW)
    data = json.loads(_run(capsys, *BIRTH, *COORDS, "--json"))
    chart = _mumbai_1990()
    assert data == analysis_to_dict(analyse(chart, NOW))
    del data["analysis"]
    assert data == chart_to_dict(chart)


def test_the_table_ends_with_the_analysis(monkeypatch, capsys):
    monkeypatch.setattr(chart_cmd, "_now", lambda: NOW)
    out = _run(capsys, *BIRTH, *COORDS)
    a = analyse(_mumbai_1990(), NOW)
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("House "))
    assert "[from the lagna]" in lines[start]
    for line, h in zip(lines[start + 1 : start + 13], a.houses, strict=True):
        assert line.split()[:4] == [
            str(h.number),
            h.sign.english,
            h.lord.english,
            f"({h.lord_house})",
        ]
    maha, antar = a.dasha_now.mahadasha, a.dasha_now.antardasha
    assert f"Dasha     {maha.lord.english} {maha.start:%Y-%m-%d} → {maha.end:%Y-%m-%d}" in out
    assert f"/ {antar.lord.english} {antar.start:%Y-%m-%d} → {antar.end:%Y-%m-%d}" in out
    following = next(line for line in lines if line.startswith("Next "))
    assert following.count("→") == 3
    assert f"rule {a.manglik.rule}" in out
    assert "Venus exalted" in out and "Saturn own sign" in out
    assert "Sade Sati setting phase, 2017-" in out  # Moon in Capricorn, Saturn in Aquarius


def test_unknown_time_has_no_lagna_or_houses(capsys):
    out = _run(capsys, "--dob", "1990-05-15", "--time", "unknown", *COORDS)
    assert "time unknown: noon local used" in out
    assert "no lagna" in out
    assert all(row.rstrip().endswith("-") for row in _graha_rows(out))
    assert "[from the moon]" in out and "houses_1_2_4_7_8_12_from_moon" in out


def test_negative_offset(capsys):
    out = _run(capsys, *BIRTH, "--lat", "40.7", "--lon", "-74.0", "--utc-offset=-04:00")
    assert "UTC-04:00 used (1990-05-15 18:30 UTC)" in out
    assert "74.0000°W" in out


@pytest.mark.parametrize(
    "argv",
    [
        [*COORDS, "--time", "14:30"],
        ["--dob", "1990-13-01", "--time", "14:30", *COORDS],
        ["--dob", "15/05/1990", "--time", "14:30", *COORDS],
        ["--dob", "1990-05-15", *COORDS],
        ["--dob", "1990-05-15", "--time", "25:00", *COORDS],
        ["--dob", "1990-05-15", "--time", "2pm", *COORDS],
        [*BIRTH, "--lat", "19.07", "--lon", "72.88", "--utc-offset", "+5:30"],
        [*BIRTH, "--lat", "19.07", "--lon", "72.88", "--utc-offset", "+05:75"],
        [*BIRTH, "--lat", "19.07", "--lon", "72.88", "--utc-offset", "+15:00"],
        [*BIRTH, "--lat", "19.07", "--lon", "72.88"],
        [*BIRTH, "--lat", "91", "--lon", "72.88", "--utc-offset", "+05:30"],
        [*BIRTH, "--lat", "19.07", "--lon", "east", "--utc-offset", "+05:30"],
        [*BIRTH, "--lat", "nan", "--lon", "72.88", "--utc-offset", "+05:30"],
        [*BIRTH, "--lon", "72.88", "--utc-offset", "+05:30"],
        [*BIRTH, "--place", "Mumbai", *COORDS],
        [*BIRTH],
        [*BIRTH, *COORDS, "--ayanamsa", "raman"],
        [*BIRTH, *COORDS, "--node", "osculating"],
        ["--dob", "1700-01-01", "--time", "12:00", *COORDS],
    ],
)
def test_bad_input_is_one_usage_line(argv):
    with pytest.raises(UsageFailure) as failure:
        chart_cmd.run(_args(*argv))
    message = str(failure.value)
    assert message and "\n" not in message


def test_a_birth_long_after_today_is_a_usage_failure(monkeypatch):
    monkeypatch.setattr(chart_cmd, "_now", lambda: NOW)
    with pytest.raises(UsageFailure, match="precedes the first mahadasha"):
        chart_cmd.run(_args("--dob", "2150-01-01", "--time", "12:00", *COORDS))


def test_unknown_place_suggests_near_names(monkeypatch):
    _use_gazetteer(monkeypatch, FakeGazetteer([], [_place("Mumbai", "Maharashtra")]))
    with pytest.raises(UsageFailure, match=r"unknown place 'Mumbay'.*Mumbai, Maharashtra, India"):
        chart_cmd.run(_args(*BIRTH, "--place", "Mumbay"))


def test_ambiguous_place_lists_the_candidates(monkeypatch):
    places = [_place("Aurangabad", "Maharashtra"), _place("Aurangabad", "Bihar")]
    _use_gazetteer(monkeypatch, FakeGazetteer(places))
    with pytest.raises(UsageFailure) as failure:
        chart_cmd.run(_args(*BIRTH, "--place", "Aurangabad"))
    message = str(failure.value)
    assert "Aurangabad, Maharashtra, India" in message and "Aurangabad, Bihar, India" in message
    assert "state or country" in message and "\n" not in message


def test_a_found_place_uses_its_historical_zone(monkeypatch, capsys):
    _use_gazetteer(monkeypatch, FakeGazetteer([_place("Gaya", "Bihar")]))
    out = _run(capsys, "--dob", "1943-06-01", "--time", "12:00", "--place", "Gaya")
    assert "UTC+06:30 used (1943-06-01 05:30 UTC)" in out
    assert "Gaya, Bihar, India · 24.7500°N 84.3700°E · Asia/Kolkata" in out


def test_a_repeated_local_hour_is_pointed_out(monkeypatch, capsys):
    _use_gazetteer(monkeypatch, FakeGazetteer([_place("Gaya", "Bihar")]))
    out = _run(capsys, "--dob", "1945-10-14", "--time", "23:30", "--place", "Gaya")
    assert "repeated or skipped" in out


@pytest.mark.slow
def test_mumbai_with_the_real_gazetteer(capsys):
    pytest.importorskip("infrastructure.gazetteer", reason="the gazetteer is not installed yet")
    out = _run(capsys, *BIRTH, "--place", "Mumbai")
    assert "Mumbai, Maharashtra, India" in out
    assert "UTC+05:30 used (1990-05-15 09:00 UTC)" in out
