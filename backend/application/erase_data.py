"""Use case: the user confirmed "delete my data"; erase it in the message's own transaction.

Runs under the user's conversation lock, after the confirming message was recorded, so that
message goes with the rest of the history. What accounting needs (orders, amounts, payment
ids, attempts, payment events, the ledger) stays, and the reply says so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import asdict

from backend.domain.conversation import Conversation
from backend.domain.phone import phone_hash
from backend.domain.ports import UnitOfWork
from bot_flows import catalog
from bot_flows.commands import Command, EraseMyData
from bot_flows.states import INITIAL

log = logging.getLogger(__name__)


def erase_my_data(uow: UnitOfWork, conversation: Conversation, message_sid: str) -> list[str]:
    """Erase the user's personal data, start the conversation afresh, and say what happened."""
    reply = catalog.text(conversation.language, "erased")  # before the language is forgotten
    erased = uow.privacy.erase(conversation.user_id, keep_message_sid=message_sid)
    _forget(conversation)
    log.info(
        "personal data erased", extra={"phone": phone_hash(conversation.phone)} | asdict(erased)
    )
    return [reply]


def wipes_history(commands: Iterable[Command]) -> bool:
    """True when the step erased the chat history: its own replies must not be logged either."""
    return any(isinstance(command, EraseMyData) for command in commands)


def _forget(conversation: Conversation) -> None:
    # The language goes too (the most private choice): the next message starts from the very
    # first question, like a stranger's. The STOP preference stays: it protects the user.
    conversation.state = INITIAL.value
    conversation.context = {}
    conversation.language = None
    conversation.profile = None
    conversation.new_profile = None
