"""Signed, expiring tokens for media links (the PDF report Twilio fetches).

The signing key: CONTRACT.md has no setting for it, and adding a secret operators must
manage was not worth it for links that live a week. TWILIO_AUTH_TOKEN is always present
(start-up refuses to run without it) and secret, so the key is derived from it with
HMAC-SHA256 under a fixed purpose label. Deriving (rather than using the token itself) keeps
the two uses apart: nothing signed here can ever pass as a Twilio signature or the reverse,
and changing the label ("… v2") retires every outstanding link at once. Rotating the Twilio
token also invalidates outstanding links, which is acceptable for a 7-day lifetime.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from typing import Any

from itsdangerous import BadData, TimestampSigner, URLSafeTimedSerializer

from backend.domain.report.ports import MediaClaim

PURPOSE = b"boloastro media links v1"
SALT = "media-report"
DEFAULT_LIFETIME = timedelta(days=7)


def derive_key(secret: str) -> bytes:
    """The media-link signing key for a deployment secret."""
    return hmac.new(secret.encode("utf-8"), PURPOSE, hashlib.sha256).digest()


class _ClockSigner(TimestampSigner):
    """A TimestampSigner whose "now" is given, so issuing and expiry follow the caller's clock."""

    def __init__(self, *args: Any, now: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._now = now

    def get_timestamp(self) -> int:
        return self._now


class SignedMediaTokens:
    """MediaTokens with itsdangerous: {"p": profile id, "l": language} plus a signed timestamp."""

    def __init__(self, secret: str, lifetime: timedelta = DEFAULT_LIFETIME) -> None:
        self._key = derive_key(secret)
        self._max_age = int(lifetime.total_seconds())

    def _serializer(self, at: datetime) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(
            self._key,
            salt=SALT,
            signer=_ClockSigner,
            signer_kwargs={"now": int(at.timestamp()), "digest_method": hashlib.sha256},
        )

    def issue(self, profile_id: int, language: str, at: datetime) -> str:
        """A URL-safe token for the profile's report, issued at `at`."""
        return self._serializer(at).dumps({"p": profile_id, "l": language})

    def read(self, token: str, at: datetime) -> MediaClaim | None:
        """The claim, or None when the token is forged, malformed, expired or from the future."""
        try:
            payload, issued = self._serializer(at).loads(
                token, max_age=self._max_age, return_timestamp=True
            )
        except (BadData, ValueError, TypeError):  # BadData covers bad signature and expiry
            return None
        if not isinstance(payload, dict):
            return None
        profile_id, language = payload.get("p"), payload.get("l")
        if type(profile_id) is not int or not isinstance(language, str):
            return None
        return MediaClaim(profile_id, language, issued.astimezone(UTC))
