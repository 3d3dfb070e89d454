"""The named divisions of the sidereal zodiac: signs, nakshatras and the nine grahas."""

from __future__ import annotations

import enum

SIGN_SPAN = 30.0
NAKSHATRA_SPAN = 360.0 / 27  # 13°20'
PADA_SPAN = NAKSHATRA_SPAN / 4  # 3°20'


class Graha(enum.Enum):
    """The nine grahas, in the traditional weekday order followed by the lunar nodes."""

    SUN = 0
    MOON = 1
    MARS = 2
    MERCURY = 3
    JUPITER = 4
    VENUS = 5
    SATURN = 6
    RAHU = 7
    KETU = 8

    @property
    def english(self) -> str:
        """English name, e.g. "Sun"."""
        return self.name.capitalize()

    @property
    def sanskrit(self) -> str:
        """Sanskrit name, e.g. "Surya"."""
        return _GRAHA_SANSKRIT[self.value]


_GRAHA_SANSKRIT = (
    "Surya", "Chandra", "Mangala", "Budha", "Guru", "Shukra", "Shani", "Rahu", "Ketu",
)  # fmt: skip


class Sign(enum.Enum):
    """The twelve rashis, in zodiac order from Aries (value 0)."""

    ARIES = 0
    TAURUS = 1
    GEMINI = 2
    CANCER = 3
    LEO = 4
    VIRGO = 5
    LIBRA = 6
    SCORPIO = 7
    SAGITTARIUS = 8
    CAPRICORN = 9
    AQUARIUS = 10
    PISCES = 11

    @property
    def english(self) -> str:
        """English name, e.g. "Aries"."""
        return self.name.capitalize()

    @property
    def sanskrit(self) -> str:
        """Sanskrit name, e.g. "Mesha"."""
        return _SIGN_SANSKRIT[self.value]

    @property
    def lord(self) -> Graha:
        """The sign's ruling graha (classical rulership; the nodes rule no sign)."""
        return _SIGN_LORDS[self.value]

    @classmethod
    def of(cls, longitude: float) -> Sign:
        """The sign containing a sidereal longitude in [0, 360)."""
        return cls(min(int(longitude // SIGN_SPAN), 11))


_SIGN_SANSKRIT = (
    "Mesha", "Vrishabha", "Mithuna", "Karka", "Simha", "Kanya",
    "Tula", "Vrishchika", "Dhanu", "Makara", "Kumbha", "Meena",
)  # fmt: skip
_SIGN_LORDS = (
    Graha.MARS, Graha.VENUS, Graha.MERCURY, Graha.MOON, Graha.SUN, Graha.MERCURY,
    Graha.VENUS, Graha.MARS, Graha.JUPITER, Graha.SATURN, Graha.SATURN, Graha.JUPITER,
)  # fmt: skip

# Vimshottari order: the lords repeat three times over the 27 nakshatras, starting at Ashwini.
VIMSHOTTARI_ORDER = (
    Graha.KETU, Graha.VENUS, Graha.SUN, Graha.MOON, Graha.MARS,
    Graha.RAHU, Graha.JUPITER, Graha.SATURN, Graha.MERCURY,
)  # fmt: skip


class Nakshatra(enum.Enum):
    """The 27 lunar mansions of 13°20' each, from Ashwini (value 0) at 0° Aries."""

    ASHWINI = 0
    BHARANI = 1
    KRITTIKA = 2
    ROHINI = 3
    MRIGASHIRA = 4
    ARDRA = 5
    PUNARVASU = 6
    PUSHYA = 7
    ASHLESHA = 8
    MAGHA = 9
    PURVA_PHALGUNI = 10
    UTTARA_PHALGUNI = 11
    HASTA = 12
    CHITRA = 13
    SWATI = 14
    VISHAKHA = 15
    ANURADHA = 16
    JYESHTHA = 17
    MULA = 18
    PURVA_ASHADHA = 19
    UTTARA_ASHADHA = 20
    SHRAVANA = 21
    DHANISHTA = 22
    SHATABHISHA = 23
    PURVA_BHADRAPADA = 24
    UTTARA_BHADRAPADA = 25
    REVATI = 26

    @property
    def sanskrit(self) -> str:
        """Sanskrit name in common transliteration, e.g. "Purva Phalguni"."""
        return self.name.replace("_", " ").title()

    @property
    def lord(self) -> Graha:
        """The Vimshottari dasha lord of the nakshatra."""
        return VIMSHOTTARI_ORDER[self.value % 9]

    @property
    def start(self) -> float:
        """Sidereal longitude where the nakshatra begins, in degrees."""
        return self.value * NAKSHATRA_SPAN

    @classmethod
    def of(cls, longitude: float) -> Nakshatra:
        """The nakshatra containing a sidereal longitude in [0, 360)."""
        return cls(min(int(longitude / NAKSHATRA_SPAN), 26))


def pada_of(longitude: float) -> int:
    """The pada (quarter, 1..4) of the nakshatra containing a sidereal longitude."""
    within = longitude - Nakshatra.of(longitude).start
    return min(int(within / PADA_SPAN), 3) + 1
