"""The conversation with one WhatsApp user: where it stands and what it has gathered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from backend.domain.profile import BirthProfile

IDLE_RESTART = timedelta(hours=24)


@dataclass(eq=False)  # identity equality: `transitions` compares models with ==
class Conversation:
    """One user's conversation; persisted as a row and stepped once per inbound message."""

    user_id: int
    phone: str
    flow: str
    state: str
    language: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    version: int = 0
    last_inbound_at: datetime | None = None
    profile: BirthProfile | None = None
    new_profile: BirthProfile | None = None

    def idle_since(self, now: datetime) -> bool:
        """True when the last message was long enough ago to start again at the menu."""
        return self.last_inbound_at is not None and now - self.last_inbound_at > IDLE_RESTART

    def save_profile(self, profile: BirthProfile) -> None:
        """Keep a newly confirmed profile; the unit of work stores it with the conversation."""
        self.new_profile = profile
        self.profile = profile
