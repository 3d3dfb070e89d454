"""`boloastro chat`: a WhatsApp simulator that signs every request exactly as Twilio does.

It also plays the user's phone and browser in development: it shows proactive messages the
dev sender delivered, and `/pay` or `/fail` answers the last sandbox payment link seen.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import requests

from backend.cli.errors import CommandFailed, UsageFailure
from backend.config import Settings, load_settings
from backend.domain.phone import InvalidPhoneNumber, parse_e164
from infrastructure.twilio.signatures import sign_like_twilio

WEBHOOK_PATH = "/webhooks/twilio/whatsapp"
DEFAULT_PHONE = "+919800000001"
SANDBOX_LINK = re.compile(r"/sandbox/pay/(plink_[A-Za-z0-9]{14})\b")
COMMANDS = "/pay pays the last payment link, /fail fails it; anything else goes to the bot."
PAY_WAIT_S = 3.0  # a paid link's notification goes through the webhook and the worker
REPLY_WAIT_S = 0.3
_QUIET_S = 0.5  # once something arrived, wait this long for what follows it
_POLL_EVERY_S = 0.1


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


class ChatSession:
    """One chat: messages to the bot, sandbox payments, proactive messages as they come."""

    def __init__(self, simulator: WhatsAppSimulator) -> None:
        self._chat = simulator
        self._link_id: str | None = None
        self._seen = 0  # the newest outbox id already shown
        self._sandbox = True  # until the server says it has none
        while batch := self._delivered():  # what arrived before this chat is old news
            self._seen = max(int(m["id"]) for m in batch)

    def handle(self, line: str) -> None:
        """Run one line: a /command, or a message to the bot."""
        if line.startswith("/"):
            self._command(line.split()[0].lower())
            return
        for reply in self._chat.send(line):
            self._remember(reply)
            print(_indent("bot> ", reply))
        self._show_proactive(REPLY_WAIT_S)

    def _command(self, command: str) -> None:
        """/pay or /fail on the last sandbox link; anything else gets the list of commands."""
        if command not in ("/pay", "/fail"):
            print(f"Unknown command {command}. {COMMANDS}")
            return
        if self._link_id is None:
            print("sandbox> No payment link yet: ask the bot for one, then /pay or /fail.")
            return
        url = f"{self._chat.base_url}/sandbox/pay/{self._link_id}"
        try:
            response = self._chat.http.post(url, data={"action": command[1:]}, timeout=30)
        except requests.RequestException as exc:
            raise CommandFailed(f"cannot reach {url}: {type(exc).__name__}") from None
        print(f"sandbox> {_page_text(response)}")
        self._show_proactive(PAY_WAIT_S)

    def _show_proactive(self, wait_s: float) -> None:
        """Print proactive messages that arrive within wait_s (or shortly after the first)."""
        deadline = time.monotonic() + wait_s
        while self._sandbox:
            for message in self._delivered():
                self._seen = max(self._seen, int(message["id"]))
                self._remember(str(message["body"]))
                print(_indent("bot (notification)> ", str(message["body"])))
                if message.get("media_url"):
                    print(f"     [attachment] {message['media_url']}")
                deadline = min(deadline, time.monotonic() + _QUIET_S)
            if time.monotonic() >= deadline:
                return
            time.sleep(_POLL_EVERY_S)

    def _delivered(self) -> list[dict[str, Any]]:
        """Messages delivered to this phone since the last one shown (none without a sandbox)."""
        if not self._sandbox:
            return []
        url = f"{self._chat.base_url}/sandbox/messages/{self._chat.phone}"
        try:
            response = self._chat.http.get(url, params={"after": self._seen}, timeout=10)
            messages = response.json().get("messages") if response.status_code == 200 else None
        except (requests.RequestException, ValueError, AttributeError):
            return []  # a hiccup: the next poll tries again
        if response.status_code == 404:
            self._sandbox = False  # production, or a real gateway: nothing to show, ever
        if not isinstance(messages, list):
            return []
        return [m for m in messages if isinstance(m, dict) and isinstance(m.get("id"), int)]

    def _remember(self, text: str) -> None:
        """Keep the newest sandbox payment link mentioned in text."""
        for match in SANDBOX_LINK.finditer(text):
            self._link_id = match.group(1)


def parse_twiml(xml: str) -> list[str]:
    """The text of each <Message> in a TwiML response."""
    root = ElementTree.fromstring(xml)  # noqa: S314 - our own server's reply
    return ["".join(m.itertext()).strip() for m in root.iter("Message")]


def _page_text(response: requests.Response) -> str:
    """A sandbox page's heading and paragraphs as one line."""
    if response.status_code == 404 and "<h1>" not in response.text:
        return "This server has no payment sandbox (is PAYMENT_GATEWAY=sandbox?)."
    parts = re.findall(r"<(?:h1|p)>(.*?)</(?:h1|p)>", response.text, flags=re.DOTALL)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", part)).strip() for part in parts]
    return " — ".join(t for t in texts if t) or f"HTTP {response.status_code}"


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


def _indent(prefix: str, text: str) -> str:
    return prefix + text.replace("\n", "\n" + " " * len(prefix))
