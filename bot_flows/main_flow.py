"""The main conversation, read top to bottom as a table: state → input → next state.

The machine is built once at import (never per message) and steps a `Turn` with
`MACHINE.events[name].trigger(turn)`. Transitions for one trigger and source are tried in
order: the first whose conditions all hold wins, so each state ends with its fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from transitions import Machine

from backend.domain.payments.money import format_inr
from bot_flows import birth_details as bd
from bot_flows import catalog
from bot_flows import privacy_flow as privacy
from bot_flows import shop_flow as shop
from bot_flows.preview import confirmation, preview, saved_summary
from bot_flows.states import FLOW_NAME, INITIAL, S
from bot_flows.table import ANY, EventData, chose, has_profile, said_no, said_yes
from bot_flows.table import row as _t
from bot_flows.turn import Turn

__all__ = ["FLOW_NAME", "INITIAL", "MACHINE", "S", "fire"]

# --- conditions ----------------------------------------------------------------------------


def has_language(event: EventData) -> bool:
    """The user has chosen a language."""
    return event.model.language is not None


def read_language(event: EventData) -> bool:
    """The reply names a language (by number or by its name)."""
    turn: Turn = event.model
    number = turn.number()
    if number is not None and 1 <= number <= len(catalog.LANGUAGES):
        turn.parsed["language"] = catalog.LANGUAGES[number - 1]
        return True
    folded = catalog.fold(turn.text)
    for code in catalog.LANGUAGES:
        names = catalog.fold(catalog.text(code, "language_name")).split()
        if folded and folded in names:
            turn.parsed["language"] = code
            return True
    return False


# --- callbacks -----------------------------------------------------------------------------


def greet(event: EventData) -> None:
    """Say hello."""
    event.model.say("hello")


def ask_language(event: EventData) -> None:
    """List the languages."""
    turn: Turn = event.model
    turn.replies.append(f"{turn.t('choose_language')}\n{catalog.language_menu()}")


def set_language(event: EventData) -> None:
    """Switch to the chosen language and say so in it."""
    turn: Turn = event.model
    turn.conversation.language = turn.parsed["language"]
    turn.say("language_set")


def show_menu(event: EventData) -> None:
    """The main menu."""
    event.model.say("menu")


def say_help(event: EventData) -> None:
    """What the bot does, the words that always work, and where the source is."""
    turn: Turn = event.model
    turn.say("help", source_url=turn.settings.source_url)


def say_not_understood(event: EventData) -> None:
    """A gentle 'didn't get that' before the re-prompt."""
    event.model.say("not_understood")


def say_invalid_choice(event: EventData) -> None:
    """Ask for one of the listed numbers."""
    event.model.say("invalid_choice")


def say_cancelled(event: EventData) -> None:
    """Confirm the cancel."""
    event.model.say("cancelled")


def clear_draft(event: EventData) -> None:
    """Forget half-entered details (a match's too)."""
    event.model.conversation.context.pop("draft", None)
    event.model.conversation.context.pop("milan", None)


def start_details(event: EventData) -> None:
    """Begin a fresh set of birth details."""
    event.model.conversation.context["draft"] = {}


def start_editing(event: EventData) -> None:
    """Mark that the next answer corrects one detail, then returns to the confirmation."""
    event.model.draft["editing"] = True


def show_confirmation(event: EventData) -> None:
    """Echo the details with the UTC offset used."""
    turn: Turn = event.model
    turn.draft.pop("editing", None)
    turn.replies.append(confirmation(turn, bd.draft_profile(turn)))


def offer_saved(event: EventData) -> None:
    """Offer to reuse the saved details."""
    turn: Turn = event.model
    assert turn.conversation.profile is not None
    turn.replies.append(saved_summary(turn, turn.conversation.profile))


def save_profile(event: EventData) -> None:
    """Keep the confirmed details as the user's profile."""
    turn: Turn = event.model
    turn.conversation.save_profile(bd.draft_profile(turn))
    turn.conversation.context.pop("draft", None)


def show_preview(event: EventData) -> None:
    """The free chart preview from the saved profile, and what to do next."""
    turn: Turn = event.model
    assert turn.conversation.profile is not None
    turn.replies.append(preview(turn, turn.conversation.profile))
    ask_preview_next(event)


def ask_fix(event: EventData) -> None:
    """Ask which detail to change."""
    event.model.say("fix_which")


def ask_preview_next(event: EventData) -> None:
    """Say what can follow the preview, with the report's price."""
    turn: Turn = event.model
    turn.say("preview_next", price=format_inr(turn.settings.prices.kundali_paise))


# What to ask again after HELP or a not-understood message, per state.
REPROMPTS: dict[str, Callable[[EventData], None]] = {
    S.NEW: ask_language,
    S.CHOOSING_LANGUAGE: ask_language,
    S.MENU: show_menu,
    S.USE_SAVED: offer_saved,
    S.ASKING_NAME: bd.ask_name,
    S.ASKING_DOB: bd.ask_date,
    S.ASKING_TIME: bd.ask_time,
    S.ASKING_PLACE: bd.ask_place,
    S.CHOOSING_PLACE: bd.ask_place,
    S.CONFIRMING: show_confirmation,
    S.CHOOSING_FIX: ask_fix,
    S.PREVIEW_SHOWN: ask_preview_next,
    **shop.REPROMPTS,
    **privacy.REPROMPTS,
}


def reprompt(event: EventData) -> None:
    """Ask the current state's question again."""
    REPROMPTS[event.model.state](event)


# fmt: off
TRANSITIONS: list[dict[str, Any]] = [
    # Global words, in every state.
    _t("restart", ANY, S.MENU, [clear_draft, shop.resume_reminders, greet, show_menu],
       has_language),
    _t("restart", ANY, S.CHOOSING_LANGUAGE,
       [clear_draft, shop.resume_reminders, greet, ask_language]),
    _t("open_menu", ANY, S.MENU, [clear_draft, show_menu], has_language),
    _t("open_menu", ANY, S.CHOOSING_LANGUAGE, ask_language),
    _t("cancel", ANY, S.MENU, [clear_draft, say_cancelled, show_menu], has_language),
    _t("cancel", ANY, S.CHOOSING_LANGUAGE, [clear_draft, ask_language]),
    _t("show_help", ANY, None, [say_help, reprompt]),
    _t("pick_language", ANY, S.CHOOSING_LANGUAGE, ask_language),
    # BACK: one step back through the questions; anywhere else, the menu.
    _t("go_back", S.ASKING_DOB, S.ASKING_NAME, bd.ask_name),
    _t("go_back", S.ASKING_TIME, S.ASKING_DOB, bd.ask_date),
    _t("go_back", S.ASKING_PLACE, S.ASKING_TIME, bd.ask_time),
    _t("go_back", S.CHOOSING_PLACE, S.ASKING_PLACE, bd.ask_place),
    _t("go_back", S.CONFIRMING, S.ASKING_PLACE, bd.ask_place),
    _t("go_back", S.CHOOSING_FIX, S.CONFIRMING, show_confirmation),
    _t("go_back", ANY, S.MENU, [clear_draft, show_menu], has_language),
    _t("go_back", ANY, S.CHOOSING_LANGUAGE, ask_language),
    # DELETE MY DATA: confirm, then erase.
    *privacy.ROWS,
    # First contact and language.
    _t("reply", S.NEW, S.CHOOSING_LANGUAGE, [greet, ask_language]),
    _t("reply", S.CHOOSING_LANGUAGE, S.MENU, [set_language, show_menu], read_language),
    _t("reply", S.CHOOSING_LANGUAGE, None, [say_invalid_choice, ask_language]),
    # The main menu.
    _t("reply", S.MENU, S.USE_SAVED, offer_saved, [chose(1), has_profile]),
    _t("reply", S.MENU, S.ASKING_NAME, [start_details, bd.ask_name], chose(1)),
    *[r for r in shop.ROWS if r["source"] == S.MENU],
    _t("reply", S.MENU, S.ASKING_NAME, [start_details, bd.ask_name], chose(2)),
    _t("reply", S.MENU, S.CHOOSING_LANGUAGE, ask_language, chose(4)),
    _t("reply", S.MENU, None, [say_help, show_menu], chose(5)),
    _t("reply", S.MENU, None, [say_invalid_choice, show_menu]),
    # Saved details.
    _t("reply", S.USE_SAVED, S.PREVIEW_SHOWN, show_preview, said_yes),
    _t("reply", S.USE_SAVED, S.ASKING_NAME, [start_details, bd.ask_name], said_no),
    _t("reply", S.USE_SAVED, None, [say_invalid_choice, offer_saved]),
    # Birth details, each: correcting → confirmation; valid → next question; else explain.
    _t("reply", S.ASKING_NAME, S.CONFIRMING, [bd.save_name, show_confirmation],
       [bd.valid_name, bd.editing]),
    _t("reply", S.ASKING_NAME, S.ASKING_DOB, [bd.save_name, bd.ask_date], bd.valid_name),
    _t("reply", S.ASKING_NAME, None, bd.explain_name),
    _t("reply", S.ASKING_DOB, S.CONFIRMING, [bd.save_date, show_confirmation],
       [bd.valid_date, bd.editing]),
    _t("reply", S.ASKING_DOB, S.ASKING_TIME, [bd.save_date, bd.ask_time], bd.valid_date),
    _t("reply", S.ASKING_DOB, None, bd.explain_date),
    _t("reply", S.ASKING_TIME, S.CONFIRMING, [bd.save_time, show_confirmation],
       [bd.valid_time, bd.editing]),
    _t("reply", S.ASKING_TIME, S.ASKING_PLACE, [bd.save_time, bd.ask_place], bd.valid_time),
    _t("reply", S.ASKING_TIME, None, bd.explain_time),
    _t("reply", S.ASKING_PLACE, S.CONFIRMING, [bd.save_place, show_confirmation], bd.place_found),
    _t("reply", S.ASKING_PLACE, S.CHOOSING_PLACE, bd.offer_places, bd.place_ambiguous),
    _t("reply", S.ASKING_PLACE, None, bd.explain_place),
    _t("reply", S.CHOOSING_PLACE, S.CONFIRMING, [bd.save_chosen_place, show_confirmation],
       bd.chose_listed_place),
    _t("reply", S.CHOOSING_PLACE, S.CONFIRMING, [bd.save_place, show_confirmation], bd.place_found),
    _t("reply", S.CHOOSING_PLACE, None, bd.offer_places, bd.place_ambiguous),
    _t("reply", S.CHOOSING_PLACE, S.ASKING_PLACE, bd.explain_place),
    # Confirmation and corrections (a match's two charts first).
    *shop.BEFORE_DETAILS,
    _t("reply", S.CONFIRMING, S.PREVIEW_SHOWN, [save_profile, show_preview], said_yes),
    _t("reply", S.CONFIRMING, S.CHOOSING_FIX, ask_fix, said_no),
    _t("reply", S.CONFIRMING, None, [say_not_understood, show_confirmation]),
    _t("reply", S.CHOOSING_FIX, S.ASKING_NAME, [start_editing, bd.ask_name], chose(1)),
    _t("reply", S.CHOOSING_FIX, S.ASKING_DOB, [start_editing, bd.ask_date], chose(2)),
    _t("reply", S.CHOOSING_FIX, S.ASKING_TIME, [start_editing, bd.ask_time], chose(3)),
    _t("reply", S.CHOOSING_FIX, S.ASKING_PLACE, [start_editing, bd.ask_place], chose(4)),
    _t("reply", S.CHOOSING_FIX, None, [say_invalid_choice, reprompt]),
    # Selling: after the preview, paying, questions, match-making.
    *[r for r in shop.ROWS if r["source"] != S.MENU],
    _t("reply", S.PREVIEW_SHOWN, None, [say_not_understood, reprompt]),
]
# fmt: on

# Built once: a Machine per message costs ~1.6 ms and ~370 KiB (DESIGN.md).
MACHINE = Machine(
    model=None,
    states=[s.value for s in S],
    transitions=TRANSITIONS,
    initial=INITIAL.value,
    auto_transitions=False,
    send_event=True,
)

GLOBAL_TRIGGERS: dict[str, str] = {
    "start": "restart",
    "menu": "open_menu",
    "cancel": "cancel",
    "help": "show_help",
    "language": "pick_language",
    "back": "go_back",
    "retry": "renew",
    "stop": "stop_reminders",
    "delete": "erase_data",
}


def fire(trigger: str, turn: Turn) -> None:
    """Run one trigger for this turn on the shared machine."""
    MACHINE.events[trigger].trigger(turn)
