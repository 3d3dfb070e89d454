"""Twilio request signatures, checked and made with the official SDK's RequestValidator."""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any

from twilio.request_validator import RequestValidator


class TwilioSignatureVerifier:
    """Validates `X-Twilio-Signature` exactly as Twilio computes it (fail-closed)."""

    def __init__(self, auth_token: str) -> None:
        if not auth_token:
            raise ValueError("a Twilio auth token is required to check signatures")
        self._validator = RequestValidator(auth_token)

    def is_valid(self, url: str, params: Mapping[str, Any], signature: str) -> bool:
        """True only for a signature Twilio would have sent for this URL and form."""
        # compare_digest refuses non-ASCII str (TypeError); Twilio's base64 never has any.
        if not signature or not signature.isascii():
            return False
        # The SDK's validate() always computes two HMACs (URL with and without port); try the
        # exact URL first and fall back to it only on a mismatch.
        expected = self._validator.compute_signature(url, params)
        if hmac.compare_digest(str(expected), signature):
            return True
        return bool(self._validator.validate(url, params, signature))


def sign_like_twilio(auth_token: str, url: str, params: Mapping[str, str]) -> str:
    """The signature Twilio would send; used by the chat simulator, benchmarks and tests."""
    return str(RequestValidator(auth_token).compute_signature(url, dict(params)))
