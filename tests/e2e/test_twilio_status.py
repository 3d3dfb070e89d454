"""POST /webhooks/twilio/status over HTTP: signed callbacks update the sent message."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, cast

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import Services, bootstrap
from infrastructure.db.models import UserRow
from infrastructure.db.payment_models import OutboxRow
from tests.support import PUBLIC_BASE_URL, make_settings
from tests.whatsapp import post_signed, unique_phone

STATUS = "/webhooks/twilio/status"
OUTBOX = cast(sa.Table, OutboxRow.__table__)
USERS = cast(sa.Table, UserRow.__table__)


@pytest.fixture
def engine(services: Services) -> Iterator[sa.Engine]:
    """A separate engine on the test database, to arrange and inspect rows."""
    built = sa.create_engine(services.settings.database_url)
    yield built
    built.dispose()


def sent_message(engine: sa.Engine) -> str:
    """A message already handed to Twilio; returns its sid."""
    sid = "SM" + uuid.uuid4().hex
    now = datetime.now(UTC)
    with engine.begin() as conn:
        insert = sa.insert(USERS).values(phone=unique_phone()).returning(USERS.c.id)
        user_id = conn.execute(insert).scalar_one()
        conn.execute(
            sa.insert(OUTBOX).values(
                user_id=user_id,
                kind="paid",
                dedupe_key=f"test:{sid}",
                body="Payment received.",
                status="sent",
                provider_sid=sid,
                sent_at=now,
            )
        )
    return sid


def row(engine: sa.Engine, sid: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(sa.select(OUTBOX).where(OUTBOX.c.provider_sid == sid)).one()


def callback(sid: str, status: str, error_code: str | None = None) -> dict[str, str]:
    """The form Twilio posts to a message's StatusCallback."""
    form = {
        "AccountSid": "AC" + "1" * 32,
        "ApiVersion": "2010-04-01",
        "ChannelPrefix": "whatsapp",
        "From": "whatsapp:+14155238886",
        "To": "whatsapp:+919800000001",
        "MessageSid": sid,
        "SmsSid": sid,
        "MessageStatus": status,
        "SmsStatus": status,
    }
    if error_code:
        form["ErrorCode"] = error_code
    return form


def test_a_signed_callback_records_the_delivery_status(
    client: FlaskClient, engine: sa.Engine
) -> None:
    sid = sent_message(engine)

    response = post_signed(client, callback(sid, "delivered"), path=STATUS)

    assert response.status_code == 200
    assert response.get_json()["ok"] is True
    stored = row(engine, sid)
    assert (stored.delivery_status, stored.delivery_error) == ("delivered", None)


def test_a_failed_delivery_keeps_twilios_error_code(client: FlaskClient, engine: sa.Engine) -> None:
    sid = sent_message(engine)

    response = post_signed(client, callback(sid, "undelivered", "63016"), path=STATUS)

    assert response.status_code == 200
    stored = row(engine, sid)
    assert (stored.delivery_status, stored.delivery_error) == ("undelivered", "63016")


def test_an_unknown_sid_is_acknowledged_so_twilio_stops_retrying(client: FlaskClient) -> None:
    response = post_signed(client, callback("SM" + uuid.uuid4().hex, "delivered"), path=STATUS)

    assert response.status_code == 200
    assert response.get_json() == {"ok": True, "known": False}


@pytest.mark.parametrize("how", ["missing", "wrong token", "other path"])
def test_an_unsigned_callback_is_refused_and_changes_nothing(
    client: FlaskClient, engine: sa.Engine, how: str
) -> None:
    sid = sent_message(engine)
    form = callback(sid, "failed", "30008")

    if how == "missing":
        response = client.post(STATUS, data=form)
    elif how == "wrong token":
        response = post_signed(client, form, path=STATUS, token="not-our-token")
    else:
        wrong_url = f"{PUBLIC_BASE_URL}/webhooks/twilio/whatsapp"
        response = post_signed(client, form, path=STATUS, signed_url=wrong_url)

    assert response.status_code == 403
    assert row(engine, sid).delivery_status is None


@pytest.mark.parametrize("drop", ["MessageSid", "MessageStatus"])
def test_a_callback_without_its_fields_is_a_bad_request(
    client: FlaskClient, engine: sa.Engine, drop: str
) -> None:
    form = callback(sent_message(engine), "delivered")
    del form[drop]

    response = post_signed(client, form, path=STATUS)

    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


def test_database_down_is_503_so_twilio_retries() -> None:
    # Nothing listens on port 1: the connection is refused at once.
    services = bootstrap(make_settings("postgresql+psycopg://boloastro@127.0.0.1:1/none"))
    client = create_app(services).test_client()

    response = post_signed(client, callback("SM" + uuid.uuid4().hex, "delivered"), path=STATUS)

    assert response.status_code == 503
    services.close()
