"""Test helpers: unique phone numbers and Twilio-signed WhatsApp webhook requests."""

from __future__ import annotations

import itertools
import random
import uuid
from xml.etree import ElementTree

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from infrastructure.twilio.signatures import sign_like_twilio
from tests.support import PUBLIC_BASE_URL, TEST_AUTH_TOKEN

WEBHOOK = "/webhooks/twilio/whatsapp"
_counter = itertools.count()
_run = random.SystemRandom().randrange(10_000, 99_999)


def unique_phone() -> str:
    """An Indian mobile number no other test uses in this run."""
    return f"+919{_run:05d}{next(_counter):04d}"


def message_form(phone: str, body: str, sid: str | None = None) -> dict[str, str]:
    """The form Twilio posts for an inbound WhatsApp text."""
    return {
        "AccountSid": "AC" + "1" * 32,
        "MessageSid": sid or f"SM{uuid.uuid4().hex}",
        "From": f"whatsapp:{phone}",
        "To": "whatsapp:+14155238886",
        "Body": body,
        "NumMedia": "0",
    }


def post_signed(
    client: FlaskClient,
    form: dict[str, str],
    *,
    path: str = WEBHOOK,
    signed_url: str | None = None,
    token: str = TEST_AUTH_TOKEN,
) -> TestResponse:
    """POST the form with the signature Twilio would compute (or a deliberately wrong one)."""
    url = signed_url or f"{PUBLIC_BASE_URL}{path}"
    signature = sign_like_twilio(token, url, form)
    return client.post(path, data=form, headers={"X-Twilio-Signature": signature})


def replies(response: TestResponse) -> list[str]:
    """The text of each <Message> in a TwiML reply."""
    root = ElementTree.fromstring(response.get_data(as_text=True))
    return ["".join(m.itertext()) for m in root.iter("Message")]


class ChatUser:
    """One WhatsApp user talking to the app through signed webhooks."""

    def __init__(self, client: FlaskClient, phone: str | None = None) -> None:
        self.client = client
        self.phone = phone or unique_phone()

    def send(self, body: str) -> list[str]:
        """Send a message and return the bot's replies."""
        response = post_signed(self.client, message_form(self.phone, body))
        assert response.status_code == 200, response.get_data(as_text=True)
        assert response.mimetype == "application/xml"
        return replies(response)

    def say(self, body: str) -> str:
        """Send a message and return all replies joined, for substring checks."""
        return "\n".join(self.send(body))
