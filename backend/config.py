"""Settings from the environment (and `.env`), checked once at start-up."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from backend.domain.admin import parse_env_keys

DEV_SECRETS_FILE = Path("var") / "dev-secrets.env"


class ConfigError(Exception):
    """The configuration cannot run; the message is one line naming the setting."""


class Settings(BaseSettings):
    """Exactly the variables of CONTRACT.md, plus SOURCE_URL for the AGPL offer."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    boloastro_env: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite:///var/boloastro.db"
    redis_url: str | None = None
    public_base_url: str = "http://127.0.0.1:8000"
    source_url: str | None = None

    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_whatsapp_from: str = "whatsapp:+14155238886"

    payment_gateway: Literal["razorpay", "sandbox"] = "sandbox"
    razorpay_key_id: str | None = None
    razorpay_key_secret: str | None = None
    razorpay_webhook_secret: str | None = None

    # Not in CONTRACT's table, which is silent on them; defaults are what an operator expects.
    razorpay_api_url: str | None = None  # the SDK's base URL; tests point it at a stub
    twilio_api_url: str | None = None  # Twilio REST base URL; tests point it at a stub
    # Outside WhatsApp's 24 h window only an approved template may be sent.
    twilio_template_content_sid: str | None = None
    payment_link_expire_minutes: int = Field(default=60, ge=16, le=60 * 24 * 7)
    max_payment_retries: int = Field(default=2, ge=0, le=10)

    admin_api_keys: str = ""

    price_kundali_paise: int = Field(default=19900, gt=0)
    price_qna_paise: int = Field(default=9900, gt=0)
    price_milan_paise: int = Field(default=19900, gt=0)
    qna_pack_size: int = Field(default=4, gt=0, le=100)

    # Moving-window limits (shared through REDIS_URL): per WhatsApp number, per admin IP.
    rate_limit_per_minute: int = Field(default=20, gt=0)
    rate_limit_per_hour: int = Field(default=200, gt=0)
    admin_rate_limit_per_minute: int = Field(default=60, gt=0)
    # Several deployments (or test runs) can share one Redis under different prefixes.
    rate_limit_key_prefix: str = Field(default="boloastro-rl", min_length=1, max_length=64)
    # Proxies in front of the app that append to X-Forwarded-For: the client's address is
    # taken that many hops back (admin rate limits are per client IP). 0: no proxy is trusted.
    trusted_proxy_hops: int = Field(default=0, ge=0, le=5)

    @field_validator("public_base_url")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator(
        "redis_url",
        "source_url",
        "twilio_account_sid",
        "twilio_auth_token",
        "razorpay_api_url",
        "twilio_api_url",
        "twilio_template_content_sid",
    )
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("admin_api_keys")
    @classmethod
    def _admin_keys_well_formed(cls, value: str) -> str:
        parse_env_keys(value)  # a malformed entry stops start-up, naming its position
        return value

    @property
    def is_production(self) -> bool:
        """True when the strict production rules apply."""
        return self.boloastro_env == "production"

    @property
    def is_development(self) -> bool:
        """True for the local, no-account mode of `make run`."""
        return self.boloastro_env == "development"


def _check_production(settings: Settings) -> None:
    required = {
        "TWILIO_ACCOUNT_SID": settings.twilio_account_sid,
        "TWILIO_AUTH_TOKEN": settings.twilio_auth_token,
        "TWILIO_WHATSAPP_FROM": settings.twilio_whatsapp_from,
        "REDIS_URL": settings.redis_url,
        "TWILIO_TEMPLATE_CONTENT_SID": settings.twilio_template_content_sid,
    }
    for name, value in required.items():
        if not value:
            raise ConfigError(f"{name} is required in production")
    if settings.payment_gateway == "sandbox":
        raise ConfigError("PAYMENT_GATEWAY=sandbox is not allowed in production; use razorpay")
    if not settings.public_base_url.startswith("https://"):
        raise ConfigError("PUBLIC_BASE_URL must be an https URL in production")


def _check_gateway(settings: Settings) -> None:
    if settings.payment_gateway != "razorpay":
        return
    for name in ("razorpay_key_id", "razorpay_key_secret", "razorpay_webhook_secret"):
        if not getattr(settings, name):
            raise ConfigError(f"{name.upper()} is required when PAYMENT_GATEWAY=razorpay")


def ensure_dev_secrets(path: Path = DEV_SECRETS_FILE) -> Path:
    """Generate development-only secrets once, so nothing secret is ever hard-coded."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            "# Development-only secrets, generated once by boloastro. Never used in production.",
            f"TWILIO_ACCOUNT_SID=AC{secrets.token_hex(16)}",
            f"TWILIO_AUTH_TOKEN={secrets.token_hex(16)}",
            f"RAZORPAY_KEY_ID=rzp_test_{secrets.token_hex(7)}",
            f"RAZORPAY_KEY_SECRET={secrets.token_urlsafe(18)}",
            f"RAZORPAY_WEBHOOK_SECRET={secrets.token_urlsafe(24)}",
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        path.chmod(0o600)
    return path


def load_settings(**overrides: object) -> Settings:
    """Read and check settings; raise ConfigError with one clear line when they cannot run."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
        if settings.is_development:
            # Real environment variables still win over the generated file.
            env_files = (ensure_dev_secrets(), Path(".env"))
            settings = Settings(_env_file=env_files, **overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"]).upper()
        raise ConfigError(f"{name}: {first['msg']}") from None
    if settings.is_production:
        _check_production(settings)
    _check_gateway(settings)
    if not settings.twilio_auth_token:
        raise ConfigError("TWILIO_AUTH_TOKEN is required to check Twilio signatures")
    return settings
