"""Names, lords and the boundaries of signs, nakshatras and padas."""

import pytest

from backend.domain.astrology import (
    NAKSHATRA_SPAN,
    PADA_SPAN,
    Graha,
    Nakshatra,
    Sign,
    position_at,
)

ARCSEC = 1 / 3600
VIMSHOTTARI = ["Ketu", "Venus", "Sun", "Moon", "Mars", "Rahu", "Jupiter", "Saturn", "Mercury"]


def test_twelve_signs_in_zodiac_order_with_names_and_lords():
    assert [s.value for s in Sign] == list(range(12))
    assert [s.english for s in Sign] == [
        "Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo",
        "Libra", "Scorpio", "Sagittarius", "Capricorn", "Aquarius", "Pisces",
    ]  # fmt: skip
    assert [s.sanskrit for s in Sign] == [
        "Mesha", "Vrishabha", "Mithuna", "Karka", "Simha", "Kanya",
        "Tula", "Vrishchika", "Dhanu", "Makara", "Kumbha", "Meena",
    ]  # fmt: skip
    assert [s.lord.english for s in Sign] == [
        "Mars", "Venus", "Mercury", "Moon", "Sun", "Mercury",
        "Venus", "Mars", "Jupiter", "Saturn", "Saturn", "Jupiter",
    ]  # fmt: skip


def test_nine_grahas_with_english_and_sanskrit_names():
    assert [(g.english, g.sanskrit) for g in Graha] == [
        ("Sun", "Surya"), ("Moon", "Chandra"), ("Mars", "Mangala"), ("Mercury", "Budha"),
        ("Jupiter", "Guru"), ("Venus", "Shukra"), ("Saturn", "Shani"), ("Rahu", "Rahu"),
        ("Ketu", "Ketu"),
    ]  # fmt: skip


def test_twenty_seven_nakshatras_with_names_and_vimshottari_lords():
    names = [n.sanskrit for n in Nakshatra]
    assert len(names) == 27
    assert [n.value for n in Nakshatra] == list(range(27))
    assert names[:3] == ["Ashwini", "Bharani", "Krittika"]
    assert names[10] == "Purva Phalguni"
    assert names[15] == "Vishakha"
    assert names[-1] == "Revati"
    assert [n.lord.english for n in Nakshatra] == VIMSHOTTARI * 3


@pytest.mark.parametrize("index", range(27))
def test_nakshatra_and_pada_boundaries(index):
    start = index * 40 / 3  # 13°20' each
    assert pytest.approx(40 / 3) == NAKSHATRA_SPAN
    assert pytest.approx(10 / 3) == PADA_SPAN
    for pada in range(4):
        pada_start = start + pada * 10 / 3  # 3°20' each
        inside = position_at(pada_start + ARCSEC)
        assert (inside.nakshatra.value, inside.pada) == (index, pada + 1)
        just_before_end = position_at(pada_start + 10 / 3 - ARCSEC)
        assert (just_before_end.nakshatra.value, just_before_end.pada) == (index, pada + 1)


def test_sign_boundaries_and_degree_in_sign():
    for sign in Sign:
        start = sign.value * 30.0
        assert position_at(start + ARCSEC).sign is sign
        assert position_at(start + 30 - ARCSEC).sign is sign
        assert position_at(start + 12.5).degree_in_sign == pytest.approx(12.5)


def test_longitudes_wrap_into_the_zodiac():
    assert position_at(360.0).sign is Sign.ARIES
    assert position_at(-1e-15).longitude == 0.0
    assert position_at(-ARCSEC).sign is Sign.PISCES
    last = position_at(360 - ARCSEC)
    assert (last.nakshatra, last.pada) == (Nakshatra.REVATI, 4)
