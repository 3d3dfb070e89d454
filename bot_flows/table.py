"""Building blocks of the flow tables: the transition row and the common conditions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot_flows.turn import Turn

EventData = Any  # transitions ships no type information
ANY = "*"


def chose(number: int) -> Callable[[EventData], bool]:
    """A condition: the user replied with this menu number."""

    def condition(event: EventData) -> bool:
        return bool(event.model.number() == number)

    condition.__name__ = f"chose_{number}"
    return condition


def said_yes(event: EventData) -> bool:
    """The user confirmed (1 or a yes word in any language)."""
    turn: Turn = event.model
    return turn.number() == 1 or turn.meaning() == "yes"


def said_no(event: EventData) -> bool:
    """The user declined (2 or a no word in any language)."""
    turn: Turn = event.model
    return turn.number() == 2 or turn.meaning() == "no"


def has_profile(event: EventData) -> bool:
    """Birth details are saved from an earlier chart."""
    return event.model.conversation.profile is not None


def row(
    trigger: str, source: str, dest: str | None, after: Any, conditions: Any = ()
) -> dict[str, Any]:
    """One transition of a flow table."""
    # Plain strings: transitions would otherwise register StrEnum members by their .name.
    return {
        "trigger": trigger,
        "source": str(source),
        "dest": None if dest is None else str(dest),
        "conditions": list(conditions) if isinstance(conditions, list | tuple) else [conditions],
        "after": after if isinstance(after, list) else [after],
    }
