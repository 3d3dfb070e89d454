"""Manglik (Kuja) dosha: Mars in houses 1, 2, 4, 7, 8 or 12, and its classical exceptions."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.astrology.chart import Chart
from backend.domain.astrology.dignity import EXALTATION, owns
from backend.domain.astrology.houses import house_from, reference_sign
from backend.domain.astrology.zodiac import Graha, Sign

DOSHA_HOUSES = frozenset({1, 2, 4, 7, 8, 12})
RULE_FROM_LAGNA = "houses_1_2_4_7_8_12_from_lagna"
RULE_FROM_MOON = "houses_1_2_4_7_8_12_from_moon"  # birth time unknown: no lagna

# Exception codes. All are B.V. Raman's cancellations, as his followers list them (e.g. the
# jyothishi-pandit "Kuja Dosham" series, part 7, 2008, quoting Raman); schools differ, so the
# report names each one that applied.
MARS_OWN_SIGN = "mars_own_sign"  # Mars in Aries or Scorpio
MARS_EXALTED = "mars_exalted"  # Mars in Capricorn
MARS_IN_LEO_OR_AQUARIUS = "mars_in_leo_or_aquarius"
# House-specific ones, each for the house counted from the rule's reference (lagna or Moon):
MARS_2ND_IN_GEMINI_OR_VIRGO = "mars_2nd_in_gemini_or_virgo"
MARS_4TH_IN_ARIES_OR_SCORPIO = "mars_4th_in_aries_or_scorpio"
MARS_7TH_IN_CANCER_OR_CAPRICORN = "mars_7th_in_cancer_or_capricorn"
MARS_8TH_IN_SAGITTARIUS_OR_PISCES = "mars_8th_in_sagittarius_or_pisces"
MARS_12TH_IN_TAURUS_OR_LIBRA = "mars_12th_in_taurus_or_libra"
_HOUSE_EXCEPTIONS: dict[int, tuple[frozenset[Sign], str]] = {
    2: (frozenset({Sign.GEMINI, Sign.VIRGO}), MARS_2ND_IN_GEMINI_OR_VIRGO),
    4: (frozenset({Sign.ARIES, Sign.SCORPIO}), MARS_4TH_IN_ARIES_OR_SCORPIO),
    7: (frozenset({Sign.CANCER, Sign.CAPRICORN}), MARS_7TH_IN_CANCER_OR_CAPRICORN),
    8: (frozenset({Sign.SAGITTARIUS, Sign.PISCES}), MARS_8TH_IN_SAGITTARIUS_OR_PISCES),
    12: (frozenset({Sign.TAURUS, Sign.LIBRA}), MARS_12TH_IN_TAURUS_OR_LIBRA),
}


@dataclass(frozen=True)
class ManglikStatus:
    """Mars counted from the lagna, the Moon and Venus; `present` follows `rule`."""

    from_lagna: bool | None  # None when the birth time is unknown
    from_moon: bool
    from_venus: bool
    present: bool
    cancelled: bool  # present, but at least one exception applies
    exceptions: tuple[str, ...]  # the codes that apply (empty when not present)
    rule: str

    @property
    def effective(self) -> bool:
        """Present and not cancelled."""
        return self.present and not self.cancelled


def _afflicts(reference: Sign, mars: Sign) -> bool:
    return house_from(reference, mars) in DOSHA_HOUSES


def exceptions_for(mars: Sign, house: int) -> tuple[str, ...]:
    """The exception codes that apply to Mars in a sign, standing in a given house."""
    found = []
    if owns(Graha.MARS, mars):
        found.append(MARS_OWN_SIGN)
    if mars is EXALTATION[Graha.MARS]:
        found.append(MARS_EXALTED)
    if mars in (Sign.LEO, Sign.AQUARIUS):
        found.append(MARS_IN_LEO_OR_AQUARIUS)
    signs, code = _HOUSE_EXCEPTIONS.get(house, (frozenset(), ""))
    if mars in signs:
        found.append(code)
    return tuple(found)


def manglik(chart: Chart) -> ManglikStatus:
    """Manglik status: present from the lagna (from the Moon when there is no lagna)."""
    mars = chart.graha(Graha.MARS).sign
    from_lagna = None if chart.lagna is None else _afflicts(chart.lagna, mars)
    from_moon = _afflicts(chart.moon.sign, mars)
    reference = reference_sign(chart)
    present = from_moon if from_lagna is None else from_lagna
    exceptions = exceptions_for(mars, house_from(reference, mars)) if present else ()
    return ManglikStatus(
        from_lagna=from_lagna,
        from_moon=from_moon,
        from_venus=_afflicts(chart.graha(Graha.VENUS).sign, mars),
        present=present,
        cancelled=bool(exceptions),
        exceptions=exceptions,
        rule=RULE_FROM_MOON if chart.lagna is None else RULE_FROM_LAGNA,
    )
