"""TwilioRestSender through the official SDK against the local Twilio stub."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Iterator

import pytest

from backend.domain.messaging import DeliveryError
from backend.domain.phone import phone_hash
from infrastructure.twilio.log_sender import LogSender
from infrastructure.twilio.rest_sender import TwilioRestSender
from tests.fakes.twilio_stub import ACCOUNT_SID, AUTH_TOKEN, TwilioStub, twilio_error, twilio_stub

__all__ = ["twilio_stub"]  # the fixture, imported so pytest sees it here

FROM = "whatsapp:+14155238886"
TO = "+919876543210"
CALLBACK = "https://bot.boloastro.test/webhooks/twilio/status"


@pytest.fixture
def sender(twilio_stub: TwilioStub) -> Iterator[TwilioRestSender]:
    """A sender on the stub with a short timeout, so a stalled create times out quickly."""
    built = TwilioRestSender(
        ACCOUNT_SID, AUTH_TOKEN, FROM, CALLBACK, base_url=twilio_stub.base_url, timeout_s=0.5
    )
    try:
        yield built
    finally:
        built.close()


def test_text_is_posted_to_the_accounts_messages_resource(
    sender: TwilioRestSender, twilio_stub: TwilioStub
) -> None:
    sid = sender.send_text(TO, "Your payment of ₹199 was received.", "https://x.test/r.pdf")

    [request] = twilio_stub.requests
    assert request.method == "POST"
    assert request.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert request.field("To") == f"whatsapp:{TO}"
    assert request.field("From") == FROM
    assert request.field("Body") == "Your payment of ₹199 was received."
    assert request.form["MediaUrl"] == ["https://x.test/r.pdf"]
    assert request.field("StatusCallback") == CALLBACK
    assert request.field("ContentSid") is None
    assert sid == twilio_stub.messages[0]["sid"] and sid.startswith("SM")


def test_basic_auth_uses_the_account_sid_and_token(
    sender: TwilioRestSender, twilio_stub: TwilioStub
) -> None:
    sender.send_text(TO, "hello")

    header = twilio_stub.requests[0].authorization or ""
    assert base64.b64decode(header.removeprefix("Basic ")).decode() == f"{ACCOUNT_SID}:{AUTH_TOKEN}"


def test_text_without_media_sends_no_media_url(
    sender: TwilioRestSender, twilio_stub: TwilioStub
) -> None:
    sender.send_text(TO, "hello")

    assert "MediaUrl" not in twilio_stub.requests[0].form


def test_template_sends_content_sid_and_json_variables(
    sender: TwilioRestSender, twilio_stub: TwilioStub
) -> None:
    sid = sender.send_template(TO, "HX" + "a" * 32, {"1": "Asha", "2": "₹199"})

    request = twilio_stub.requests[0]
    assert request.field("ContentSid") == "HX" + "a" * 32
    assert json.loads(request.field("ContentVariables") or "") == {"1": "Asha", "2": "₹199"}
    assert request.field("Body") is None
    assert request.field("To") == f"whatsapp:{TO}"
    assert sid == twilio_stub.messages[0]["sid"]


def test_invalid_number_is_a_permanent_error_without_the_number(
    sender: TwilioRestSender, twilio_stub: TwilioStub
) -> None:
    with pytest.raises(DeliveryError) as caught:
        sender.send_text("+10", "hello")

    assert caught.value.permanent is True
    assert caught.value.code == "21211"
    assert "+10" not in str(caught.value)


@pytest.mark.parametrize(
    ("status", "code", "permanent"),
    [
        (400, 63016, True),  # outside the 24 h window
        (400, 21610, True),  # the user blocked us
        (429, 20429, False),  # too many requests
        (401, 20003, False),  # credentials: an operator can fix them, then it goes
        (500, 20500, False),
        (503, None, False),
    ],
)
def test_twilio_errors_map_to_permanent_or_transient(
    sender: TwilioRestSender,
    twilio_stub: TwilioStub,
    status: int,
    code: int | None,
    permanent: bool,
) -> None:
    body = twilio_error(status, code, "failed") if code else b"<html>Service Unavailable</html>"
    twilio_stub.fail_next(status, body)

    with pytest.raises(DeliveryError) as caught:
        sender.send_text(TO, "hello")

    assert caught.value.permanent is permanent
    assert caught.value.code == str(code or status)  # the SDK uses the status without a body
    assert str(status) in str(caught.value)


def test_a_stalled_twilio_is_a_transient_timeout(
    sender: TwilioRestSender, twilio_stub: TwilioStub
) -> None:
    twilio_stub.stall(5.0)

    with pytest.raises(DeliveryError) as caught:
        sender.send_text(TO, "hello")

    assert caught.value.permanent is False
    assert "unreachable" in str(caught.value)


def test_an_unreachable_twilio_is_transient() -> None:
    stub = TwilioStub()
    stub.start()
    base_url = stub.base_url
    stub.stop()  # nothing listens there any more
    built = TwilioRestSender(ACCOUNT_SID, AUTH_TOKEN, FROM, base_url=base_url, timeout_s=0.5)

    with pytest.raises(DeliveryError) as caught:
        built.send_text(TO, "hello")

    assert caught.value.permanent is False
    built.close()


def test_the_development_sender_logs_a_hash_never_the_number_or_body(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    sender = LogSender()

    sids = [sender.send_text(TO, "secret body"), sender.send_template(TO, "HX1", {"1": "secret"})]

    assert all(sid.startswith("SMdev") for sid in sids) and sids[0] != sids[1]
    assert phone_hash(TO) in caplog.text
    assert TO not in caplog.text and "secret" not in caplog.text
