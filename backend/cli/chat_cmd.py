"""`boloastro chat`: a WhatsApp simulator that signs every request exactly as Twilio does.

It also plays the user's phone and browser in development: it shows proactive messages the
dev sender delivered, and `/pay` or `/fail` answers the last sandbox payment link seen.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

import requests

from backend.cli.chat_session import COMMANDS, ChatSession
from backend.cli.errors import CommandFailed, UsageFailure
from backend.config import Settings, load_settings
from backend.domain.phone import InvalidPhoneNumber, parse_e164
from infrastructure.twilio.signatures import sign_like_twilio

WEBHOOK_PATH = "/webhooks/twilio/whatsapp"
DEFAULT_PHONE = "+919800000001"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `chat`."""
    parser = subparsers.add_parser("chat", help="talk to the running server as a WhatsApp user")
    parser.add_argument("--url", help="server to talk to (default: PUBLIC_BASE_URL)")
    parser.add_argument("--phone", default=DEFAULT_PHONE, help="your WhatsApp number, E.164")
    parser.add_argument("--script", type=Path, help="file with one message a line; then exit")
    parser.set_defaults(handler=run)


class WhatsAppSimulator:
    """Posts messages to the webhook the way Twilio would and returns the bot's replies."""

    def __init__(self, settings: Settings, phone: str, url: str | None = None) -> None:
        assert settings.twilio_auth_token
        self._token = settings.twilio_auth_token
        self._signed_url = f"{settings.public_base_url}{WEBHOOK_PATH}"
        self.base_url = (url or settings.public_base_url).rstrip("/")
        self._post_url = f"{self.base_url}{WEBHOOK_PATH}"
        self._account = settings.twilio_account_sid or "AC" + "0" * 32
        self._to = settings.twilio_whatsapp_from
        self.phone = phone
        self.http = requests.Session()

    def send(self, body: str) -> list[str]:
        """Send one message; the replies in order."""
        params = {
            "AccountSid": self._account,
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "From": f"whatsapp:{self.phone}",
            "To": self._to,
            "Body": body,
            "NumMedia": "0",
            "WaId": self.phone.lstrip("+"),
        }
        # Twilio signs the public URL it was configured with, whatever route the bytes take.
        headers = {"X-Twilio-Signature": sign_like_twilio(self._token, self._signed_url, params)}
        try:
            response = self.http.post(self._post_url, data=params, headers=headers, timeout=30)
        except requests.RequestException as exc:
            raise CommandFailed(f"cannot reach {self._post_url}: {type(exc).__name__}") from None
        if response.status_code != 200:
            raise CommandFailed(f"server answered {response.status_code} for {self._post_url}")
        return parse_twiml(response.text)


def parse_twiml(xml: str) -> list[str]:
    """The text of each <Message> in a TwiML response."""
    root = ElementTree.fromstring(xml)  # noqa: S314 - our own server's reply
    return ["".join(m.itertext()).strip() for m in root.iter("Message")]


def _lines(script: Path | None) -> Iterable[str]:
    if script is not None:
        for line in script.read_text(encoding="utf-8").splitlines():
            if line.strip():
                print(f"\nyou> {line.strip()}")
                yield line.strip()
        return
    print(f"Chatting as a WhatsApp user. {COMMANDS} Ctrl-D to quit.")
    while True:
        try:
            line = input("\nyou> ")
        except EOFError:
            print()
            return
        if line.strip():
            yield line.strip()


def run(args: argparse.Namespace) -> int:
    """Chat interactively, or play a script and exit."""
    try:
        phone = parse_e164(args.phone)
    except InvalidPhoneNumber:
        raise UsageFailure(f"--phone must be E.164, like {DEFAULT_PHONE}") from None
    if args.script is not None and not args.script.is_file():
        raise UsageFailure(f"no such script file: {args.script}")
    session = ChatSession(WhatsAppSimulator(load_settings(), phone, args.url))
    for line in _lines(args.script):
        session.handle(line)
    sys.stdout.flush()
    return 0
