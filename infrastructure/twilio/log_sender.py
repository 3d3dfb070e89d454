"""Development WhatsAppSender: writes each message to the log instead of calling Twilio."""

from __future__ import annotations

import logging
import secrets

from backend.domain.phone import phone_hash

log = logging.getLogger(__name__)


class LogSender:
    """Needs no account: logs the phone's hash and what was sent, returns a fake sid."""

    def send_text(self, to_e164: str, body: str, media_url: str | None = None) -> str:
        """Log a free-form message (its body only at DEBUG)."""
        sid = _fake_sid()
        kind = "text+media" if media_url else "text"
        log.info("whatsapp %s to %s: %s", kind, phone_hash(to_e164), sid)
        log.debug("whatsapp %s body: %s %s", sid, body, media_url or "")
        return sid

    def send_template(self, to_e164: str, content_sid: str, variables: dict[str, str]) -> str:
        """Log a template message (its variables only at DEBUG)."""
        sid = _fake_sid()
        log.info("whatsapp template %s to %s: %s", content_sid, phone_hash(to_e164), sid)
        log.debug("whatsapp %s variables: %s", sid, variables)
        return sid


def _fake_sid() -> str:
    return "SMdev" + secrets.token_hex(15)
