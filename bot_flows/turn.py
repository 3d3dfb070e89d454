"""One inbound message being applied to a conversation: the model the flow machines step."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backend.domain.conversation import Conversation
from backend.domain.payments.money import PriceList
from backend.domain.places import Gazetteer
from bot_flows import catalog
from bot_flows.commands import Command

DEFAULT_PRICES = PriceList(kundali_paise=19900, qna_paise=9900, milan_paise=19900, qna_pack_size=4)


@dataclass(frozen=True)
class FlowSettings:
    """What the conversation needs to know about the deployment."""

    source_url: str
    prices: PriceList = DEFAULT_PRICES  # shown in offers; the payment work charges from settings


class Turn:
    """The conversation, the message text and the replies queued while stepping.

    Plain identity equality on purpose: `transitions` compares models with `==`.
    """

    def __init__(
        self,
        conversation: Conversation,
        text: str,
        now: datetime,
        gazetteer: Gazetteer,
        settings: FlowSettings,
    ) -> None:
        self.conversation = conversation
        self.text = unicodedata.normalize("NFC", text).strip()
        self.now = now
        self.gazetteer = gazetteer
        self.settings = settings
        self.replies: list[str] = []
        self.commands: list[Command] = []
        self.parsed: dict[str, Any] = {}

    @property
    def state(self) -> str:
        """The conversation's state; `transitions` reads and writes it here."""
        return self.conversation.state

    @state.setter
    def state(self, value: str) -> None:
        self.conversation.state = value

    @property
    def language(self) -> str | None:
        """The user's chosen language, if chosen."""
        return self.conversation.language

    @property
    def draft(self) -> dict[str, Any]:
        """Birth details gathered so far in this conversation."""
        draft: dict[str, Any] = self.conversation.context.setdefault("draft", {})
        return draft

    def say(self, key: str, **params: object) -> None:
        """Queue the catalog message `key` in the user's language."""
        self.replies.append(catalog.text(self.language, key, **params))

    def do(self, command: Command) -> None:
        """Queue work that needs I/O; the application runs it after this step."""
        self.commands.append(command)

    def add_to_last(self, text: str) -> None:
        """Append a line to the last queued reply, so one thought stays one message."""
        if self.replies:
            self.replies[-1] = f"{self.replies[-1]}\n{text}"
        else:
            self.replies.append(text)

    def t(self, key: str, **params: object) -> str:
        """The catalog message `key` in the user's language, without queueing it."""
        return catalog.text(self.language, key, **params)

    def number(self) -> int | None:
        """The number the user sent (any script's digits, "2." and "2)" too), if any."""
        folded = self.text.strip().rstrip(".)").strip()
        # isdecimal, not isdigit: "³" and "①" are digits that int() cannot read.
        if folded.isdecimal() and len(folded) <= 3:
            return int(folded)
        return None

    def meaning(self) -> str | None:
        """The global word the message is, if it is one."""
        return catalog.meaning_of(self.text)
