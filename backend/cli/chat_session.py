"""One `boloastro chat` session: messages to the bot, sandbox payments, proactive messages."""

from __future__ import annotations

import html
import re
import time
from typing import Any, Protocol

import requests

from backend.cli.errors import CommandFailed

SANDBOX_LINK = re.compile(r"/sandbox/pay/(plink_[A-Za-z0-9]{14})\b")
COMMANDS = "/pay pays the last payment link, /fail fails it; anything else goes to the bot."
PAY_WAIT_S = 3.0  # a paid link's notification goes through the webhook and the worker
REPLY_WAIT_S = 0.3
PROACTIVE = "bot (notification)> "
_QUIET_S = 0.5  # once something arrived, wait this long for what follows it
_POLL_EVERY_S = 0.1


class Chat(Protocol):
    """What a session needs of the simulator: where the server is, and sending a message."""

    base_url: str
    phone: str
    http: requests.Session

    def send(self, body: str) -> list[str]:
        """Send one message; the replies in order."""
        ...


class ChatSession:
    """One chat: messages to the bot, sandbox payments, proactive messages as they come."""

    def __init__(self, simulator: Chat) -> None:
        self._chat = simulator
        self._link_id: str | None = None
        self._seen = 0  # the newest outbox id already shown
        self._sandbox = True  # until the server says it has none
        while batch := self._delivered():  # what arrived before this chat is old news
            newest = max(int(m["id"]) for m in batch)
            if newest <= self._seen:
                break  # a server that ignores `after` must not keep us here
            self._seen = newest

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
                print(_indent(PROACTIVE, str(message["body"])))
                if message.get("media_url"):
                    print(f"{' ' * len(PROACTIVE)}[attachment] {message['media_url']}")
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


def _page_text(response: requests.Response) -> str:
    """A sandbox page's heading and paragraphs as one line."""
    if response.status_code == 404 and "<h1>" not in response.text:
        return "This server has no payment sandbox (is PAYMENT_GATEWAY=sandbox?)."
    parts = re.findall(r"<(?:h1|p)>(.*?)</(?:h1|p)>", response.text, flags=re.DOTALL)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", part)).strip() for part in parts]
    return " — ".join(t for t in texts if t) or f"HTTP {response.status_code}"


def _indent(prefix: str, text: str) -> str:
    return prefix + text.replace("\n", "\n" + " " * len(prefix))
