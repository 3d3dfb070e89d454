"""A local Twilio Messages API (threaded http.server) for tests, with a pytest fixture."""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.fakes.stub_server import LocalServer
from tests.support import TEST_AUTH_TOKEN

ACCOUNT_SID = "AC" + "1" * 32  # the credentials tests.support.make_settings configures
AUTH_TOKEN = TEST_AUTH_TOKEN
_MESSAGES = re.compile(r"^/2010-04-01/Accounts/(?P<sid>[^/]+)/Messages\.json$")
_WHATSAPP = re.compile(r"^whatsapp:\+[1-9]\d{6,14}$")


@dataclass(frozen=True)
class StubRequest:
    """One request as the stub received it."""

    method: str
    path: str
    form: dict[str, list[str]]
    authorization: str | None

    def field(self, name: str) -> str | None:
        """The first value of a form field."""
        values = self.form.get(name)
        return values[0] if values else None


def twilio_error(status: int, code: int, message: str) -> dict[str, Any]:
    """Twilio's JSON error body."""
    more = f"https://www.twilio.com/docs/errors/{code}"
    return {"code": code, "message": message, "more_info": more, "status": status}


class TwilioStub(LocalServer):
    """Creates messages behind Twilio's URL, basic auth and errors; can fail or stall."""

    def __init__(self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.requests: list[StubRequest] = []
        self.messages: list[dict[str, Any]] = []  # every message accepted, in order
        self._changed = threading.Condition()
        self._failures: list[tuple[str | None, int, bytes]] = []
        self._stall_s = 0.0
        super().__init__(_handler_for(self))

    def fail_next(
        self,
        status: int,
        body: dict[str, Any] | bytes | None = None,
        times: int = 1,
        to: str | None = None,
    ) -> None:
        """Fail the next `times` creates (only those to `to`, if given) with status and body."""
        data = body if isinstance(body, bytes) else json.dumps(body or {}).encode()
        recipient = f"whatsapp:{to}" if to else None
        with self._changed:
            self._failures.extend([(recipient, status, data)] * times)

    def stall(self, seconds: float) -> None:
        """From now on accept each message, then wait up to `seconds` before answering."""
        with self._changed:
            self._stall_s = seconds
            self._released.clear()

    def release(self) -> None:
        """Stop stalling and answer the stalled requests now."""
        with self._changed:
            self._stall_s = 0.0
            self._released.set()

    def wait_for_messages(self, count: int, timeout_s: float = 30.0) -> bool:
        """Block until at least `count` messages were accepted (False after the timeout)."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.messages) >= count, timeout_s)

    def sent_to(self, phone: str) -> list[dict[str, Any]]:
        """Accepted messages for this E.164 number, in order."""
        with self._changed:
            return [m for m in self.messages if m["to"] == f"whatsapp:{phone}"]

    def authorised(self, header: str | None) -> bool:
        """Basic auth with the account sid and auth token."""
        if not header or not header.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
        return secrets.compare_digest(decoded, f"{self.account_sid}:{self.auth_token}")

    def record(self, request: StubRequest) -> tuple[int, bytes, float]:
        """Handle one request: status, JSON body and how long to stall before answering."""
        with self._changed:
            self.requests.append(request)
            if not self.authorised(request.authorization):
                return _json(401, twilio_error(401, 20003, "Authentication Error"))
            match = _MESSAGES.match(request.path)
            if request.method != "POST" or not match or match["sid"] != self.account_sid:
                return _json(404, twilio_error(404, 20404, "The requested resource was not found"))
            failure = self._take_failure(request.field("To"))
            if failure is not None:
                return (*failure, 0.0)
            status, answer = _create(request, self.account_sid)
            if status == 201:
                self.messages.append(answer)
                self._changed.notify_all()
            return status, json.dumps(answer).encode(), self._stall_s if status == 201 else 0.0

    def _take_failure(self, to: str | None) -> tuple[int, bytes] | None:
        for index, (recipient, status, data) in enumerate(self._failures):
            if recipient in (None, to):
                del self._failures[index]
                return status, data
        return None


def _json(status: int, body: dict[str, Any]) -> tuple[int, bytes, float]:
    return status, json.dumps(body).encode(), 0.0


def _create(request: StubRequest, account_sid: str) -> tuple[int, dict[str, Any]]:
    """A queued Message resource as Twilio answers a create, or its validation error."""
    to, from_ = request.field("To") or "", request.field("From") or ""
    if not _WHATSAPP.match(to):
        return 400, twilio_error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
    if not _WHATSAPP.match(from_):
        return 400, twilio_error(400, 21212, f"The 'From' number {from_} is not valid.")
    if not (request.field("Body") or request.field("ContentSid") or request.field("MediaUrl")):
        return 400, twilio_error(400, 21602, "Message body is required.")
    sid = "SM" + secrets.token_hex(16)
    now = formatdate(usegmt=True)
    uri = f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}.json"
    return 201, {
        "account_sid": account_sid,
        "api_version": "2010-04-01",
        "body": request.field("Body") or "",
        "content_sid": request.field("ContentSid"),
        "content_variables": request.field("ContentVariables"),
        "media_url": request.form.get("MediaUrl", []),
        "date_created": now,
        "date_sent": None,
        "date_updated": now,
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": from_,
        "messaging_service_sid": None,
        "num_media": str(len(request.form.get("MediaUrl", []))),
        "num_segments": "1",
        "price": None,
        "price_unit": None,
        "sid": sid,
        "status": "queued",
        "subresource_uris": {"media": uri.replace(".json", "/Media.json")},
        "to": to,
        "uri": uri,
    }


def _handler_for(stub: TwilioStub) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to this stub."""

    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0 (the default): one request per connection, so no keep-alive thread lingers.

        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

        def do_GET(self) -> None:
            self._dispatch("GET")

        def do_POST(self) -> None:
            self._dispatch("POST")

        def _dispatch(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            request = StubRequest(
                method=method,
                path=urlsplit(self.path).path,
                form=parse_qs(raw, keep_blank_values=True),
                authorization=self.headers.get("Authorization"),
            )
            status, data, stall = stub.record(request)
            if stall:
                stub._released.wait(stall)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout or a killed worker); nothing to tell it

    return Handler


@pytest.fixture
def twilio_stub() -> Iterator[TwilioStub]:
    """A running stub, stopped (threads joined, socket closed) after the test."""
    stub = TwilioStub()
    stub.start()
    try:
        yield stub
    finally:
        stub.stop()
