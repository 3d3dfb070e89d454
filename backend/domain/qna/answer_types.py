"""The answer to a question as data: readings of houses and karakas, dashas, tone."""

from __future__ import annotations

from dataclasses import dataclass

from backend.domain.astrology.dasha import DashaPeriod
from backend.domain.astrology.dignity import Dignity
from backend.domain.astrology.zodiac import Graha, Sign
from backend.domain.qna.topics import Topic


@dataclass(frozen=True)
class HouseReading:
    """A topic house: its sign and lord, where the lord sits and how dignified, who is in it."""

    number: int
    sign: Sign
    lord: Graha
    lord_house: int
    lord_dignity: Dignity
    occupants: tuple[Graha, ...]


@dataclass(frozen=True)
class KarakaReading:
    """A karaka of the topic with its placement; lord_of is set when it is a house lord."""

    graha: Graha
    house: int
    sign: Sign
    dignity: Dignity
    lord_of: int | None


@dataclass(frozen=True)
class Reason:
    """Why a period is favourable: kind "lord" / "occupant" (of house), "karaka", "benefic"."""

    kind: str
    house: int | None = None


@dataclass(frozen=True)
class Answer:
    """Everything the rendered answer says, as data."""

    topic: Topic
    houses_reference: str  # "lagna", or "moon" when the birth time is unknown
    houses: tuple[HouseReading, ...]
    karakas: tuple[KarakaReading, ...]
    mahadasha: DashaPeriod
    antardasha: DashaPeriod
    favourable_period: DashaPeriod
    favourable_reasons: tuple[Reason, ...]
    tone: str
    tone_score: int
