"""Whole-sign houses with their lords, counted from the lagna (or the Moon sign without one)."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.astrology.chart import Chart
from backend.domain.astrology.zodiac import Graha, Sign

KENDRAS = frozenset({1, 4, 7, 10})


@dataclass(frozen=True)
class House:
    """One whole-sign house: its sign, the sign's lord, who sits in it and where the lord sits."""

    number: int  # 1..12
    sign: Sign
    lord: Graha
    occupants: tuple[Graha, ...]  # in Graha order
    lord_house: int


def house_from(reference: Sign, sign: Sign) -> int:
    """The house (1..12) a sign is, counted inclusively from a reference sign."""
    return (sign.value - reference.value) % 12 + 1


def houses_reference(chart: Chart) -> str:
    """What house 1 is: "lagna", or "moon" (the Chandra lagna) when the time is unknown."""
    return "moon" if chart.lagna is None else "lagna"


def reference_sign(chart: Chart) -> Sign:
    """The sign of house 1: the lagna, or the Moon sign when the birth time is unknown."""
    return chart.moon.sign if chart.lagna is None else chart.lagna


def houses(chart: Chart) -> tuple[House, ...]:
    """The twelve whole-sign houses from house 1 (see reference_sign)."""
    first = reference_sign(chart)
    result = []
    for number in range(1, 13):
        sign = Sign((first.value + number - 1) % 12)
        occupants = tuple(p.graha for p in chart.grahas if p.sign is sign)
        lord_sign = chart.graha(sign.lord).sign
        result.append(House(number, sign, sign.lord, occupants, house_from(first, lord_sign)))
    return tuple(result)
