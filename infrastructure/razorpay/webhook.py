"""A Razorpay webhook delivery: signature over the raw bytes first, then the JSON."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from backend.domain.payments.events import WebhookDelivery
from infrastructure.razorpay.events import parse_event, storable_text
from infrastructure.razorpay.signatures import verify_webhook

MAX_EVENT_ID = 64  # the column's width; Razorpay's ids are ~18 characters


class BadWebhook(ValueError):
    """Signed correctly but not a Razorpay event we can record."""


@dataclass(frozen=True)
class RazorpayWebhooks:
    """Reads deliveries signed with the webhook secret (never the API key secret)."""

    secret: str

    def verified(self, raw_body: bytes, signature: str | None) -> bool:
        """True when the signature is the HMAC of exactly these bytes."""
        return bool(self.secret) and verify_webhook(raw_body, signature, self.secret)

    def read(self, raw_body: bytes, event_id: str | None) -> WebhookDelivery:
        """The delivery to record; raises BadWebhook for a body that is not an event."""
        try:
            payload = json.loads(raw_body)
        # ValueError covers bad UTF-8, bad JSON and integers past Python's 4300-digit limit;
        # RecursionError a body nested thousands deep.
        except (ValueError, RecursionError) as exc:
            raise BadWebhook("body is not JSON") from exc
        name = payload.get("event") if isinstance(payload, dict) else None
        if not isinstance(name, str):
            raise BadWebhook("body is not a Razorpay event")
        digest = hashlib.sha256(raw_body).hexdigest()
        event_id = (event_id or "").strip()
        if not event_id:
            # Razorpay always sends one; without it the body's hash is the only stable key.
            event_id = f"sha256:{digest[:57]}"
        if len(event_id) > MAX_EVENT_ID:
            raise BadWebhook("X-Razorpay-Event-Id is too long")
        return WebhookDelivery(
            event_id=event_id,
            # No Razorpay event's name needs cleaning; one that does is an unknown event,
            # which is recorded and answered 200 like any other.
            event_type=storable_text(name)[:64],
            payload_sha256=digest,
            event=parse_event(payload),
        )
