"""Port: sending proactive WhatsApp messages through a provider, and how sending fails."""

from __future__ import annotations

from typing import Protocol

# How far a sent message has got, by the provider's status (Twilio's names). Status callbacks
# may arrive out of order, so a status is kept only when it is at least as far as the one
# stored; one not listed ranks with "queued" and never hides a known later one.
DELIVERY_PROGRESS: dict[str, int] = {
    "accepted": 0,
    "scheduled": 0,
    "queued": 0,
    "sending": 1,
    "sent": 2,
    "delivered": 3,
    "undelivered": 3,
    "failed": 3,
    "read": 4,
}
UNKNOWN_PROGRESS = 0


class DeliveryError(Exception):
    """The provider did not take the message; `permanent` means retrying cannot help."""

    def __init__(self, message: str, *, permanent: bool, code: str | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.code = code  # the provider's error code (Twilio's, e.g. "21211"), when it gave one


class WhatsAppSender(Protocol):
    """Hands one WhatsApp message to the provider and returns the provider's message id."""

    def send_text(self, to_e164: str, body: str, media_url: str | None = None) -> str:
        """Free-form text (with optional media); only allowed in the 24 h window."""
        ...

    def send_template(self, to_e164: str, content_sid: str, variables: dict[str, str]) -> str:
        """An approved template with its variables; allowed at any time."""
        ...
