"""A person's birth details, as given in the chat and saved for later charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class BirthProfile:
    """Birth details with the place already resolved to coordinates and a time zone."""

    name: str
    birth_date: date
    birth_time: time | None
    place_label: str
    latitude: float
    longitude: float
    timezone: str
    id: int | None = None

    @property
    def time_known(self) -> bool:
        """False when the person did not know the time of birth."""
        return self.birth_time is not None
