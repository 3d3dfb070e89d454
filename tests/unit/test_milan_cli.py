"""`boloastro milan`: the table, the JSON, and one-line usage failures with exit code 2."""

import json
from datetime import date, time

import pytest

from backend.cli import birth_args
from backend.cli.main import main
from backend.domain.astrology import Chart, Koota, MilanResult, birth_moment, compute_chart, match
from backend.domain.places import Place

PUNE = Place("Pune", "Maharashtra", "IN", "India", 18.52, 73.86, "Asia/Kolkata", 3_000_000)
NAGPUR = Place("Nagpur", "Maharashtra", "IN", "India", 21.15, 79.09, "Asia/Kolkata", 2_000_000)
AURANGABAD = [
    Place("Aurangabad", "Maharashtra", "IN", "India", 19.88, 75.34, "Asia/Kolkata", 1_000_000),
    Place("Aurangabad", "Bihar", "IN", "India", 24.75, 84.37, "Asia/Kolkata", 100_000),
]
PLACES = {"pune": [PUNE], "nagpur": [NAGPUR], "aurangabad": AURANGABAD}
BOY = "1990-08-15 14:30 Pune"
GIRL = "1992-03-02 06:10 Nagpur"


class FakeGazetteer:
    """Finds the few places these tests name; everything else is unknown."""

    def find(self, query: str) -> list[Place]:
        return PLACES.get(query.strip().lower(), [])

    def suggest(self, query: str, limit: int = 3) -> list[Place]:
        return [PUNE] if query.lower().startswith("pun") else []


@pytest.fixture(autouse=True)
def _gazetteer(monkeypatch):
    monkeypatch.setattr(birth_args, "gazetteer", FakeGazetteer)


def _expected(
    girl: tuple[date, time | None, Place], boy: tuple[date, time | None, Place]
) -> MilanResult:
    def chart(day: date, clock: time | None, place: Place) -> Chart:
        moment = birth_moment(day, clock, place.latitude, place.longitude, timezone=place.timezone)
        return compute_chart(moment)

    return match(chart(*girl), chart(*boy))


def test_the_table_shows_the_eight_kootas_total_doshas_manglik_and_verdict(capsys):
    assert main(["milan", "--boy", BOY, "--girl", GIRL]) == 0
    out = capsys.readouterr().out
    expected = _expected(
        (date(1992, 3, 2), time(6, 10), NAGPUR), (date(1990, 8, 15), time(14, 30), PUNE)
    )
    assert out.startswith("Girl  1992-03-02 06:10 (UTC+05:30) · Nagpur, Maharashtra, India")
    assert "Boy   1990-08-15 14:30 (UTC+05:30) · Pune" in out
    rows = {line.split("  ")[0]: line for line in out.splitlines()}
    for score in expected.kootas:
        name = score.koota.name.replace("_", " ").title()
        assert f"{score.points:g} / {score.maximum:g}" in rows[name]
    assert f"Total            {expected.total:g} / 36" in out
    assert "Nadi dosha" in out and "Bhakoot dosha" in out
    assert "girl: " in out and "boy: " in out
    assert f"Verdict       {expected.verdict.replace('_', ' ')}" in out


def test_json_is_the_match_with_both_births(capsys):
    assert main(["milan", "--boy", BOY, "--girl", GIRL, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["girl"]["place"] == "Nagpur, Maharashtra, India"
    assert data["boy"]["local"] == "1990-08-15T14:30:00+05:30"
    assert [k["koota"] for k in data["kootas"]] == [k.name.lower() for k in Koota]
    assert data["total"] == sum(k["points"] for k in data["kootas"])
    assert data["verdict"] in {"excellent", "good", "average", "not_recommended"}
    assert {"effective", "rule", "exceptions"} <= set(data["bride_manglik"])


def test_an_unknown_birth_time_is_accepted(capsys):
    assert main(["milan", "--boy", "1990-08-15 unknown Pune", "--girl", GIRL, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["boy"] == {
        "local": "1990-08-15", "time_known": False, "utc_offset": "+05:30",
        "place": "Pune, Maharashtra, India",
    }  # fmt: skip
    assert data["groom_manglik"]["from_lagna"] is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--girl", GIRL], "--boy 'YYYY-MM-DD HH:MM PLACE'"),
        (["--boy", BOY], "--girl 'YYYY-MM-DD HH:MM PLACE'"),
        (["--boy", "1990-08-15 Pune", "--girl", GIRL], "is not like 'YYYY-MM-DD HH:MM PLACE'"),
        (["--boy", "15-08-1990 14:30 Pune", "--girl", GIRL], "not a date like 1990-05-15"),
        (["--boy", "1990-02-30 14:30 Pune", "--girl", GIRL], "not a date like 1990-05-15"),
        (["--boy", BOY, "--girl", "1992-03-02 25:10 Nagpur"], "not a 24-hour time"),
        (["--boy", "1990-08-15 14:30 Punee", "--girl", GIRL], "unknown place 'Punee'; did you"),
        (["--boy", "1990-08-15 14:30 Atlantis", "--girl", GIRL], "try the nearest large town"),
        (
            ["--boy", BOY, "--girl", "1992-03-02 06:10 Aurangabad"],
            "may mean Aurangabad, Maharashtra, India / Aurangabad, Bihar, India",
        ),
        (["--boy", "1700-08-15 14:30 Pune", "--girl", GIRL], "--boy: "),
        (["--boy", BOY, "--girl", GIRL, "--bride", "x"], "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(capsys, argv, message):
    assert main(["milan", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("boloastro: ") and "\n" not in err
    assert message in err
