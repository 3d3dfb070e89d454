"""Ashtakoota matching: invariants over all Moon longitudes, the pinned tables, worked examples."""

from dataclasses import replace
from datetime import date, time, timedelta
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.domain.astrology import (
    NAKSHATRA_SPAN,
    Chart,
    Graha,
    GrahaPosition,
    Koota,
    MilanResult,
    Nakshatra,
    Sign,
    ashtakoota,
    birth_moment,
    compute_chart,
    match,
    milan_to_dict,
    position_at,
    verdict_for,
)
from backend.domain.astrology.manglik import manglik

longitudes = st.floats(min_value=0, max_value=360, exclude_max=True, allow_nan=False)
N = Nakshatra


def _points(bride: float, groom: float) -> dict[Koota, float]:
    return {k.koota: k.points for k in ashtakoota(bride, groom)}


def _mid(star: Nakshatra, sign: Sign | None = None) -> float:
    """A longitude inside the nakshatra (and inside `sign` when it straddles two)."""
    start, end = star.start, star.start + NAKSHATRA_SPAN
    if sign is not None:
        start, end = max(start, sign.value * 30.0), min(end, sign.value * 30.0 + 30)
    assert start < end, (star, sign)
    return (start + end) / 2


@cache
def _base() -> Chart:
    moment = birth_moment(
        date(1990, 5, 15), time(14, 30), 19.07, 72.88, utc_offset=timedelta(hours=5.5)
    )
    return compute_chart(moment)


def _chart(moon: float, mars: float, lagna_known: bool = True) -> Chart:
    """The base chart with its Moon and Mars moved (and, optionally, no birth time)."""
    base = _base()
    ascendant = base.ascendant if lagna_known else None

    def moved(g: GrahaPosition, lon: float) -> GrahaPosition:
        p = position_at(lon)
        house = None if ascendant is None else (p.sign.value - ascendant.sign.value) % 12 + 1
        return replace(g, longitude=p.longitude, sign=p.sign, degree_in_sign=p.degree_in_sign,
                       nakshatra=p.nakshatra, pada=p.pada, house=house)  # fmt: skip

    grahas = list(base.grahas)
    grahas[Graha.MOON.value] = moved(grahas[Graha.MOON.value], moon)
    grahas[Graha.MARS.value] = moved(grahas[Graha.MARS.value], mars)
    return replace(base, ascendant=ascendant, grahas=tuple(grahas))


# ---- invariants over every pair of Moon longitudes ----


@given(longitudes, longitudes)
def test_eight_kootas_in_order_each_within_its_maximum(bride, groom):
    scores = ashtakoota(bride, groom)
    assert [s.koota for s in scores] == list(Koota)
    for s in scores:
        assert s.maximum == s.koota.maximum
        assert 0 <= s.points <= s.maximum
        assert (s.points * 2).is_integer()  # whole or half points only
        assert s.detail
    assert sum(k.maximum for k in Koota) == 36


@given(longitudes, longitudes, longitudes, longitudes, st.booleans())
def test_match_total_is_the_sum_and_doshas_follow_the_points(bride, groom, mars_b, mars_g, known):
    result = match(_chart(bride, mars_b, known), _chart(groom, mars_g))
    assert result.kootas == ashtakoota(bride, groom)
    assert result.total == sum(k.points for k in result.kootas) <= 36
    assert result.verdict == verdict_for(result.total)
    assert result.nadi_dosha == (result.score(Koota.NADI).points == 0)
    assert result.bhakoot_dosha == (result.score(Koota.BHAKOOT).points == 0)
    assert result.nadi_dosha or result.nadi_cancellation is None
    assert result.bhakoot_dosha or result.bhakoot_cancellation is None
    assert result.bride_moon == (Sign.of(bride), Nakshatra.of(bride))
    assert milan_to_dict(result)["total"] == result.total


@given(longitudes, longitudes)
def test_nadi_and_bhakoot_do_not_depend_on_who_is_the_bride(a, b):
    there, back = _points(a, b), _points(b, a)
    assert there[Koota.NADI] == back[Koota.NADI]
    assert there[Koota.BHAKOOT] == back[Koota.BHAKOOT]
    assert there[Koota.TARA] == back[Koota.TARA]  # both directions are counted


# Nadi by name (the published lists), not by the code's six-step cycle.
AADI = {N.ASHWINI, N.ARDRA, N.PUNARVASU, N.UTTARA_PHALGUNI, N.HASTA, N.JYESHTHA, N.MULA,
        N.SHATABHISHA, N.PURVA_BHADRAPADA}  # fmt: skip
MADHYA = {N.BHARANI, N.MRIGASHIRA, N.PUSHYA, N.PURVA_PHALGUNI, N.CHITRA, N.ANURADHA,
          N.PURVA_ASHADHA, N.DHANISHTA, N.UTTARA_BHADRAPADA}  # fmt: skip


def _nadi(star: Nakshatra) -> str:
    return "aadi" if star in AADI else "madhya" if star in MADHYA else "antya"


@given(longitudes, longitudes)
def test_same_nadi_scores_nothing_different_nadi_full(bride, groom):
    same = _nadi(Nakshatra.of(bride)) == _nadi(Nakshatra.of(groom))
    assert _points(bride, groom)[Koota.NADI] == (0 if same else 8)


@given(longitudes, longitudes)
def test_bhakoot_is_zero_exactly_for_2_12_5_9_and_6_8(bride, groom):
    apart = (Sign.of(groom).value - Sign.of(bride).value) % 12 + 1  # groom's sign from bride's
    bad = apart in {2, 12, 5, 9, 6, 8}
    assert _points(bride, groom)[Koota.BHAKOOT] == (0 if bad else 7)


@given(longitudes, longitudes)
def test_tara_counts_3_5_and_7_of_each_nine_as_inauspicious(bride, groom):
    b, g = Nakshatra.of(bride).value, Nakshatra.of(groom).value
    counts = ((g - b) % 27 + 1, (b - g) % 27 + 1)  # inclusive, both ways
    expected = sum(0 if count % 9 in {3, 5, 7} else 1.5 for count in counts)
    assert _points(bride, groom)[Koota.TARA] == expected


def test_worked_example_ashwini_bride_vishakha_groom_gives_tara_one_and_a_half():
    # Ashwini→Vishakha is the 16th star (16 mod 9 = 7, Naidhana); back is the 13th (4, Kshema).
    assert _points(_mid(N.ASHWINI), _mid(N.VISHAKHA))[Koota.TARA] == 1.5


# ---- the pinned tables, checked by hand ----


def _in(sign: Sign, degree: float = 10.0) -> float:
    return sign.value * 30.0 + degree


S = Sign


@pytest.mark.parametrize(
    ("bride", "groom", "points"),
    [
        (S.CANCER, S.ARIES, 0),  # Brahmin bride, Kshatriya groom
        (S.ARIES, S.CANCER, 1),
        (S.TAURUS, S.GEMINI, 0),  # earth signs are Vaishya, air signs Shudra
        (S.GEMINI, S.CAPRICORN, 1),
        (S.VIRGO, S.TAURUS, 1),  # the same varna
    ],
)
def test_varna_wants_the_groom_equal_or_higher(bride, groom, points):
    assert _points(_in(bride), _in(groom))[Koota.VARNA] == points


def test_varna_by_element_for_every_pair_of_signs():
    # Water signs Brahmin (4), fire Kshatriya (3), earth Vaishya (2), air Shudra (1).
    rank = {
        S.CANCER: 4, S.SCORPIO: 4, S.PISCES: 4, S.ARIES: 3, S.LEO: 3, S.SAGITTARIUS: 3,
        S.TAURUS: 2, S.VIRGO: 2, S.CAPRICORN: 2, S.GEMINI: 1, S.LIBRA: 1, S.AQUARIUS: 1,
    }  # fmt: skip
    for bride in Sign:
        for groom in Sign:
            expected = 1 if rank[groom] >= rank[bride] else 0
            assert _points(_in(bride), _in(groom))[Koota.VARNA] == expected, (bride, groom)


@pytest.mark.parametrize(
    ("bride", "groom", "points"),
    [
        (_in(S.LEO), _in(S.LEO), 2),
        (_in(S.LEO), _in(S.ARIES), 0.5),  # Vanachara with Chatushpada
        (_in(S.LEO), _in(S.GEMINI), 0),  # Vanachara with Manava
        (_in(S.SCORPIO), _in(S.LEO), 0),  # Keeta with Vanachara
        (_in(S.PISCES), _in(S.CANCER), 2),  # both Jalachara
        (_in(S.SAGITTARIUS, 10), _in(S.GEMINI), 2),  # first half of Sagittarius is Manava
        (_in(S.SAGITTARIUS, 20), _in(S.ARIES), 2),  # second half is Chatushpada
        (_in(S.CAPRICORN, 10), _in(S.TAURUS), 2),  # first half of Capricorn is Chatushpada
        (_in(S.CAPRICORN, 20), _in(S.PISCES), 2),  # second half is Jalachara
        (_in(S.CAPRICORN, 20), _in(S.GEMINI), 0.5),  # Jalachara with Manava
    ],
)
def test_vashya_groups_and_points(bride, groom, points):
    assert _points(bride, groom)[Koota.VASHYA] == points


# The yoni of each nakshatra, from the published pairs (Ashwini and Shatabhisha horse, ...).
YONI = {
    "horse": {N.ASHWINI, N.SHATABHISHA}, "elephant": {N.BHARANI, N.REVATI},
    "sheep": {N.KRITTIKA, N.PUSHYA}, "serpent": {N.ROHINI, N.MRIGASHIRA},
    "dog": {N.ARDRA, N.MULA}, "cat": {N.PUNARVASU, N.ASHLESHA},
    "rat": {N.MAGHA, N.PURVA_PHALGUNI}, "cow": {N.UTTARA_PHALGUNI, N.UTTARA_BHADRAPADA},
    "buffalo": {N.HASTA, N.SWATI}, "tiger": {N.CHITRA, N.VISHAKHA},
    "deer": {N.ANURADHA, N.JYESHTHA}, "monkey": {N.PURVA_ASHADHA, N.SHRAVANA},
    "mongoose": {N.UTTARA_ASHADHA}, "lion": {N.DHANISHTA, N.PURVA_BHADRAPADA},
}  # fmt: skip
SWORN_ENEMIES = [
    ("horse", "buffalo"), ("elephant", "lion"), ("sheep", "monkey"), ("serpent", "mongoose"),
    ("dog", "deer"), ("cat", "rat"), ("cow", "tiger"),
]  # fmt: skip


def test_yoni_is_four_for_the_same_animal_and_zero_only_for_sworn_enemies():
    animal = {star: name for name, stars in YONI.items() for star in stars}
    assert len(animal) == 27
    enemies = {frozenset(pair) for pair in SWORN_ENEMIES}
    for a in N:
        for b in N:
            points = _points(_mid(a), _mid(b))[Koota.YONI]
            if animal[a] == animal[b]:
                assert points == 4, (a, b)
            elif frozenset({animal[a], animal[b]}) in enemies:
                assert points == 0, (a, b)
            else:
                assert 1 <= points <= 3, (a, b)
            assert points == _points(_mid(b), _mid(a))[Koota.YONI]  # a symmetric table


@pytest.mark.parametrize(
    ("bride", "groom", "points"),
    [
        (S.LEO, S.TAURUS, 0),  # Sun and Venus: enemies both ways
        (S.ARIES, S.SAGITTARIUS, 5),  # Mars and Jupiter: friends both ways
        (S.ARIES, S.SCORPIO, 5),  # the same lord
        (S.CANCER, S.GEMINI, 1),  # the Moon befriends Mercury, Mercury hates the Moon
        (S.GEMINI, S.CAPRICORN, 4),  # Mercury neutral to Saturn, Saturn befriends Mercury
        (S.SAGITTARIUS, S.AQUARIUS, 3),  # Jupiter and Saturn: neutral both ways
        (S.CANCER, S.LIBRA, 0.5),  # the Moon neutral to Venus, Venus hates the Moon
        (S.ARIES, S.TAURUS, 3),  # Mars and Venus: neutral both ways
    ],
)
def test_graha_maitri_follows_the_natural_friendships(bride, groom, points):
    assert _points(_in(bride), _in(groom))[Koota.GRAHA_MAITRI] == points
    assert _points(_in(groom), _in(bride))[Koota.GRAHA_MAITRI] == points


@pytest.mark.parametrize(
    ("bride", "groom", "points"),
    [
        (N.ASHWINI, N.PUSHYA, 6),  # Deva, Deva
        (N.ASHWINI, N.BHARANI, 5),  # Deva bride, Manushya groom
        (N.BHARANI, N.ASHWINI, 6),  # Manushya bride, Deva groom
        (N.ASHWINI, N.KRITTIKA, 1),  # Deva and Rakshasa, either way
        (N.KRITTIKA, N.ASHWINI, 1),
        (N.BHARANI, N.KRITTIKA, 0),  # Manushya and Rakshasa, either way
        (N.KRITTIKA, N.BHARANI, 0),
        (N.MULA, N.ASHLESHA, 6),  # Rakshasa, Rakshasa
    ],
)
def test_gana_points(bride, groom, points):
    assert _points(_mid(bride), _mid(groom))[Koota.GANA] == points


# ---- whole matches, doshas and their cancellations ----

MARS_NOT_MANGLIK = _in(S.LIBRA)  # 3rd from the base chart's Leo lagna
MARS_MANGLIK = _in(S.CANCER)  # 12th from Leo; no exception covers Cancer in the 12th


def _match(bride_moon: float, groom_moon: float, bride_mars: float = MARS_NOT_MANGLIK,
           groom_mars: float = MARS_NOT_MANGLIK) -> MilanResult:  # fmt: skip
    return match(_chart(bride_moon, bride_mars), _chart(groom_moon, groom_mars))


def test_the_same_nakshatra_and_sign_scores_28_with_an_uncancelled_nadi_dosha():
    result = _match(_mid(N.ASHWINI), _mid(N.ASHWINI))
    assert [k.points for k in result.kootas] == [1, 2, 3, 4, 5, 6, 7, 0]
    assert result.total == 28 and result.verdict == "good"
    assert result.nadi_dosha and result.nadi_cancellation is None and result.nadi_dosha_effective
    assert not result.bhakoot_dosha and result.score(Koota.NADI).detail == "same_nadi"


def test_rohini_bride_krittika_groom_in_taurus_nadi_dosha_cancelled_by_the_same_rashi():
    result = _match(_mid(N.ROHINI), _mid(N.KRITTIKA, S.TAURUS))
    # Varna, Vashya same; Tara 27th/2nd both good; serpent-sheep 2; Venus both; Manushya
    # bride with a Rakshasa groom 0; same sign 7; both Antya nadi 0.
    assert [k.points for k in result.kootas] == [1, 2, 3, 2, 5, 0, 7, 0]
    assert result.total == 20 and result.verdict == "average"
    assert result.nadi_dosha and not result.nadi_dosha_effective
    assert result.nadi_cancellation == "same_rashi_different_nakshatra"


def test_krittika_in_two_signs_cancels_nadi_but_not_the_2_12_bhakoot_of_mars_and_venus():
    result = _match(_mid(N.KRITTIKA, S.ARIES), _mid(N.KRITTIKA, S.TAURUS))
    assert result.nadi_cancellation == "same_nakshatra_different_rashi"
    assert result.score(Koota.BHAKOOT).detail == "2_12"
    assert result.bhakoot_dosha and result.bhakoot_cancellation is None
    assert result.bhakoot_dosha_effective


@pytest.mark.parametrize(
    ("bride", "groom", "relation", "cancellation"),
    [
        (S.ARIES, S.SCORPIO, "6_8", "same_lord"),
        (S.TAURUS, S.LIBRA, "6_8", "same_lord"),
        (S.ARIES, S.PISCES, "2_12", "lords_friends"),  # Mars and Jupiter
        (S.LEO, S.SAGITTARIUS, "5_9", "lords_friends"),  # Sun and Jupiter
        (S.ARIES, S.VIRGO, "6_8", None),  # Mars and Mercury are not friends
        (S.CANCER, S.SCORPIO, "5_9", None),  # the Moon is only neutral to Mars
    ],
)
def test_bhakoot_dosha_cancellations(bride, groom, relation, cancellation):
    for b, g in ((bride, groom), (groom, bride)):
        result = _match(_in(b), _in(g))
        assert result.score(Koota.BHAKOOT).detail == relation
        assert result.bhakoot_dosha and result.bhakoot_cancellation == cancellation


@given(longitudes, longitudes, longitudes, longitudes, st.booleans())
def test_manglik_is_the_manglik_modules_and_two_mangliks_cancel(bride, groom, mb, mg, known):
    bride_chart, groom_chart = _chart(bride, mb, known), _chart(groom, mg)
    result = match(bride_chart, groom_chart)
    assert result.bride_manglik == manglik(bride_chart)
    assert result.groom_manglik == manglik(groom_chart)
    both = result.bride_manglik.effective and result.groom_manglik.effective
    assert result.manglik_cancelled_by_pairing == both
    assert result.manglik_one_sided == (
        result.bride_manglik.effective != result.groom_manglik.effective
    )


@pytest.mark.parametrize(
    ("bride_mars", "groom_mars", "cancelled", "one_sided"),
    [
        (MARS_MANGLIK, MARS_MANGLIK, True, False),
        (MARS_MANGLIK, MARS_NOT_MANGLIK, False, True),
        (MARS_NOT_MANGLIK, MARS_MANGLIK, False, True),
        (MARS_NOT_MANGLIK, MARS_NOT_MANGLIK, False, False),
    ],
)
def test_manglik_pairing(bride_mars, groom_mars, cancelled, one_sided):
    result = _match(_in(S.ARIES), _in(S.LEO), bride_mars, groom_mars)
    assert result.bride_manglik.effective == (bride_mars == MARS_MANGLIK)
    assert result.groom_manglik.effective == (groom_mars == MARS_MANGLIK)
    assert result.manglik_cancelled_by_pairing == cancelled
    assert result.manglik_one_sided == one_sided


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "not_recommended"), (17.5, "not_recommended"), (18, "average"), (24.5, "average"),
     (25, "good"), (32.5, "good"), (33, "excellent"), (36, "excellent")],
)  # fmt: skip
def test_verdict_bands(total, band):
    assert verdict_for(total) == band


def test_moon_sign_uncertainty_is_carried_into_the_result():
    sure = _chart(_in(S.ARIES), MARS_NOT_MANGLIK)
    unsure = replace(sure, moon_sign_certain=False)
    assert match(sure, sure).moon_signs_certain
    assert not match(sure, unsure).moon_signs_certain
    assert not match(unsure, sure).moon_signs_certain
