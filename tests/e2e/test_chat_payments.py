"""`boloastro chat` against a live server: /pay and /fail on sandbox links, proactive messages."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from backend.api.app import create_app
from backend.bootstrap import Services, bootstrap
from backend.cli import chat_session
from backend.cli.chat_cmd import WhatsAppSimulator
from backend.cli.chat_session import ChatSession
from backend.cli.main import main
from backend.config import load_settings
from backend.domain.payments.gateway import IssuedLink, LinkRequest, LinkStatus
from infrastructure.db.models import UserRow
from infrastructure.db.payment_models import OutboxRow
from tests.e2e.test_cli import free_port
from tests.support import TEST_AUTH_TOKEN, make_settings
from tests.whatsapp import unique_phone


@pytest.fixture
def live(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """The app on a real socket with a capturing webhook poster, and the chat's environment."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    services = bootstrap(make_settings(sqlite_url, public_base_url=base))
    # The webhook route is tested on its own; here only the chat's side matters.
    services.sandbox_webhook_poster = lambda body, headers: 200
    server = make_server("127.0.0.1", port, create_app(services), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for name, value in {
        "BOLOASTRO_ENV": "test",
        "PUBLIC_BASE_URL": base,
        "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN,
        "DATABASE_URL": sqlite_url,
    }.items():
        monkeypatch.setenv(name, value)
    # No worker runs here, so nothing more will arrive: don't wait the interactive 3 s.
    monkeypatch.setattr(chat_session, "PAY_WAIT_S", 0.2)
    yield services
    server.shutdown()
    services.close()


def make_link(services: Services) -> IssuedLink:
    return services.payment_gateway.create_link(
        LinkRequest(
            reference_id=f"chat-{uuid.uuid4().hex[:12]}",
            amount_paise=19900,
            currency="INR",
            description="Kundali report",
            customer_phone="+919876543210",
            customer_name=None,
            expire_by=datetime.now(UTC) + timedelta(minutes=30),
            callback_url="https://example.org/thanks",
            notes={"order_id": "7"},
        )
    )


def deliver(database_url: str, phone: str, body: str) -> None:
    """What the dev WhatsApp sender leaves behind: a sent outbox row for the user."""
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        user_id = conn.execute(sa.select(UserRow.id).where(UserRow.phone == phone)).scalar()
        if user_id is None:
            user_id = conn.execute(
                sa.insert(UserRow).values(phone=phone).returning(UserRow.id)
            ).scalar_one()
        conn.execute(
            sa.insert(OutboxRow).values(
                user_id=user_id,
                kind="retry",
                dedupe_key=f"test:{uuid.uuid4().hex}",
                body=body,
                status="sent",
                sent_at=datetime.now(UTC),
            )
        )
    engine.dispose()


def test_pay_without_a_link_and_unknown_commands_get_one_friendly_line(
    live: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "chat.txt"
    script.write_text("/pay\n/refund\n", encoding="utf-8")

    assert main(["chat", "--script", str(script), "--phone", unique_phone()]) == 0

    out = capsys.readouterr().out
    assert "sandbox> No payment link yet: ask the bot for one, then /pay or /fail." in out
    assert "Unknown command /refund. /pay pays the last payment link" in out


def test_proactive_link_then_pay_and_pay_again(
    live: Services, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    phone = unique_phone()
    deliver(sqlite_url, phone, "an old message from before this chat")
    session = ChatSession(WhatsAppSimulator(load_settings(), phone))
    link = make_link(live)
    deliver(sqlite_url, phone, f"Your link expired. Here is a fresh one: {link.url}")

    session.handle("hi")
    session.handle("/pay")
    session.handle("/pay")

    out = capsys.readouterr().out
    assert "bot> " in out
    assert f"bot (notification)> Your link expired. Here is a fresh one: {link.url}" in out
    assert "an old message" not in out
    assert "sandbox> Paid — check WhatsApp — You paid ₹199." in out
    assert "sandbox> Link paid — This payment link is paid; nothing was charged." in out
    assert live.payment_gateway.fetch_link(link.link_id).status is LinkStatus.PAID


def test_fail_leaves_the_link_payable(
    live: Services, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    phone = unique_phone()
    session = ChatSession(WhatsAppSimulator(load_settings(), phone))
    link = make_link(live)
    deliver(sqlite_url, phone, f"Pay here: {link.url}")

    session.handle("hello")
    session.handle("/fail")

    assert "sandbox> Payment failed" in capsys.readouterr().out
    assert live.payment_gateway.fetch_link(link.link_id).status is LinkStatus.CREATED
