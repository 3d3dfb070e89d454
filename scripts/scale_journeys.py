"""The journeys of scripts/scale_test.py: the free preview, then buying one product.

The words and numbers are the ones the bot expects (tests/e2e/test_buying.py walks the same
paths); each step names the text its reply must contain.
"""

from __future__ import annotations

from scale_users import Player, Record

PROFILE = "hi", "1", "1"  # greet, English, Kundali: then the birth details
REPORT_OFFER = "Reply 1 for your full Kundali report"
LINK = "/sandbox/pay/plink_"


def birth_details(player: Player, name: str, dob: str, clock: str) -> None:
    """Name, date, time and place, each answered with the next question."""
    player.say(name, "date of birth")
    player.say(dob, "What time")
    player.say(clock, "Where was the birth")
    player.say("Bombay", "Please check the details")


def play(player: Player) -> Record:
    """The user's whole journey: the free preview, then buying their product."""
    try:
        player.say(PROFILE[0], "choose your language")
        player.say(PROFILE[1], "What would you like to do")
        player.say(PROFILE[2], "name of the person")
        birth_details(player, player.name, f"{1 + player.turn % 28:02d}/08/1990", "10:30 pm")
        player.say("yes", REPORT_OFFER)
        JOURNEYS[player.record.kind](player)
    except Exception as exc:  # a crash of the player is a finding too, never a lost thread
        player.problem(f"{type(exc).__name__}: {exc}")
    finally:
        player.session.close()
    return player.record


def buy_report(player: Player) -> None:
    """Buy the Kundali report."""
    player.pay(player.say("1", LINK))


def buy_report_after_a_failure(player: Player) -> None:
    """The first payment fails; a fresh link is paid."""
    first = player.pay(player.say("1", LINK), action="fail")
    fresh = player.say("retry", LINK)
    if first and first in fresh:
        player.problem("retry offered the failed link again")
    player.pay(fresh)


def buy_questions(player: Player) -> None:
    """Buy a pack of questions, then spend one."""
    player.say("2", "4 questions costs ₹99")
    player.pay(player.say("1", "Question pack"))
    player.say("When will I get a new job?", "3 questions left")


def buy_match(player: Player) -> None:
    """Enter the bride's and groom's details and buy the match."""
    player.say("menu", "What would you like to do")
    player.say("3", "bride")
    birth_details(player, player.name, "15/08/1990", "10:30 pm")
    player.say("yes", "groom")
    birth_details(player, "Ravi", "02/03/1988", "6:15 am")
    player.say("yes", f"{player.name} & Ravi")
    player.pay(player.say("1", LINK))


JOURNEYS = {
    "report": buy_report,
    "report-retry": buy_report_after_a_failure,
    "questions": buy_questions,
    "match": buy_match,
}


def kind_of(number: int) -> str:
    """Spread the users over the journeys: 4 in 10 reports (one of them after a failure)."""
    return (
        "report",
        "questions",
        "match",
        "report",
        "questions",
        "match",
        "report",
        "questions",
        "match",
        "report-retry",
    )[number % 10]
