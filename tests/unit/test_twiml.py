"""Our TwiML template says exactly what the official SDK's MessagingResponse says."""

from __future__ import annotations

from flask import Flask
from hypothesis import given
from hypothesis import strategies as st
from twilio.twiml.messaging_response import MessagingResponse

from backend.api.twiml import twiml

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=50)


@given(st.lists(TEXT, max_size=4))
def test_the_template_matches_the_sdk(messages: list[str]) -> None:
    expected = MessagingResponse()
    for message in messages:
        expected.message(message)
    with Flask(__name__).app_context():
        response = twiml(messages)
    assert response.get_data(as_text=True) == str(expected)
    assert response.mimetype == "application/xml"
