"""A simulated WhatsApp user for scripts/scale_test.py: their phone, and the record it keeps.

Each user talks in order (as on a phone), every message Twilio-signed and sent to one of the
two web instances in turn; some messages are delivered twice at once (to both instances, as
Twilio's retries can be). Every reply is checked for the text the bot must say.
"""

from __future__ import annotations

import random
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from xml.etree import ElementTree

import requests

from infrastructure.twilio.signatures import sign_like_twilio

WEBHOOK = "/webhooks/twilio/whatsapp"
LINK = re.compile(r"/sandbox/pay/(plink_[A-Za-z0-9]+)")
ACCEPTED = re.compile(r"accepted (\d+) of (\d+) webhooks")
NAMES = ("Asha", "Ravi", "Priya", "Arjun", "Kavya", "Meera", "Rohan", "Divya")
DUPLICATE_SHARE = 0.05
# The sandbox page posts its webhooks to the app from inside the request, holding a server
# thread meanwhile; Razorpay's servers hold none of ours, so a few presses at a time is the
# honest model (more would only starve the app's threads of work it never gets in life).
PAYING = threading.BoundedSemaphore(4)
_PHONES = random.SystemRandom().randrange(10**8)  # numbers of this run start here


@dataclass
class Record:
    """What one user did and saw; `problems` lists every broken expectation."""

    phone: str
    kind: str
    sids: list[str] = field(default_factory=list)
    replies: int = 0  # <Message>s received, duplicates' empty answers excluded
    duplicates: int = 0
    paid: int = 0
    failed: int = 0
    webhooks: tuple[int, int] = (0, 0)  # sandbox webhooks accepted with 2xx, sent
    latencies_ms: list[float] = field(default_factory=list)
    pay_ms: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Player:
    """One user's phone: signs, sends, checks; never raises (problems are recorded)."""

    def __init__(
        self, number: int, kind: str, ports: tuple[int, ...], public: str, token: str
    ) -> None:
        self.rng = random.Random(number)
        self.record = Record(f"+9197{(_PHONES + number) % 10**8:08d}", kind)
        self.ports, self.public, self.token, self.turn = ports, public, token, number
        self.session = requests.Session()
        self.name = NAMES[number % len(NAMES)]

    def say(self, text: str, expect: str) -> str:
        """Send one message; the replies joined (checked to contain `expect`)."""
        sid = f"SM{uuid.uuid4().hex}"
        form = {"MessageSid": sid, "From": f"whatsapp:{self.record.phone}", "Body": text}
        form |= {"To": "whatsapp:+14155238886", "NumMedia": "0", "AccountSid": "AC" + "0" * 32}
        headers = {"X-Twilio-Signature": sign_like_twilio(self.token, self.public + WEBHOOK, form)}
        self.record.sids.append(sid)
        self.turn += 1
        if self.rng.random() < DUPLICATE_SHARE:
            answers = self._twice(form, headers)
        else:
            answers = [self._post(self._url(self.turn) + WEBHOOK, form, headers)]
        filled = [a for a in answers if a]
        if len(filled) != 1:
            self.problem(f"{len(filled)} non-empty answers to one MessageSid ({text!r})")
        reply = filled[0] if filled else []
        self.record.replies += len(reply)
        joined = "\n".join(reply)
        if expect not in joined:
            self.problem(f"after {text!r} expected {expect!r}, got {joined[:160]!r}")
        return joined

    def pay(self, reply: str, action: str = "pay") -> str | None:
        """Press Pay (or Fail) with chaos on the sandbox page of the link in `reply`."""
        found = LINK.search(reply)
        if not found:
            self.problem(f"no payment link in {reply[:160]!r}")
            return None
        with PAYING:
            started = time.perf_counter()
            response = self.session.post(
                f"{self._url(self.turn)}/sandbox/pay/{found.group(1)}",
                data={"action": action, "chaos": "1"},
                timeout=60,
            )
            self.record.pay_ms.append((time.perf_counter() - started) * 1000)
        counts = ACCEPTED.search(response.text)
        if response.status_code != 200 or not counts:
            self.problem(f"{action} of {found.group(1)}: {response.status_code}")
        else:
            # A delivery without a 2xx in the sandbox's 5 s is late, not lost: Razorpay would
            # retry it, and the database checks show whether its effect is there (exactly once).
            accepted, sent = self.record.webhooks
            self.record.webhooks = (accepted + int(counts.group(1)), sent + int(counts.group(2)))
        if action == "pay":
            self.record.paid += 1
        else:
            self.record.failed += 1
        return found.group(1)

    def problem(self, text: str) -> None:
        """Note a broken expectation."""
        self.record.problems.append(f"{self.record.kind} user: {text}")

    def _url(self, turn: int) -> str:
        return f"http://127.0.0.1:{self.ports[turn % len(self.ports)]}"

    def _post(self, url: str, form: dict[str, str], headers: dict[str, str]) -> list[str] | None:
        """The reply texts; None (and a problem) for anything but 200 TwiML."""
        started = time.perf_counter()
        try:
            response = requests.post(url, data=form, headers=headers, timeout=60)
        except requests.RequestException as exc:
            self.problem(f"no answer from {url}: {type(exc).__name__}")
            return None
        self.record.latencies_ms.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or "xml" not in response.headers.get("Content-Type", ""):
            self.problem(f"{url} answered {response.status_code}: {response.text[:120]!r}")
            return None
        root = ElementTree.fromstring(response.content)
        return ["".join(m.itertext()) for m in root.iter("Message")]

    def _twice(self, form: dict[str, str], headers: dict[str, str]) -> list[list[str] | None]:
        """The same delivery to both instances at once, as a Twilio retry racing the first."""
        self.record.duplicates += 1
        answers: list[list[str] | None] = [None, None]

        def post(index: int) -> None:
            answers[index] = self._post(self._url(index) + WEBHOOK, form, headers)

        other = threading.Thread(target=post, args=(1,))
        other.start()
        post(0)
        other.join()
        return answers
