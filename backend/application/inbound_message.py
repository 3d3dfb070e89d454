"""Use case: a WhatsApp message arrives; apply it once and answer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from backend.application.erase_data import wipes_history
from backend.application.shop import Shop, Visit
from backend.domain.phone import phone_hash
from backend.domain.places import Gazetteer
from backend.domain.ports import ConcurrentUpdate, UnitOfWork
from backend.domain.whatsapp_text import split_message
from bot_flows.conversation import step_turn
from bot_flows.states import FLOW_NAME, INITIAL
from bot_flows.turn import FlowSettings

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class InboundMessage:
    """A message as the provider delivered it: its unique id, the sender, the text."""

    message_sid: str
    phone: str
    body: str


@dataclass(frozen=True)
class InboundResult:
    """What to answer: the replies in order; `duplicate` when the message was seen before."""

    replies: list[str]
    duplicate: bool = False


def handle_inbound_message(
    message: InboundMessage,
    uow: UnitOfWork,
    gazetteer: Gazetteer,
    settings: FlowSettings,
    shop: Shop,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> InboundResult:
    """Record the message, step the user's conversation and store the replies, atomically.

    The conversation row is locked first, so two messages of one user are applied one after
    the other; the unique MessageSid makes a redelivery a no-op.
    """
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return _apply(message, uow, gazetteer, settings, shop, clock())
        except ConcurrentUpdate:
            log.warning("concurrent update, retrying", extra={"attempt": attempt})
    raise ConcurrentUpdate(f"gave up after {MAX_ATTEMPTS} attempts")


def _apply(
    message: InboundMessage,
    uow: UnitOfWork,
    gazetteer: Gazetteer,
    settings: FlowSettings,
    shop: Shop,
    now: datetime,
) -> InboundResult:
    with uow:
        conversation = uow.conversations.lock(message.phone, now, INITIAL.value, FLOW_NAME)
        if not uow.messages.record_inbound(
            conversation.user_id, message.message_sid, message.body, now
        ):
            log.info("duplicate message ignored", extra={"phone": phone_hash(message.phone)})
            return InboundResult(replies=[], duplicate=True)
        turn = step_turn(conversation, message.body, now, gazetteer, settings)
        replies = turn.replies
        if turn.commands:
            visit = Visit(conversation, uow, message.message_sid, now)
            replies = [*replies, *shop.run(turn.commands, visit)]
        parts = [part for reply in replies for part in split_message(reply)]
        uow.conversations.save(conversation)
        if not wipes_history(turn.commands):  # after an erasure, not even its own reply
            uow.messages.record_outbound(conversation.user_id, parts, now)
        uow.commit()
    return InboundResult(replies=parts)
