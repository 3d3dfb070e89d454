"""Phone numbers in E.164, and the short hash we log instead of them."""

from __future__ import annotations

import hashlib
import re

# ASCII: \d would also accept Devanagari and other Unicode digits.
_E164 = re.compile(r"\A\+[1-9]\d{6,14}\Z", re.ASCII)


class InvalidPhoneNumber(ValueError):
    """The text is not an E.164 phone number."""


def parse_e164(text: str) -> str:
    """Return the E.164 number in text (a bare number or `whatsapp:+…`), or raise."""
    candidate = text.strip()
    if candidate.lower().startswith("whatsapp:"):
        candidate = candidate[len("whatsapp:") :].strip()
    if not _E164.match(candidate):
        raise InvalidPhoneNumber("not an E.164 phone number")
    return candidate


def phone_hash(phone: str) -> str:
    """A short, stable, non-reversible tag for logs: never log the number itself."""
    return hashlib.sha256(phone.encode()).hexdigest()[:12]
