"""Settings: production refuses to start without its secrets; development makes its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.cli.main import main
from backend.config import ConfigError, load_settings

PRODUCTION = {
    "BOLOASTRO_ENV": "production",
    "DATABASE_URL": "postgresql+psycopg://app@db/boloastro",
    "REDIS_URL": "redis://cache:6379/0",
    "PUBLIC_BASE_URL": "https://bot.example.in",
    "TWILIO_ACCOUNT_SID": "AC" + "2" * 32,
    "TWILIO_AUTH_TOKEN": "prod-token-from-the-vault",
    "TWILIO_WHATSAPP_FROM": "whatsapp:+14155238886",
    "PAYMENT_GATEWAY": "razorpay",
    "RAZORPAY_KEY_ID": "rzp_live_x",
    "RAZORPAY_KEY_SECRET": "key-secret-from-the-vault",
    "RAZORPAY_WEBHOOK_SECRET": "webhook-secret-from-the-vault",
    "TWILIO_TEMPLATE_CONTENT_SID": "HX" + "3" * 32,
}


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No BoloAstro variables from the outside, and a scratch working directory."""
    for name in [*PRODUCTION, "SOURCE_URL", "ADMIN_API_KEYS"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def production(monkeypatch: pytest.MonkeyPatch, **changes: str | None) -> None:
    for name, value in {**PRODUCTION, **changes}.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


def test_a_complete_production_configuration_loads(clean_env: pytest.MonkeyPatch) -> None:
    production(clean_env)
    settings = load_settings()
    assert settings.is_production and settings.payment_gateway == "razorpay"
    assert not Path("var/dev-secrets.env").exists(), "production never writes dev secrets"


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"TWILIO_AUTH_TOKEN": None}, "TWILIO_AUTH_TOKEN"),
        ({"TWILIO_ACCOUNT_SID": None}, "TWILIO_ACCOUNT_SID"),
        ({"REDIS_URL": None}, "REDIS_URL"),
        ({"RAZORPAY_WEBHOOK_SECRET": None}, "RAZORPAY_WEBHOOK_SECRET"),
        ({"RAZORPAY_KEY_SECRET": None}, "RAZORPAY_KEY_SECRET"),
        ({"PUBLIC_BASE_URL": "http://bot.example.in"}, "PUBLIC_BASE_URL"),
        ({"PAYMENT_GATEWAY": "sandbox"}, "PAYMENT_GATEWAY"),
        ({"PAYMENT_GATEWAY": "paypal"}, "PAYMENT_GATEWAY"),
        ({"PRICE_KUNDALI_PAISE": "-5"}, "PRICE_KUNDALI_PAISE"),
    ],
)
def test_production_refuses_to_start_naming_the_setting(
    clean_env: pytest.MonkeyPatch, changes: dict[str, str | None], named: str
) -> None:
    production(clean_env, **changes)
    with pytest.raises(ConfigError, match=named):
        load_settings()


def test_the_command_line_refuses_with_one_line_and_a_non_zero_exit(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    production(clean_env, TWILIO_AUTH_TOKEN=None)
    assert main(["migrate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "TWILIO_AUTH_TOKEN" in err


def test_development_generates_its_secrets_once(clean_env: pytest.MonkeyPatch) -> None:
    first = load_settings()
    secrets_file = Path("var/dev-secrets.env")
    assert secrets_file.stat().st_mode & 0o777 == 0o600
    second = load_settings()
    assert first.twilio_auth_token and first.twilio_auth_token == second.twilio_auth_token
    assert first.razorpay_webhook_secret == second.razorpay_webhook_secret
    clean_env.setenv("TWILIO_AUTH_TOKEN", "from-the-environment")
    assert load_settings().twilio_auth_token == "from-the-environment"


def test_secrets_differ_between_machines(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    first = load_settings().twilio_auth_token
    other = tmp_path / "other"
    other.mkdir()
    clean_env.chdir(other)
    assert load_settings().twilio_auth_token != first
