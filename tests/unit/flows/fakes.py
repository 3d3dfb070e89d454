"""A tiny in-memory gazetteer and a conversation driver for flow tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.domain.conversation import Conversation
from backend.domain.places import Place
from bot_flows.conversation import step
from bot_flows.main_flow import FLOW_NAME, INITIAL
from bot_flows.turn import FlowSettings

MUMBAI = Place("Mumbai", "Maharashtra", "IN", "India", 19.07283, 72.88261, "Asia/Kolkata", 12691836)
AURANGABAD_MH = Place(
    "Aurangabad", "Maharashtra", "IN", "India", 19.87757, 75.34226, "Asia/Kolkata", 1175116
)
AURANGABAD_BR = Place(
    "Aurangabad", "Bihar", "IN", "India", 24.75204, 84.3742, "Asia/Kolkata", 102244
)
LONDON = Place(
    "London", "England", "GB", "United Kingdom", 51.50853, -0.12574, "Europe/London", 8961989
)


class FakeGazetteer:
    """Knows four places; "Bombay" is an alternate name of Mumbai."""

    def find(self, query: str) -> list[Place]:
        key = query.strip().casefold()
        if key in {"mumbai", "bombay"}:
            return [MUMBAI]
        if key == "aurangabad":
            return [AURANGABAD_MH, AURANGABAD_BR]
        if key in {"aurangabad bihar", "aurangabad, bihar"}:
            return [AURANGABAD_BR]
        if key == "london":
            return [LONDON]
        return []

    def suggest(self, query: str, limit: int = 3) -> list[Place]:
        return [MUMBAI] if query.casefold().startswith("mumb") else []


class Chat:
    """Drives one conversation through `step` the way the application does."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
        self.conversation = Conversation(
            user_id=1, phone="+919800000001", flow=FLOW_NAME, state=INITIAL.value
        )
        self.gazetteer = FakeGazetteer()
        self.settings = FlowSettings(source_url="https://example.org/src")

    def send(self, text: str, *, after: timedelta = timedelta(seconds=5)) -> list[str]:
        """Send one message some seconds after the previous one."""
        self.now += after
        return step(self.conversation, text, self.now, self.gazetteer, self.settings)

    def say(self, text: str, **kwargs: timedelta) -> str:
        """Send and return the replies joined."""
        return "\n".join(self.send(text, **kwargs))

    @property
    def state(self) -> str:
        return self.conversation.state
