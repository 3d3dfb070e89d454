"""Signs sandbox webhook bodies like Razorpay and posts them to the app's webhook route."""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable, Sequence
from typing import Any

import requests

from infrastructure.razorpay.signatures import sign_webhook
from infrastructure.sandbox.ids import razorpay_id

log = logging.getLogger(__name__)

# Raw body and headers in, HTTP status out (0: no answer at all).
WebhookPoster = Callable[[bytes, dict[str, str]], int]
Delivery = tuple[bytes, dict[str, str]]
NO_ANSWER = 0


def signed(events: Sequence[dict[str, Any]], secret: str) -> list[Delivery]:
    """Each event as the raw bytes and headers Razorpay would send, with a fresh event id."""
    deliveries: list[Delivery] = []
    for event in events:
        body = json.dumps(event, separators=(",", ":")).encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            "X-Razorpay-Event-Id": razorpay_id("evt"),
            "X-Razorpay-Signature": sign_webhook(body, secret),
        }
        deliveries.append((body, headers))
    return deliveries


def send_events(
    events: Sequence[dict[str, Any]],
    poster: WebhookPoster,
    secret: str,
    *,
    chaos: bool = False,
    rng: random.Random | None = None,
) -> list[int]:
    """Post every event once, in order; with chaos, each twice (same event id) in random order."""
    deliveries = signed(events, secret)
    if chaos:
        # Razorpay may redeliver an event and does not promise order; the app must not care.
        deliveries = deliveries * 2
        (rng or random.Random()).shuffle(deliveries)  # noqa: S311 - test traffic, not crypto
    return [poster(body, headers) for body, headers in deliveries]


def http_poster(url: str, timeout_s: float = 5.0) -> WebhookPoster:
    """A poster sending to url; a failure to connect is logged and reported as NO_ANSWER."""

    def post(body: bytes, headers: dict[str, str]) -> int:
        try:
            response = requests.post(url, data=body, headers=headers, timeout=timeout_s)
        except requests.RequestException as exc:
            log.warning("sandbox webhook to %s got no answer: %s", url, type(exc).__name__)
            return NO_ANSWER
        return response.status_code

    return post
