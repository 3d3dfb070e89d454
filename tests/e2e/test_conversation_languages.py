"""A whole conversation in each of the six languages, over signed HTTP, typed as people type."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask.testing import FlaskClient

from backend.domain.whatsapp_text import MAX_MESSAGE_CHARS
from bot_flows import catalog
from tests.whatsapp import ChatUser


@dataclass(frozen=True)
class Script:
    """How someone writing in this language answers the questions."""

    language: str
    name: str
    dob: str
    time: str
    place: str
    yes: str
    menu_word: str
    place_label: str


SCRIPTS = [
    Script("en", "Asha", "15/08/1990", "10:30 pm", "Bombay", "yes", "menu", "Mumbai"),
    Script("hi", "आशा", "15 अगस्त 1990", "रात 10:30", "मुंबई", "हाँ", "मेनू", "Mumbai"),
    Script("mr", "सुमेधा", "3-1-1985", "सकाळी 6.15", "पुणे", "होय", "मेनू", "Pune"),
    Script("ta", "கவிதா", "1985-01-03", "தெரியாது", "சென்னை", "ஆம்", "மெனு", "Chennai"),
    Script("te", "లక్ష్మి", "20.11.1975", "14:05", "విజయవాడ", "అవును", "మెనూ", "Vijayawada"),
    Script("bn", "অমিত", "২৬/০১/১৯৫০", "জানি না", "কলকাতা", "হ্যাঁ", "মেনু", "Kolkata"),
]


def _check(user_replies: list[str]) -> list[str]:
    assert user_replies, "every message gets an answer"
    for reply in user_replies:
        assert 0 < len(reply) <= MAX_MESSAGE_CHARS
    return user_replies


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.language for s in SCRIPTS])
def test_a_full_conversation_in_each_language(client: FlaskClient, script: Script) -> None:
    user = ChatUser(client)
    messages = catalog.MESSAGES[script.language]
    number = str(catalog.LANGUAGES.index(script.language) + 1)

    _check(user.send("hi"))
    menu = "\n".join(_check(user.send(number)))
    assert messages["language_set"] in menu
    assert messages["menu"] in menu
    assert messages["ask_name"] in "\n".join(_check(user.send("1")))
    _check(user.send(script.name))
    assert messages["ask_time"] in "\n".join(_check(user.send(script.dob)))
    assert messages["ask_place"] in "\n".join(_check(user.send(script.time)))
    confirm = "\n".join(_check(user.send(script.place)))
    assert script.name in confirm and script.place_label in confirm
    preview = "\n".join(_check(user.send(script.yes)))
    assert messages["preview_next"].format(price="₹199") in preview
    assert script.name in preview
    help_text = "\n".join(_check(user.send("help")))
    assert "AGPL-3.0" in help_text
    assert messages["menu"] in "\n".join(_check(user.send(script.menu_word)))
    for choice in ("2", "3", "5", "9"):
        _check(user.send(choice))
        _check(user.send(script.menu_word))
    assert script.name in "\n".join(_check(user.send("1"))), "saved details are offered"
    again = "\n".join(_check(user.send("1")))
    assert again == preview, "the saved profile gives the same preview"
