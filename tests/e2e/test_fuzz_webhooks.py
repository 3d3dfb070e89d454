"""Hostile input: generated requests against the three webhooks never get a 5xx.

Every answer is TwiML that parses (WhatsApp), JSON (status callbacks, Razorpay, errors),
or a 413 JSON error for a body over 64 KB. SQLite gets the full budget (fast); PostgreSQL,
which is stricter about what it stores (NUL bytes, column widths, integer ranges), a
smaller one.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from werkzeug.test import EnvironBuilder, TestResponse
from werkzeug.wrappers import Request

from backend.bootstrap import Services
from bot_flows import catalog
from infrastructure.razorpay.signatures import sign_webhook
from infrastructure.twilio.signatures import sign_like_twilio
from tests.e2e.webhook_strategies import (
    CONTENT_TYPE,
    EVENT,
    EVENT_ID,
    HEADERS,
    JSON,
    MALFORMED,
    MESSAGE,
    RAW,
    STATUS_FORM,
)
from tests.support import PUBLIC_BASE_URL, RAZORPAY_WEBHOOK_SECRET, TEST_AUTH_TOKEN
from tests.whatsapp import ChatUser, message_form, post_signed, replies, unique_phone

WHATSAPP, STATUS, RAZORPAY = (
    "/webhooks/twilio/whatsapp",
    "/webhooks/twilio/status",
    "/webhooks/razorpay",
)
EXAMPLES = {"sqlite": 1500, "postgresql": 150}


def fuzz(
    services: Services, caplog: pytest.LogCaptureFixture, strategy: st.SearchStrategy[Any]
) -> Callable[[Callable[[Any], None]], Callable[[], None]]:
    """Run a check on generated cases: the database's budget, and no error may be logged.

    The log is part of the oracle: a handler that catches a crash and answers politely (the
    WhatsApp route's "something went wrong") would otherwise hide the bug behind a 200.
    """
    budget = EXAMPLES["postgresql" if "postgresql" in services.settings.database_url else "sqlite"]
    config = settings(
        max_examples=budget,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

    def decorate(check: Callable[[Any], None]) -> Callable[[], None]:
        def checked(case: Any) -> None:
            caplog.clear()
            check(case)
            errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
            assert not errors, errors

        run: Callable[[], None] = config(given(strategy)(checked))
        return run

    return decorate


def handled(response: TestResponse, twiml: bool = False) -> None:
    """No 5xx; errors are JSON; a 200 is parseable TwiML (WhatsApp) or JSON."""
    status, data = response.status_code, response.get_data()
    assert status < 500, (status, data[:300])
    if status == 200 and twiml:
        assert response.mimetype == "application/xml", data[:300]
        ElementTree.fromstring(data)  # Twilio rejects a reply that is not well-formed XML
    else:
        assert response.is_json and isinstance(response.get_json(), dict), (status, data[:300])


def parsed_form(body: bytes, content_type: str) -> MultiDict[str, str]:
    """The form the app will read from these bytes (what a forger would have to sign)."""
    environ = EnvironBuilder(method="POST", data=body, content_type=content_type).get_environ()
    return Request(environ).form


def post_raw(
    client: FlaskClient, path: str, body: bytes, content_type: str, headers: dict[str, str]
) -> TestResponse:
    """POST exact bytes with the given headers."""
    return client.post(path, data=body, headers={"Content-Type": content_type, **headers})


def test_signed_whatsapp_messages(
    client: FlaskClient, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    @fuzz(services, caplog, MESSAGE)
    def check(form: dict[str, str]) -> None:
        response = post_signed(client, form)
        handled(response, twiml=True)
        assert response.status_code in (200, 413)  # 413: a body past 64 KB once encoded

    check()


def test_signed_malformed_whatsapp_forms(
    client: FlaskClient, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    @fuzz(services, caplog, MALFORMED)
    def check(form: dict[str, str]) -> None:
        response = post_signed(client, form)
        handled(response, twiml=True)
        assert response.status_code in (200, 400, 413)

    check()


def test_whatsapp_raw_bodies_and_headers(
    client: FlaskClient, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    @fuzz(services, caplog, st.tuples(RAW, CONTENT_TYPE, HEADERS, st.booleans()))
    def check(case: tuple[bytes, str, dict[str, str], bool]) -> None:
        body, content_type, headers, sign = case
        if sign:  # sign what a form parser would read, so some reach the handler
            form = parsed_form(body, content_type)
            signature = sign_like_twilio(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + WHATSAPP, form)
            headers = headers | {"X-Twilio-Signature": signature}
        handled(post_raw(client, WHATSAPP, body, content_type, headers), twiml=True)

    check()


def test_status_callbacks(
    client: FlaskClient, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    @fuzz(services, caplog, st.tuples(STATUS_FORM, RAW, CONTENT_TYPE, HEADERS))
    def check(case: tuple[dict[str, str], bytes, str, dict[str, str]]) -> None:
        form, body, content_type, headers = case
        handled(post_signed(client, form, path=STATUS))
        handled(post_raw(client, STATUS, body, content_type, headers))

    check()


def test_signed_razorpay_events(
    client: FlaskClient, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    @fuzz(services, caplog, st.tuples(st.one_of(EVENT, JSON), EVENT_ID))
    def check(case: tuple[Any, str | None]) -> None:
        payload, event_id = case
        body = json.dumps(payload).encode()
        headers = {"X-Razorpay-Signature": sign_webhook(body, RAZORPAY_WEBHOOK_SECRET)}
        if event_id is not None:
            headers["X-Razorpay-Event-Id"] = event_id
        response = post_raw(client, RAZORPAY, body, "application/json", headers)
        handled(response)
        assert response.status_code in (200, 400, 413)

    check()


def test_razorpay_raw_bodies_signed_and_unsigned(
    client: FlaskClient, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    @fuzz(services, caplog, st.tuples(RAW, CONTENT_TYPE, HEADERS, st.booleans()))
    def check(case: tuple[bytes, str, dict[str, str], bool]) -> None:
        body, content_type, headers, sign = case
        if sign:
            headers = headers | {
                "X-Razorpay-Signature": sign_webhook(body, RAZORPAY_WEBHOOK_SECRET)
            }
        response = post_raw(client, RAZORPAY, body, content_type, headers)
        handled(response)
        if not sign:
            assert response.status_code in (400, 413)

    check()


def test_a_signed_form_with_invalid_utf8_is_answered(client: FlaskClient) -> None:
    phone = unique_phone()
    raw = f"MessageSid=SM{uuid.uuid4().hex}&From=whatsapp%3A%2B{phone[1:]}&Body=%FF%FEhi%C3"
    form = parsed_form(raw.encode(), "application/x-www-form-urlencoded")
    signature = sign_like_twilio(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + WHATSAPP, form)
    headers = {"X-Twilio-Signature": signature}
    response = post_raw(
        client, WHATSAPP, raw.encode(), "application/x-www-form-urlencoded", headers
    )
    handled(response, twiml=True)
    assert response.status_code == 200 and replies(response)


def test_a_message_longer_than_whatsapp_allows_gets_a_friendly_reply(
    client: FlaskClient, services: Services
) -> None:
    form = message_form(unique_phone(), "tell me " * 3_000)
    response = post_signed(client, form)
    handled(response, twiml=True)
    assert any("too long" in reply for reply in replies(response))
    with services.unit_of_work() as uow:
        stored = uow.connection.execute(  # type: ignore[attr-defined]
            sa.text("SELECT count(*) FROM messages WHERE message_sid = :s"),
            {"s": form["MessageSid"]},
        ).scalar_one()
    assert stored == 0, "an oversized message is answered, not stored"


def test_the_too_long_notice_speaks_the_users_language(client: FlaskClient) -> None:
    user = ChatUser(client)
    user.send("hi")
    user.send("2")  # हिन्दी
    [notice] = user.send("बहुत " * 1_500)
    assert notice == catalog.MESSAGES["hi"]["too_long"]


def test_bodies_over_64_kb_are_refused_with_413(client: FlaskClient) -> None:
    big = b"a" * (64 * 1024 + 1)
    for path in (WHATSAPP, STATUS, RAZORPAY):
        response = post_raw(client, path, big, "application/x-www-form-urlencoded", {})
        assert response.status_code == 413, path
        assert response.get_json()["error"]["code"] == "request_entity_too_large"


def test_inputs_the_fuzzer_once_crashed_on_are_answered(client: FlaskClient) -> None:
    forged = post_raw(client, WHATSAPP, b"", "application/x-www-form-urlencoded",
                      {"X-Twilio-Signature": "\x80"})  # fmt: skip
    assert forged.status_code == 403  # was a 500: compare_digest refuses non-ASCII
    digits = post_signed(client, message_form("+९१९८७६५४३२१०", "hi"))
    assert digits.status_code == 400  # Devanagari digits are not an E.164 number
    user = unique_phone()
    for text in ("hi", "³"):  # "³".isdigit() but int("³") fails: was "something went wrong"
        answer = post_signed(client, message_form(user, text))
        assert answer.status_code == 200 and "went wrong" not in "".join(replies(answer))
    for body in (b"[" * 5000, b'{"event": "x", "n": ' + b"9" * 5000 + b"}"):
        signed = {"X-Razorpay-Signature": sign_webhook(body, RAZORPAY_WEBHOOK_SECRET)}
        assert post_raw(client, RAZORPAY, body, "application/json", signed).status_code == 400
    # An unknown event (no Razorpay event name holds NUL): recorded, cleaned, and answered 200.
    nul = json.dumps({"event": "payment.captured\x00", "created_at": 1}).encode()
    signed = {"X-Razorpay-Signature": sign_webhook(nul, RAZORPAY_WEBHOOK_SECRET)}
    assert post_raw(client, RAZORPAY, nul, "application/json", signed).status_code == 200
