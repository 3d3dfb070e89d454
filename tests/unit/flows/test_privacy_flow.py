"""Privacy words in the conversation: STOP and its Twilio synonyms, and DELETE MY DATA."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot_flows import catalog
from bot_flows.commands import Command, EraseMyData, SetReminders
from bot_flows.conversation import step_turn
from tests.unit.flows.fakes import Chat


def commands_of(chat: Chat, text: str) -> list[Command]:
    """Step one message and return the commands it queued for the application."""
    chat.now += timedelta(seconds=5)
    turn = step_turn(chat.conversation, text, chat.now, chat.gazetteer, chat.settings)
    return turn.commands


def english_menu() -> Chat:
    chat = Chat()
    chat.send("hi")
    chat.send("1")
    return chat


@pytest.mark.parametrize("word", ["stop", "STOP", "stopall", "Unsubscribe", "end", "QUIT."])
def test_twilio_opt_out_words_turn_reminders_off(word: str) -> None:
    chat = english_menu()
    assert commands_of(chat, word) == [SetReminders(on=False)]


def test_opt_out_words_work_in_every_language() -> None:
    for language in catalog.LANGUAGES:
        for word in catalog.WORDS[language]["stop"]:
            assert catalog.meaning_of(word) == "stop", (language, word)


def test_quit_no_longer_cancels_and_cancel_still_does() -> None:
    assert catalog.meaning_of("quit") == "stop"
    assert catalog.meaning_of("cancel") == "cancel"


@pytest.mark.parametrize("text", ["the end", "end of story", "weekend", "ending"])
def test_end_stops_only_as_the_whole_message(text: str) -> None:
    assert catalog.meaning_of(text) is None


def test_delete_my_data_asks_first_from_any_state() -> None:
    chat = english_menu()
    chat.send("1")  # the birth details have begun
    assert chat.state == "asking_name"
    text = chat.say("Delete my data!")
    assert "permanently erases" in text and "1. Yes" in text and "2. No" in text
    assert chat.state == "confirming_erase"


@pytest.mark.parametrize("answer", ["yes", "1", "हाँ"])
def test_yes_queues_the_erasure(answer: str) -> None:
    chat = english_menu()
    chat.send("delete my data")
    assert commands_of(chat, answer) == [EraseMyData()]
    assert chat.state == "new"


@pytest.mark.parametrize("answer", ["no", "2"])
def test_no_keeps_everything_and_shows_the_menu(answer: str) -> None:
    chat = english_menu()
    chat.send("delete my data")
    chat.now += timedelta(seconds=5)
    turn = step_turn(chat.conversation, answer, chat.now, chat.gazetteer, chat.settings)
    assert turn.commands == []
    assert "Nothing was erased" in "\n".join(turn.replies)
    assert chat.state == "menu"


def test_no_before_choosing_a_language_asks_for_the_language() -> None:
    chat = Chat()
    chat.send("delete my data")
    text = chat.say("no")
    assert "Nothing was erased" in text and "English" in text
    assert chat.state == "choosing_language"


def test_anything_else_asks_again_and_help_reprompts() -> None:
    chat = english_menu()
    chat.send("delete my data")
    assert "permanently erases" in chat.say("maybe later")
    assert chat.state == "confirming_erase"
    assert "permanently erases" in chat.say("help")
    assert chat.state == "confirming_erase"
    chat.send("menu")  # global words still leave the question
    assert chat.state == "menu"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("hi", "मेरा डेटा हटाओ"),
        ("mr", "माझा डेटा हटवा"),
        ("ta", "என் தரவை நீக்கு"),
        ("te", "నా డేటా తొలగించు"),
        ("bn", "আমার তথ্য মুছে দিন"),
    ],
)
def test_delete_my_data_in_each_language_asks_in_that_language(language: str, words: str) -> None:
    chat = Chat()
    chat.send("hi")
    chat.send(str(catalog.LANGUAGES.index(language) + 1))
    assert chat.say(words) == catalog.text(language, "erase_confirm")
    assert commands_of(chat, "1") == [EraseMyData()]
