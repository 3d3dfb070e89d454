"""Privacy in the main conversation: "delete my data" asks first, then queues the erasure.

STOP and START live with the shop's reminders (shop_flow). Erasing needs the database, so a
confirmed request only queues EraseMyData; the application erases in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot_flows import catalog
from bot_flows.commands import EraseMyData
from bot_flows.states import S
from bot_flows.table import ANY, EventData, said_no, said_yes
from bot_flows.table import row as _t
from bot_flows.turn import Turn

# --- conditions ----------------------------------------------------------------------------


def knows_language(event: EventData) -> bool:
    """The user chose a language before asking (a brand-new user has not)."""
    return event.model.language is not None


# --- callbacks -----------------------------------------------------------------------------


def ask_erase(event: EventData) -> None:
    """Say what erasing removes and what it keeps, and ask to confirm."""
    event.model.say("erase_confirm")


def erase(event: EventData) -> None:
    """Confirmed: the application erases and answers (it also resets the conversation)."""
    event.model.do(EraseMyData())


def keep_and_show_menu(event: EventData) -> None:
    """Declined: nothing erased; back to the menu."""
    turn: Turn = event.model
    turn.say("erase_kept")
    turn.say("menu")


def keep_and_ask_language(event: EventData) -> None:
    """Declined before choosing a language: nothing erased; ask for the language."""
    turn: Turn = event.model
    turn.say("erase_kept")
    turn.replies.append(f"{turn.t('choose_language')}\n{catalog.language_menu()}")


def say_yes_or_no(event: EventData) -> None:
    """Neither yes nor no: ask for one of the two numbers."""
    event.model.say("invalid_choice")


# fmt: off
ROWS: list[dict[str, Any]] = [
    _t("erase_data", ANY, S.CONFIRMING_ERASE, ask_erase),
    _t("reply", S.CONFIRMING_ERASE, S.NEW, erase, said_yes),
    _t("reply", S.CONFIRMING_ERASE, S.MENU, keep_and_show_menu, [said_no, knows_language]),
    _t("reply", S.CONFIRMING_ERASE, S.CHOOSING_LANGUAGE, keep_and_ask_language, said_no),
    _t("reply", S.CONFIRMING_ERASE, None, [say_yes_or_no, ask_erase]),
]
# fmt: on

REPROMPTS: dict[str, Callable[[EventData], None]] = {
    S.CONFIRMING_ERASE: ask_erase,
}
