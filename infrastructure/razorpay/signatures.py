"""Razorpay webhook signatures: hex HMAC-SHA256 of the raw request body."""

from __future__ import annotations

import hashlib
import hmac
import string

_HEX = frozenset(string.hexdigits)
_SHA256_HEX_LEN = 64


def sign_webhook(raw_body: bytes, secret: str) -> str:
    """The `X-Razorpay-Signature` Razorpay would send for these exact bytes."""
    return hmac.new(secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()


def verify_webhook(raw_body: bytes, signature: str | None, secret: str) -> bool:
    """True only when `signature` is the webhook secret's HMAC of the raw bytes; never raises."""
    if not secret or not isinstance(signature, str) or not isinstance(raw_body, bytes):
        return False
    candidate = signature.strip().lower()
    # Reject junk before comparing: compare_digest needs ASCII, and a wrong length can't match.
    if len(candidate) != _SHA256_HEX_LEN or not set(candidate) <= _HEX:
        return False
    return hmac.compare_digest(sign_webhook(raw_body, secret), candidate)
