"""Manglik dosha: Mars in 1/2/4/7/8/12 from the lagna (or Moon), and Raman's exceptions."""

import random
from datetime import date, time, timedelta

import pytest

from backend.domain.astrology import Sign, birth_moment, compute_chart, manglik
from backend.domain.astrology.manglik import exceptions_for
from tests.unit.astrology.analysis_factory import mid, placed

S = Sign
DOSHA_HOUSES = {1, 2, 4, 7, 8, 12}


def _house(lagna: Sign, sign: Sign) -> int:
    return (sign.value - lagna.value) % 12 + 1


def test_mars_in_the_7th_in_its_own_sign_is_present_but_cancelled():
    status = manglik(placed(lagna=mid(S.LIBRA), mars=mid(S.ARIES)))
    assert status.from_lagna is True and status.present
    assert status.cancelled and not status.effective
    assert "mars_own_sign" in status.exceptions
    assert status.rule == "houses_1_2_4_7_8_12_from_lagna"


def test_mars_in_the_7th_in_gemini_is_effective():
    status = manglik(placed(lagna=mid(S.SAGITTARIUS), mars=mid(S.GEMINI)))
    assert status.present and not status.cancelled and status.effective
    assert status.exceptions == ()


@pytest.mark.parametrize(
    ("lagna", "mars", "codes"),
    [
        (S.CANCER, S.CAPRICORN, {"mars_exalted", "mars_7th_in_cancer_or_capricorn"}),
        (S.LEO, S.LEO, {"mars_in_leo_or_aquarius"}),
        (S.CAPRICORN, S.AQUARIUS, {"mars_in_leo_or_aquarius"}),
        (S.TAURUS, S.GEMINI, {"mars_2nd_in_gemini_or_virgo"}),
        (S.CAPRICORN, S.ARIES, {"mars_own_sign", "mars_4th_in_aries_or_scorpio"}),
        (S.CAPRICORN, S.CANCER, {"mars_7th_in_cancer_or_capricorn"}),  # debilitated, yet
        (S.TAURUS, S.SAGITTARIUS, {"mars_8th_in_sagittarius_or_pisces"}),
        (S.GEMINI, S.TAURUS, {"mars_12th_in_taurus_or_libra"}),
        (S.VIRGO, S.VIRGO, set()),  # Virgo cancels in the 2nd, not in the 1st
    ],
)
def test_exceptions(lagna, mars, codes):
    status = manglik(placed(lagna=mid(lagna), mars=mid(mars)))
    assert status.present
    assert set(status.exceptions) == codes
    assert status.cancelled == bool(codes)


@pytest.mark.parametrize("lagna", list(Sign))
def test_the_houses_rule_from_every_lagna(lagna):
    for mars in Sign:
        status = manglik(placed(lagna=mid(lagna), mars=mid(mars)))
        assert status.from_lagna is (_house(lagna, mars) in DOSHA_HOUSES)
        assert status.present is status.from_lagna
        if not status.present:
            assert status.exceptions == () and not status.cancelled


def test_moon_and_venus_are_counted_too():
    chart = placed(lagna=mid(S.ARIES), mars=mid(S.GEMINI), moon=mid(S.SAGITTARIUS),
                   venus=mid(S.CANCER))  # fmt: skip
    status = manglik(chart)
    assert status.from_lagna is False and not status.present  # 3rd from the lagna
    assert status.from_moon is True  # 7th from the Moon
    assert status.from_venus is True  # 12th from Venus


def test_without_a_birth_time_the_moon_decides():
    status = manglik(placed(lagna=None, moon=mid(S.LEO), mars=mid(S.SCORPIO)))
    assert status.from_lagna is None
    assert status.present and status.from_moon  # 4th from the Moon
    assert status.rule == "houses_1_2_4_7_8_12_from_moon"
    assert status.exceptions == ("mars_own_sign", "mars_4th_in_aries_or_scorpio")


def test_exceptions_for_outside_the_listed_houses_are_sign_only():
    assert exceptions_for(S.GEMINI, 7) == ()
    assert exceptions_for(S.VIRGO, 2) == ("mars_2nd_in_gemini_or_virgo",)


def test_the_plain_rule_flags_about_half_of_random_charts():
    rng = random.Random(20240601)
    flagged = 0
    total = 500
    for _ in range(total):
        day = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 70))
        clock = time(rng.randrange(24), rng.randrange(60))
        moment = birth_moment(day, clock, rng.uniform(8, 32), rng.uniform(68, 92),
                              utc_offset=timedelta(hours=5, minutes=30))  # fmt: skip
        flagged += bool(manglik(compute_chart(moment)).from_lagna)
    assert 0.40 <= flagged / total <= 0.65
