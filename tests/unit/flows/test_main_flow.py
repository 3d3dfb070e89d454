"""The main conversation, stepped message by message through its public `step` function."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from tests.unit.flows.fakes import Chat


def english_chat() -> Chat:
    chat = Chat()
    chat.send("hi")
    chat.send("1")
    return chat


def details(
    chat: Chat,
    *,
    name: str = "Asha",
    dob: str = "15/08/1990",
    tob: str = "10:30 pm",
    place: str = "Mumbai",
) -> str:
    chat.send("1")
    chat.send(name)
    chat.send(dob)
    chat.send(tob)
    return chat.say(place)


def test_first_contact_greets_and_offers_six_languages() -> None:
    chat = Chat()
    text = chat.say("hello")
    assert "BoloAstro" in text
    for name in ("English", "हिंदी", "मराठी", "தமிழ்", "తెలుగు", "বাংলা"):
        assert name in text
    assert chat.state == "choosing_language"


def test_choosing_a_language_by_number_or_name_shows_the_menu() -> None:
    chat = Chat()
    chat.send("hi")
    text = chat.say("2")
    assert chat.conversation.language == "hi"
    assert chat.state == "menu"
    assert "1." in text and "5." in text
    other = Chat()
    other.send("hi")
    other.send("Tamil")
    assert other.conversation.language == "ta"


def test_a_wrong_language_choice_asks_again() -> None:
    chat = Chat()
    chat.send("hi")
    text = chat.say("9")
    assert chat.state == "choosing_language"
    assert "English" in text


def test_the_whole_path_to_a_free_preview() -> None:
    chat = english_chat()
    confirm = details(chat)
    assert chat.state == "confirming"
    assert "Asha" in confirm and "15 August 1990" in confirm and "Mumbai" in confirm
    assert "UTC+05:30" in confirm
    preview = chat.say("yes")
    assert chat.state == "preview_shown"
    assert "Lagna" in preview and "Nakshatra" in preview and "pada" in preview
    profile = chat.conversation.profile
    assert profile is not None and profile.name == "Asha"
    assert profile.birth_time == time(22, 30)
    assert "draft" not in chat.conversation.context


def test_preview_names_signs_in_english_and_sanskrit() -> None:
    # 1990-08-15 22:30 IST Mumbai: Sun in sidereal Cancer (Karka), Moon in Libra/Scorpio.
    chat = english_chat()
    details(chat)
    preview = chat.say("1")
    assert "Sun sign: Cancer (Karka)" in preview


def test_unknown_birth_time_gives_a_chart_without_lagna_said_plainly() -> None:
    chat = english_chat()
    confirm = details(chat, tob="don't know")
    assert "not known" in confirm
    preview = chat.say("yes")
    assert "without a birth time" in preview


def test_an_ambiguous_place_offers_numbered_choices_naming_the_state() -> None:
    chat = english_chat()
    text = details(chat, place="Aurangabad")
    assert chat.state == "choosing_place"
    assert "1. Aurangabad, Maharashtra, India" in text
    assert "2. Aurangabad, Bihar, India" in text
    confirm = chat.say("2")
    assert chat.state == "confirming"
    assert "Bihar" in confirm


def test_an_unknown_place_gets_a_hint_and_another_try() -> None:
    chat = english_chat()
    text = details(chat, place="Mumbaii")
    assert chat.state == "asking_place"
    assert "Did you mean" in text and "Mumbai" in text
    text = chat.say("Qwzx")
    assert "couldn't find" in text
    chat.say("Bombay")
    assert chat.state == "confirming"


@pytest.mark.parametrize(
    ("dob", "expected"),
    [
        ("31/02/1990", "isn't on the calendar"),
        ("15/08/2090", "in the future"),
        ("15/08/1890", "1900"),
        ("someday", "couldn't read that date"),
    ],
)
def test_bad_dates_are_explained_precisely(dob: str, expected: str) -> None:
    chat = english_chat()
    chat.send("1")
    chat.send("Asha")
    text = chat.say(dob)
    assert expected in text
    assert chat.state == "asking_dob"


def test_back_steps_through_the_questions() -> None:
    chat = english_chat()
    chat.send("1")
    chat.send("Asha")
    chat.send("15/08/1990")
    assert chat.state == "asking_time"
    text = chat.say("back")
    assert chat.state == "asking_dob"
    assert "date of birth" in text


def test_cancel_goes_to_the_menu_and_forgets_the_draft() -> None:
    chat = english_chat()
    chat.send("1")
    chat.send("Asha")
    text = chat.say("cancel")
    assert chat.state == "menu"
    assert "Cancelled" in text
    assert "draft" not in chat.conversation.context


def test_help_answers_and_asks_the_same_question_again() -> None:
    chat = english_chat()
    chat.send("1")
    text = chat.say("help")
    assert "AGPL" in text and "https://example.org/src" in text
    assert chat.state == "asking_name"
    assert "name" in text.splitlines()[-1].lower()


def test_correcting_one_detail_returns_to_the_confirmation() -> None:
    chat = english_chat()
    details(chat)
    chat.send("no")
    assert chat.state == "choosing_fix"
    chat.send("3")
    assert chat.state == "asking_time"
    confirm = chat.say("06:15")
    assert chat.state == "confirming"
    assert "06:15" in confirm and "Asha" in confirm


def test_saved_details_are_offered_next_time() -> None:
    chat = english_chat()
    details(chat)
    chat.send("yes")
    chat.send("menu")
    text = chat.say("1")
    assert chat.state == "use_saved"
    assert "Asha" in text
    assert "Lagna" in chat.say("1")


def test_after_a_day_away_the_user_is_welcomed_back_at_the_menu() -> None:
    chat = english_chat()
    details(chat)
    chat.send("yes")
    chat.send("1")
    text = chat.say("2", after=timedelta(hours=25))
    assert "Welcome back, Asha" in text
    assert chat.state == "menu"
    assert chat.conversation.profile is not None


def test_global_words_work_in_hindi_too() -> None:
    chat = Chat()
    chat.send("hi")
    chat.send("2")
    chat.send("1")
    assert chat.state == "asking_name"
    chat.send("मेनू")
    assert chat.state == "menu"


def test_a_state_from_an_older_release_falls_back_to_the_menu() -> None:
    chat = english_chat()
    chat.conversation.state = "retired_state"
    chat.send("1")
    assert chat.state in {"asking_name", "use_saved"}
