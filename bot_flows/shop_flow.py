"""The selling part of the main conversation: offers, payment links, questions, match-making.

Callbacks only change the conversation and queue commands (bot_flows.commands); the
application issues links, spends credits and answers, under the same conversation lock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from backend.domain.entitlements import Product
from backend.domain.payments.money import format_inr
from bot_flows import birth_details as bd
from bot_flows.commands import (
    AskQuestion,
    Buy,
    CheckPayment,
    OpenQuestions,
    RenewLink,
    SetReminders,
)
from bot_flows.products.words import Words, load_catalogs
from bot_flows.states import S
from bot_flows.table import ANY, EventData, chose, has_profile, said_yes
from bot_flows.table import row as _t
from bot_flows.turn import Turn

SHOP = load_catalogs("shop")
BRIDE, GROOM = "milan_bride", "milan_groom"


def shop_words(turn: Turn) -> Words:
    """The shop catalog in the user's language."""
    return Words(SHOP, turn.language or "en")


def say_shop(turn: Turn, key: str, **params: object) -> None:
    """Queue a shop message."""
    turn.replies.append(shop_words(turn)(key, **params))


# --- conditions ----------------------------------------------------------------------------


def for_bride(event: EventData) -> bool:
    """The details being confirmed are the bride's."""
    return bool(event.model.draft.get("goal") == BRIDE)


def for_groom(event: EventData) -> bool:
    """The details being confirmed are the groom's."""
    return bool(event.model.draft.get("goal") == GROOM)


# --- callbacks -----------------------------------------------------------------------------


def buy_report(event: EventData) -> None:
    """Sell the full report of the saved profile."""
    event.model.do(Buy(Product.KUNDALI))


def open_questions(event: EventData) -> None:
    """Enter Q&A."""
    event.model.do(OpenQuestions())


def buy_pack(event: EventData) -> None:
    """Sell a pack of questions."""
    event.model.do(Buy(Product.QNA))


def ask_question(event: EventData) -> None:
    """Answer the message from the chart."""
    turn: Turn = event.model
    turn.do(AskQuestion(turn.text))


def check_payment(event: EventData) -> None:
    """Say where the pending payment stands."""
    event.model.do(CheckPayment())


def renew_link(event: EventData) -> None:
    """A fresh link for the purchase in progress."""
    event.model.do(RenewLink())


def stop_reminders(event: EventData) -> None:
    """STOP: no more nudges."""
    event.model.do(SetReminders(on=False))


def resume_reminders(event: EventData) -> None:
    """START/HI: nudges allowed again (the application says so only if they were off)."""
    event.model.do(SetReminders(on=True))


def start_milan(event: EventData) -> None:
    """Begin match-making with the bride's details."""
    turn: Turn = event.model
    turn.conversation.context.pop("milan", None)
    turn.conversation.context["draft"] = {"goal": BRIDE}
    say_shop(turn, "milan_intro")


def keep_bride(event: EventData) -> None:
    """Keep the bride's confirmed details and ask for the groom's."""
    turn: Turn = event.model
    draft = dict(turn.draft)
    draft.pop("goal", None)
    turn.conversation.context["milan"] = {"bride": draft}
    turn.conversation.context["draft"] = {"goal": GROOM}
    say_shop(turn, "milan_groom")


def keep_groom(event: EventData) -> None:
    """Keep the groom's confirmed details."""
    turn: Turn = event.model
    draft = dict(turn.draft)
    draft.pop("goal", None)
    turn.conversation.context.setdefault("milan", {})["groom"] = draft
    turn.conversation.context.pop("draft", None)


def offer_match(event: EventData) -> None:
    """The match's price and how to buy it."""
    turn: Turn = event.model
    milan = turn.conversation.context.get("milan", {})
    bride, groom = milan.get("bride", {}), milan.get("groom", {})
    price = format_inr(turn.settings.prices.milan_paise)
    say_shop(
        turn, "milan_offer", bride=bride.get("name", ""), groom=groom.get("name", ""), price=price
    )


def buy_match(event: EventData) -> None:
    """Sell the match of the two confirmed charts."""
    event.model.do(Buy(Product.MILAN))


# Rows that must be tried before the ordinary birth-details rows of the same state.
BEFORE_DETAILS: list[dict[str, Any]] = [
    _t("reply", S.CONFIRMING, S.ASKING_NAME, [keep_bride, bd.ask_name], [said_yes, for_bride]),
    _t("reply", S.CONFIRMING, S.MILAN_OFFERED, [keep_groom, offer_match], [said_yes, for_groom]),
]

# fmt: off
ROWS: list[dict[str, Any]] = [
    _t("renew", ANY, None, renew_link),
    _t("stop_reminders", ANY, None, stop_reminders),
    # The menu's paid options.
    _t("reply", S.MENU, S.QUESTIONS, open_questions, [chose(2), has_profile]),
    _t("reply", S.MENU, S.ASKING_NAME, [start_milan, bd.ask_name], chose(3)),
    # After the free preview.
    _t("reply", S.PREVIEW_SHOWN, S.AWAITING_PAYMENT, buy_report, chose(1)),
    _t("reply", S.PREVIEW_SHOWN, S.QUESTIONS, open_questions, chose(2)),
    # Waiting for money: any message asks where it stands.
    _t("reply", S.AWAITING_PAYMENT, None, check_payment),
    # Questions: 1 buys a pack, anything else is a question.
    _t("reply", S.QUESTIONS, None, buy_pack, chose(1)),
    _t("reply", S.QUESTIONS, None, ask_question),
    # Match-making offer.
    _t("reply", S.MILAN_OFFERED, S.AWAITING_PAYMENT, buy_match, said_yes),
    _t("reply", S.MILAN_OFFERED, None, offer_match),
]
# fmt: on

REPROMPTS: dict[str, Callable[[EventData], None]] = {
    S.AWAITING_PAYMENT: check_payment,
    S.QUESTIONS: open_questions,
    S.MILAN_OFFERED: offer_match,
}
