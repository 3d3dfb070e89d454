"""Yogas: each definition checked with hand-placed grahas, present and absent."""

from typing import Any

import pytest

from backend.domain.astrology import Chart, Graha, Sign, Yoga, yogas
from tests.unit.astrology.analysis_factory import mid, placed

G, S = Graha, Sign
KENDRA_HOUSES = {1, 4, 7, 10}


def _codes(chart: Chart) -> set[str]:
    return {y.code for y in yogas(chart)}


def test_the_baseline_chart_forms_none():
    assert yogas(placed()) == ()


@pytest.mark.parametrize("jupiter", list(Sign))
def test_gajakesari_is_jupiter_in_a_kendra_from_the_moon(jupiter):
    # Moon in Cancer; Mercury beside it in Leo keeps Kemadruma out of the way.
    chart = placed(moon=mid(S.CANCER), jupiter=mid(jupiter), mercury=mid(S.LEO))
    house = (jupiter.value - S.CANCER.value) % 12 + 1
    assert ("gajakesari" in _codes(chart)) is (house in KENDRA_HOUSES)
    if house in KENDRA_HOUSES:
        assert Yoga("gajakesari", (G.MOON, G.JUPITER)) in yogas(chart)


def test_budhaditya_is_the_sun_and_mercury_in_one_sign():
    assert Yoga("budhaditya", (G.SUN, G.MERCURY)) in yogas(placed(mercury=mid(S.LEO, 29)))
    assert "budhaditya" not in _codes(placed(mercury=mid(S.VIRGO, 0.5)))  # 1° apart, 2 signs


def test_chandra_mangala_is_the_moon_and_mars_in_one_sign():
    assert Yoga("chandra_mangala", (G.MOON, G.MARS)) in yogas(placed(mars=mid(S.ARIES, 29)))
    assert "chandra_mangala" not in _codes(placed(mars=mid(S.TAURUS, 0)))


@pytest.mark.parametrize(
    ("graha", "code", "sign", "lagna"),
    [
        (G.MARS, "ruchaka", S.CAPRICORN, S.ARIES),  # exalted, 10th
        (G.MARS, "ruchaka", S.SCORPIO, S.LEO),  # own, 4th
        (G.MERCURY, "bhadra", S.VIRGO, S.GEMINI),  # exalted and own, 4th
        (G.MERCURY, "bhadra", S.GEMINI, S.GEMINI),  # own, 1st
        (G.JUPITER, "hamsa", S.CANCER, S.ARIES),  # exalted, 4th
        (G.JUPITER, "hamsa", S.PISCES, S.VIRGO),  # own, 7th
        (G.VENUS, "malavya", S.PISCES, S.GEMINI),  # exalted, 10th
        (G.VENUS, "malavya", S.LIBRA, S.CANCER),  # own, 4th
        (G.SATURN, "sasa", S.LIBRA, S.ARIES),  # exalted, 7th
        (G.SATURN, "sasa", S.AQUARIUS, S.AQUARIUS),  # own, 1st
    ],
)
def test_mahapurusha_needs_own_or_exaltation_sign_and_a_kendra(graha, code, sign, lagna):
    where: dict[str, Any] = {graha.name.lower(): mid(sign)}
    assert Yoga(code, (graha,)) in yogas(placed(lagna=mid(lagna), **where))
    # The same sign one house later is no kendra: the yoga is gone.
    assert code not in _codes(placed(lagna=mid(Sign((lagna.value - 1) % 12)), **where))


@pytest.mark.parametrize(
    ("graha", "code", "sign"),
    [(G.MARS, "ruchaka", S.GEMINI), (G.JUPITER, "hamsa", S.CAPRICORN),
     (G.VENUS, "malavya", S.VIRGO), (G.SATURN, "sasa", S.CANCER)],
)  # fmt: skip
def test_mahapurusha_is_not_formed_in_a_kendra_without_dignity(graha, code, sign):
    where: dict[str, Any] = {graha.name.lower(): mid(sign)}
    assert code not in _codes(placed(lagna=mid(sign), **where))


def test_mahapurusha_counts_from_the_moon_without_a_lagna():
    chart = placed(lagna=None, moon=mid(S.CANCER), mars=mid(S.ARIES), mercury=mid(S.LEO))
    assert "ruchaka" in _codes(chart)  # Aries is the 10th from the Moon in Cancer
    chart = placed(lagna=None, moon=mid(S.GEMINI), mars=mid(S.ARIES), mercury=mid(S.CANCER))
    assert "ruchaka" not in _codes(chart)


def _lonely_moon(**where: float) -> Chart:
    # Moon in Aries; nothing in Pisces or Taurus except possibly the Sun and the nodes.
    layout: dict[str, Any] = {"jupiter": mid(S.LEO), "sun": mid(S.TAURUS), "rahu": mid(S.PISCES),
              "ketu": mid(S.VIRGO)}  # fmt: skip
    return placed(**{**layout, **where})


def test_kemadruma_when_nothing_but_the_sun_and_nodes_flank_the_moon():
    assert Yoga("kemadruma", (G.MOON,)) in yogas(_lonely_moon())


@pytest.mark.parametrize("graha", ["mars", "mercury", "jupiter", "venus", "saturn"])
@pytest.mark.parametrize("flank", [S.PISCES, S.TAURUS])
def test_any_true_planet_beside_the_moon_prevents_kemadruma(graha, flank):
    assert "kemadruma" not in _codes(_lonely_moon(**{graha: mid(flank)}))


def test_kemadruma_is_not_cancelled_by_kendras():
    chart = _lonely_moon(venus=mid(S.CANCER), saturn=mid(S.LIBRA))  # kendras from the Moon
    assert "kemadruma" in _codes(chart)
