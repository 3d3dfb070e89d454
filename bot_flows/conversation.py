"""Apply one inbound message to a conversation: global words first, then the state's input."""

from __future__ import annotations

import logging
from datetime import datetime

from transitions import MachineError

from backend.domain.conversation import Conversation
from backend.domain.places import Gazetteer
from bot_flows import main_flow
from bot_flows.main_flow import GLOBAL_TRIGGERS
from bot_flows.states import S
from bot_flows.turn import FlowSettings, Turn

log = logging.getLogger(__name__)
_STATES = frozenset(s.value for s in S)


def step(
    conversation: Conversation,
    text: str,
    now: datetime,
    gazetteer: Gazetteer,
    settings: FlowSettings,
) -> list[str]:
    """Change the conversation for one message and return the replies to send, in order."""
    return step_turn(conversation, text, now, gazetteer, settings).replies


def step_turn(
    conversation: Conversation,
    text: str,
    now: datetime,
    gazetteer: Gazetteer,
    settings: FlowSettings,
) -> Turn:
    """Change the conversation for one message; the turn holds the replies and commands."""
    turn = Turn(conversation, text, now, gazetteer, settings)
    if conversation.state not in _STATES:
        # A state from an older release: start over at the menu rather than fail.
        log.warning("unknown conversation state %r; resetting", conversation.state)
        conversation.state = S.MENU.value
    if conversation.state != S.NEW and conversation.idle_since(now):
        _welcome_back(turn)
    else:
        meaning = turn.meaning()
        trigger = GLOBAL_TRIGGERS.get(meaning or "", "reply")
        try:
            main_flow.fire(trigger, turn)
        except MachineError:
            log.exception("no transition for %s in %s", trigger, conversation.state)
            turn.say("not_understood")
            main_flow.fire("open_menu", turn)
    conversation.last_inbound_at = now
    return turn


def _welcome_back(turn: Turn) -> None:
    profile = turn.conversation.profile
    if profile is not None:
        turn.say("welcome_back", name=profile.name)
    else:
        turn.say("welcome_back_anon")
    turn.conversation.context.pop("draft", None)
    main_flow.fire("open_menu", turn)
