"""A minimal local Twilio Messages API for scripts/scale_test.py (threaded http.server).

Accepts `POST /2010-04-01/Accounts/<sid>/Messages.json` with basic auth, answers 201 with a
queued Message resource the official SDK can read, and keeps every accepted message.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class StubMessage:
    """One message the stub accepted."""

    sid: str
    to: str
    body: str
    media_url: str | None


class TwilioStub:
    """Records what the worker sends through the Twilio SDK; thread-safe."""

    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid = account_sid
        self._auth = f"{account_sid}:{auth_token}"
        self._lock = threading.Lock()
        self._messages: list[StubMessage] = []
        self.refused = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """What TWILIO_API_URL should be."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def messages(self) -> list[StubMessage]:
        """Every accepted message so far, in arrival order."""
        with self._lock:
            return list(self._messages)

    def accept(
        self, path: str, authorization: str | None, form: dict[str, list[str]]
    ) -> str | None:
        """Record a create; its new sid, or None when Twilio would refuse it."""
        expected = f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        to, body = _first(form, "To"), _first(form, "Body") or _first(form, "ContentSid")
        with self._lock:
            if not self._authorised(authorization) or path != expected or not to or not body:
                self.refused += 1
                return None
            sid = "SM" + secrets.token_hex(16)
            self._messages.append(StubMessage(sid, to, body, _first(form, "MediaUrl")))
        return sid

    def _authorised(self, header: str | None) -> bool:
        if not header or not header.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
        return secrets.compare_digest(decoded, self._auth)


def _first(form: dict[str, list[str]], name: str) -> str | None:
    values = form.get(name)
    return values[0] if values else None


def _resource(stub: TwilioStub, sid: str, form: dict[str, list[str]]) -> dict[str, Any]:
    """The Message resource Twilio answers a create with (the fields the SDK reads)."""
    return {
        "account_sid": stub.account_sid,
        "sid": sid,
        "status": "queued",
        "to": _first(form, "To"),
        "from": _first(form, "From"),
        "body": _first(form, "Body") or "",
        "num_media": str(len(form.get("MediaUrl", []))),
        "direction": "outbound-api",
        "api_version": "2010-04-01",
        "uri": f"/2010-04-01/Accounts/{stub.account_sid}/Messages/{sid}.json",
    }


def _handler_for(stub: TwilioStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's pooled session expects

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the scale test prints its own summary."""

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
            sid = stub.accept(urlsplit(self.path).path, self.headers.get("Authorization"), form)
            status = 201 if sid else 400
            answer = _resource(stub, sid, form) if sid else {"code": 21602, "status": 400}
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler
