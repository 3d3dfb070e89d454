"""Places people are born in, and the port that finds them by name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Place:
    """A populated place with what a birth chart needs: coordinates and an IANA zone."""

    name: str
    region: str
    country_code: str
    country: str
    latitude: float
    longitude: float
    timezone: str
    population: int

    @property
    def label(self) -> str:
        """Name, region and country, enough for a person to tell two places apart."""
        region = "" if self.region == self.name else self.region
        return ", ".join(p for p in (self.name, region, self.country) if p)


class Gazetteer(Protocol):
    """Finds places by the name a person types."""

    def find(self, query: str) -> list[Place]:
        """The places the query may mean, best first: [] unknown, one sure, several ambiguous."""
        ...

    def suggest(self, query: str, limit: int = 3) -> list[Place]:
        """Near names for a query that found nothing (typos, other spellings)."""
        ...
