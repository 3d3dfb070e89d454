"""Constants and settings shared by the tests (kept out of conftest so they import once)."""

from __future__ import annotations

import uuid

from backend.config import Settings

TEST_AUTH_TOKEN = "test-twilio-auth-token-" + uuid.uuid4().hex[:8]
PUBLIC_BASE_URL = "https://bot.boloastro.test"
RAZORPAY_WEBHOOK_SECRET = "test-razorpay-webhook-secret-" + uuid.uuid4().hex[:8]


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Test settings: explicit values, nothing read from a developer's .env."""
    values: dict[str, object] = {
        "boloastro_env": "test",
        "database_url": database_url,
        "public_base_url": PUBLIC_BASE_URL,
        "twilio_auth_token": TEST_AUTH_TOKEN,
        "twilio_account_sid": "AC" + "1" * 32,
        "source_url": "https://example.org/boloastro.git",
        "razorpay_webhook_secret": RAZORPAY_WEBHOOK_SECRET,
        # A test user types faster than a person; rate-limit tests set their own limits.
        "rate_limit_per_minute": 1000,
        "rate_limit_per_hour": 10_000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]
