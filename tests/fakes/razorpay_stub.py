"""A local Razorpay payment-links API (threaded http.server) for tests, with a pytest fixture."""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.fakes.stub_server import LocalServer

KEY_ID = "rzp_test_stubkey"
KEY_SECRET = "stub-key-secret-do-not-log"
_PREFIX = "/v1/payment_links"


class RazorpayStub(LocalServer):
    """In-memory payment links behind Razorpay's URLs, errors and basic auth."""

    def __init__(self, key_id: str = KEY_ID, key_secret: str = KEY_SECRET) -> None:
        self.key_id = key_id
        self.key_secret = key_secret
        self.links: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, str]] = []  # (method, path with query), for assertions
        self._lock = threading.Lock()
        self._stall_s = 0.0
        self._failure: tuple[int, bytes] | None = None
        self._create_failure: tuple[int, bytes] | None = None
        super().__init__(_handler_for(self))

    def stall_next_create(self, seconds: float) -> None:
        """Make the next create store its link, then wait `seconds` before answering."""
        with self._lock:
            self._stall_s = seconds

    def fail_next(self, status: int, body: dict[str, Any] | bytes) -> None:
        """Answer the next request with this status and body instead of handling it."""
        with self._lock:
            self._failure = (status, body if isinstance(body, bytes) else json.dumps(body).encode())

    def fail_next_create(self, status: int, body: dict[str, Any]) -> None:
        """Answer the next create (only) with this status and body, storing no link."""
        with self._lock:
            self._create_failure = (status, json.dumps(body).encode())

    def take_failure(self, creating: bool) -> tuple[int, bytes] | None:
        """The planned failure for this request, if any, used once."""
        with self._lock:
            if creating and self._create_failure is not None:
                planned, self._create_failure = self._create_failure, None
                return planned
            failure, self._failure = self._failure, None
            return failure

    def links_for(self, reference_id: str) -> list[dict[str, Any]]:
        """Stored links carrying this reference."""
        with self._lock:
            return [x for x in self.links.values() if x["reference_id"] == reference_id]

    def set_status(self, link_id: str, status: str) -> None:
        """Move a link to another state, as Razorpay would on payment or expiry."""
        with self._lock:
            self.links[link_id]["status"] = status

    def authorised(self, header: str | None) -> bool:
        """Basic auth with the stub's key id and secret."""
        if not header or not header.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
        return secrets.compare_digest(decoded, f"{self.key_id}:{self.key_secret}")

    def create(self, body: dict[str, Any]) -> tuple[int, dict[str, Any], float]:
        """Store a new link; returns status, JSON and how long to stall before answering."""
        for field in ("amount", "currency", "reference_id"):
            if field not in body:
                return 400, bad_request(f"{field}: is required."), 0.0
        with self._lock:
            if any(x["reference_id"] == body["reference_id"] for x in self.links.values()):
                message = f"Payment Link with reference id {body['reference_id']} already exists"
                return 400, bad_request(message), 0.0
            link = _new_link(body)
            self.links[link["id"]] = link
            stall, self._stall_s = self._stall_s, 0.0
            return 200, dict(link), stall

    def fetch(self, link_id: str) -> tuple[int, dict[str, Any]]:
        """One link or Razorpay's not-found error."""
        with self._lock:
            link = self.links.get(link_id)
            return (
                (200, dict(link)) if link else (400, bad_request("The id provided does not exist"))
            )

    def list(self, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        """All links, newest first, filtered by reference_id when given."""
        with self._lock:
            found = sorted(self.links.values(), key=lambda x: x["created_at"], reverse=True)
        if "reference_id" in query:
            found = [x for x in found if x["reference_id"] == query["reference_id"][0]]
        return 200, {"payment_links": [dict(x) for x in found]}

    def cancel(self, link_id: str) -> tuple[int, dict[str, Any]]:
        """Cancel an unpaid link."""
        with self._lock:
            link = self.links.get(link_id)
            if link is None:
                return 400, bad_request("The id provided does not exist")
            if link["status"] != "created":
                return 400, bad_request(
                    f"Payment Link cannot be cancelled in {link['status']} state"
                )
            link["status"] = "cancelled"
            link["cancelled_at"] = int(time.time())
            return 200, dict(link)

    def wait(self, seconds: float) -> None:
        """Stall a handler thread; stop() releases it early."""
        self._released.wait(seconds)


def _new_link(body: dict[str, Any]) -> dict[str, Any]:
    """A payment_link entity as Razorpay returns it from create."""
    link_id = "plink_" + secrets.token_hex(7)
    now = int(time.time())
    return {
        "accept_partial": body.get("accept_partial", False),
        "amount": body["amount"],
        "amount_paid": 0,
        "callback_method": body.get("callback_method", ""),
        "callback_url": body.get("callback_url", ""),
        "cancelled_at": 0,
        "created_at": now,
        "currency": body["currency"],
        "customer": body.get("customer") or [],
        "description": body.get("description", ""),
        "expire_by": body.get("expire_by", 0),
        "expired_at": 0,
        "first_min_partial_amount": 0,
        "id": link_id,
        "notes": body.get("notes") or [],
        "notify": body.get("notify", {"sms": True, "email": True}),
        "payments": None,
        "reference_id": body["reference_id"],
        "reminder_enable": body.get("reminder_enable", True),
        "reminders": [],
        "short_url": f"https://rzp.io/i/{link_id[6:]}",
        "status": "created",
        "updated_at": now,
        "upi_link": False,
        "user_id": "",
    }


def server_error(description: str = "The server encountered an error.") -> dict[str, Any]:
    """Razorpay's 5xx envelope."""
    body = bad_request(description)
    body["error"]["code"] = "SERVER_ERROR"
    return body


def bad_request(description: str) -> dict[str, Any]:
    """Razorpay's error envelope."""
    return {
        "error": {
            "code": "BAD_REQUEST_ERROR",
            "description": description,
            "source": "business",
            "step": "payment_initiation",
            "reason": "input_validation_failed",
            "metadata": {},
        }
    }


def _handler_for(stub: RazorpayStub) -> type[BaseHTTPRequestHandler]:
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
            raw = self.rfile.read(length) if length else b""
            url = urlsplit(self.path)
            with stub._lock:
                stub.requests.append((method, self.path))
            if not stub.authorised(self.headers.get("Authorization")):
                self._send(401, bad_request("Authentication failed"))
                return
            parts = url.path.rstrip("/").split("/")[3:] if url.path.startswith(_PREFIX) else None
            failure = stub.take_failure(creating=method == "POST" and parts == [])
            if failure is not None:
                self._send_raw(*failure)
                return
            if parts is None:
                self._send(404, bad_request("The requested URL was not found on the server."))
            elif method == "POST" and parts == []:
                self._create(raw)
            elif method == "GET" and parts == []:
                self._send(*stub.list(parse_qs(url.query)))
            elif method == "GET" and len(parts) == 1:
                self._send(*stub.fetch(parts[0]))
            elif method == "POST" and len(parts) == 2 and parts[1] == "cancel":
                self._send(*stub.cancel(parts[0]))
            else:
                self._send(404, bad_request("The requested URL was not found on the server."))

        def _create(self, raw: bytes) -> None:
            try:
                body = json.loads(raw)
            except ValueError:
                self._send(400, bad_request("The request body is not valid JSON"))
                return
            status, answer, stall = stub.create(body if isinstance(body, dict) else {})
            if stall:
                stub.wait(stall)
            self._send(status, answer)

        def _send(self, status: int, body: dict[str, Any]) -> None:
            self._send_raw(status, json.dumps(body).encode())

        def _send_raw(self, status: int, data: bytes) -> None:
            try:
                self.send_response(status)
                is_json = data.startswith(b"{")
                self.send_header("Content-Type", "application/json" if is_json else "text/html")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test); nothing left to tell it

    return Handler


@pytest.fixture
def razorpay_stub() -> Iterator[RazorpayStub]:
    """A running stub, stopped (threads joined, socket closed) after the test."""
    stub = RazorpayStub()
    stub.start()
    try:
        yield stub
    finally:
        stub.stop()
