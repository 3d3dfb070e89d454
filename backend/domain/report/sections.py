"""The sections of a Kundali report: values and codes only, never words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from backend.domain.astrology import (
    Ayanamsa,
    DashaPeriod,
    Dignity,
    Graha,
    House,
    ManglikStatus,
    Nakshatra,
    NodeType,
    SadeSati,
    Sign,
    Yoga,
)
from backend.domain.report.tables import Personality, Remedy

# The order every renderer presents the sections in.
SECTIONS = (
    "birth",
    "lagna",
    "planets",
    "houses",
    "dasha",
    "manglik",
    "yogas",
    "sade_sati",
    "remedies",
)
HOUSE_SYSTEM = "whole_sign"


@dataclass(frozen=True)
class BirthDetails:
    """Who, when and where, and exactly how the chart was computed."""

    name: str
    birth_date: date
    birth_time: time | None  # None: unknown, noon was used
    place_label: str
    latitude: float
    longitude: float
    timezone: str
    utc_offset: timedelta
    utc: datetime
    ambiguous_time: bool  # a clock time repeated at a DST change
    moon_sign_certain: bool
    ayanamsa: Ayanamsa
    ayanamsa_degrees: float
    node: NodeType
    house_system: str
    houses_reference: str  # "lagna", or "moon" when the birth time is unknown

    @property
    def time_known(self) -> bool:
        """False when the birth time was not known."""
        return self.birth_time is not None

    def local_date(self, moment: datetime) -> date:
        """The calendar date of an instant at the birth place's UTC offset."""
        return moment.astimezone(timezone(self.utc_offset)).date()


@dataclass(frozen=True)
class LagnaSection:
    """The rising sign (or the Moon sign standing in for it), its lord and the personality."""

    reference: str  # "lagna" | "moon"
    sign: Sign
    degree_in_sign: float
    nakshatra: Nakshatra
    pada: int
    lord: Graha
    lord_sign: Sign
    lord_house: int
    lord_dignity: Dignity
    lord_retrograde: bool
    personality: Personality


@dataclass(frozen=True)
class PlanetRow:
    """One graha's place: sign, degree, nakshatra-pada, motion, house and dignity."""

    graha: Graha
    longitude: float
    sign: Sign
    degree_in_sign: float
    nakshatra: Nakshatra
    pada: int
    retrograde: bool
    house: int  # counted from the houses' reference sign
    dignity: Dignity


@dataclass(frozen=True)
class HousesSection:
    """The twelve whole-sign houses from the lagna (or from the Moon)."""

    reference: str
    houses: tuple[House, ...]


@dataclass(frozen=True)
class DashaSection:
    """The Vimshottari timeline and where the native stands in it now."""

    mahadashas: tuple[DashaPeriod, ...]
    mahadasha: DashaPeriod  # running
    antardasha: DashaPeriod  # running
    next_antardashas: tuple[DashaPeriod, ...]
    antardashas: tuple[DashaPeriod, ...]  # all nine of the running mahadasha


@dataclass(frozen=True)
class ManglikSection:
    """Kuja dosha: the verdict code, where Mars stands and the analysis it came from."""

    status: str  # "not_manglik" | "manglik" | "cancelled"
    mars_from_lagna: int | None
    mars_from_moon: int
    mars_from_venus: int
    detail: ManglikStatus


@dataclass(frozen=True)
class RemediesSection:
    """Remedies and lucky factors of the lagna lord."""

    graha: Graha
    remedy: Remedy


@dataclass(frozen=True)
class KundaliReport:
    """The whole report, section by section, in presentation order (see SECTIONS)."""

    at: datetime  # the "today" the report was made for
    birth: BirthDetails
    lagna: LagnaSection
    planets: tuple[PlanetRow, ...]
    houses: HousesSection
    dasha: DashaSection
    manglik: ManglikSection
    yogas: tuple[Yoga, ...]
    sade_sati: SadeSati
    remedies: RemediesSection
