"""Whole-sign houses with lords, from the lagna or (time unknown) from the Moon sign."""

from datetime import date, time, timedelta

from backend.domain.astrology import (
    Chart,
    Graha,
    Sign,
    birth_moment,
    compute_chart,
    houses,
    houses_reference,
)
from tests.unit.astrology.analysis_factory import mid, placed

IST = timedelta(hours=5, minutes=30)


def _real(clock: time | None) -> Chart:
    return compute_chart(birth_moment(date(1984, 3, 9), clock, 28.61, 77.21, utc_offset=IST))


def test_houses_from_the_lagna_agree_with_the_chart():
    chart = _real(time(6, 10))
    assert chart.lagna is not None and houses_reference(chart) == "lagna"
    table = houses(chart)
    assert [h.number for h in table] == list(range(1, 13))
    for h in table:
        assert h.sign is Sign((chart.lagna.value + h.number - 1) % 12)
        assert h.lord is h.sign.lord
        assert h.lord_house == chart.graha(h.lord).house
        assert h.occupants == tuple(p.graha for p in chart.grahas if p.house == h.number)
    placed_once = sorted((g for h in table for g in h.occupants), key=lambda g: g.value)
    assert placed_once == list(Graha)


def test_without_a_birth_time_house_one_is_the_moon_sign():
    chart = _real(None)
    assert chart.lagna is None and houses_reference(chart) == "moon"
    table = houses(chart)
    assert table[0].sign is chart.moon.sign and Graha.MOON in table[0].occupants
    for h in table:
        lord_sign = chart.graha(h.lord).sign
        assert h.lord_house == (lord_sign.value - chart.moon.sign.value) % 12 + 1


def test_a_hand_placed_chart():
    chart = placed(lagna=mid(Sign.LEO), sun=mid(Sign.ARIES), mars=mid(Sign.LEO))
    first, ninth = houses(chart)[0], houses(chart)[8]
    assert (first.sign, first.lord, first.lord_house) == (Sign.LEO, Graha.SUN, 9)
    assert first.occupants == (Graha.MARS,)
    assert (ninth.sign, ninth.lord, ninth.lord_house) == (Sign.ARIES, Graha.MARS, 1)
    assert ninth.occupants == (Graha.SUN, Graha.MOON, Graha.KETU)  # in Graha order
