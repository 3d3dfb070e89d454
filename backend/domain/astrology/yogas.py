"""A few well-known yogas, each with one exact, documented definition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backend.domain.astrology.chart import Chart
from backend.domain.astrology.dignity import EXALTATION, owns
from backend.domain.astrology.houses import KENDRAS, house_from, reference_sign
from backend.domain.astrology.zodiac import Graha

# Definitions as in Phaladeepika ch. 6 (also BPHS). Panch Mahapurusha: graha -> yoga code.
MAHAPURUSHA: dict[Graha, str] = {
    Graha.MARS: "ruchaka", Graha.MERCURY: "bhadra", Graha.JUPITER: "hamsa",
    Graha.VENUS: "malavya", Graha.SATURN: "sasa",
}  # fmt: skip
# Grahas whose presence beside the Moon does not prevent Kemadruma: the texts leave out the
# Sun (Sunapha/Anapha count "grahas other than the Sun"); the nodes by common usage.
_NOT_COMPANIONS = frozenset({Graha.SUN, Graha.MOON, Graha.RAHU, Graha.KETU})


@dataclass(frozen=True)
class Yoga:
    """A yoga that is present, by stable code, with the grahas that form it (Graha order)."""

    code: str
    grahas: tuple[Graha, ...]


def gajakesari(chart: Chart) -> Yoga | None:
    """Gajakesari: Jupiter in a kendra (1st, 4th, 7th or 10th sign) counted from the Moon."""
    jupiter = chart.graha(Graha.JUPITER).sign
    if house_from(chart.moon.sign, jupiter) in KENDRAS:
        return Yoga("gajakesari", (Graha.MOON, Graha.JUPITER))
    return None


def budhaditya(chart: Chart) -> Yoga | None:
    """Budhaditya: the Sun and Mercury in the same sign."""
    if chart.sun.sign is chart.graha(Graha.MERCURY).sign:
        return Yoga("budhaditya", (Graha.SUN, Graha.MERCURY))
    return None


def chandra_mangala(chart: Chart) -> Yoga | None:
    """Chandra-Mangala: the Moon and Mars in the same sign."""
    if chart.moon.sign is chart.graha(Graha.MARS).sign:
        return Yoga("chandra_mangala", (Graha.MOON, Graha.MARS))
    return None


def mahapurusha(chart: Chart) -> tuple[Yoga, ...]:
    """Ruchaka/Bhadra/Hamsa/Malavya/Sasa: Mars/Mercury/Jupiter/Venus/Saturn in its own or
    exaltation sign AND in a kendra from the lagna (from the Moon sign when there is none)."""
    first = reference_sign(chart)
    found = []
    for graha, code in MAHAPURUSHA.items():
        sign = chart.graha(graha).sign
        strong = owns(graha, sign) or sign is EXALTATION[graha]
        if strong and house_from(first, sign) in KENDRAS:
            found.append(Yoga(code, (graha,)))
    return tuple(found)


def kemadruma(chart: Chart) -> Yoga | None:
    """Kemadruma: no graha other than the Sun, Rahu and Ketu in the 2nd or 12th sign from the
    Moon. The plain rule: cancellations (e.g. a graha in a kendra from the Moon or the lagna)
    are NOT applied, because the texts list them differently."""
    moon = chart.moon.sign
    flanks = {house_from(moon, p.sign) for p in chart.grahas if p.graha not in _NOT_COMPANIONS}
    if flanks.isdisjoint({2, 12}):
        return Yoga("kemadruma", (Graha.MOON,))
    return None


_SINGLE: tuple[Callable[[Chart], Yoga | None], ...] = (
    gajakesari, budhaditya, chandra_mangala,
)  # fmt: skip


def yogas(chart: Chart) -> tuple[Yoga, ...]:
    """The yogas present in the chart, in the order: gajakesari, budhaditya, chandra_mangala,
    the mahapurusha yogas (Mars..Saturn), kemadruma."""
    found = [yoga for rule in _SINGLE if (yoga := rule(chart)) is not None]
    found.extend(mahapurusha(chart))
    if (lonely := kemadruma(chart)) is not None:
        found.append(lonely)
    return tuple(found)
