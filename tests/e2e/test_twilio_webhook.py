"""The Twilio WhatsApp webhook over HTTP: signatures, duplicates, TwiML replies."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from backend.bootstrap import Services
from tests.support import PUBLIC_BASE_URL
from tests.whatsapp import WEBHOOK, ChatUser, message_form, post_signed, replies, unique_phone


def count(services: Services, sql: str, **params: object) -> int:
    """A COUNT(*) read straight from the database, outside the app's code paths."""
    engine = sa.create_engine(services.settings.database_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(sql), params).scalar_one())
    finally:
        engine.dispose()


def stored_for(services: Services, phone: str, sid: str) -> tuple[int, int]:
    users = count(services, "SELECT COUNT(*) FROM users WHERE phone = :p", p=phone)
    messages = count(services, "SELECT COUNT(*) FROM messages WHERE message_sid = :s", s=sid)
    return users, messages


def test_a_signed_message_is_answered_in_twiml(client: FlaskClient, services: Services) -> None:
    phone = unique_phone()
    form = message_form(phone, "hi")
    response = post_signed(client, form)
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    texts = replies(response)
    assert "BoloAstro" in texts[0]
    assert "English" in "\n".join(texts) and "हिंदी" in "\n".join(texts)
    assert stored_for(services, phone, form["MessageSid"]) == (1, 1)


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="missing"),
        pytest.param({"X-Twilio-Signature": ""}, id="empty"),
        pytest.param({"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}, id="garbage"),
    ],
)
def test_unsigned_requests_get_403_and_store_nothing(
    client: FlaskClient, services: Services, headers: dict[str, str]
) -> None:
    phone = unique_phone()
    form = message_form(phone, "hi")
    response = client.post(WEBHOOK, data=form, headers=headers)
    assert response.status_code == 403
    assert stored_for(services, phone, form["MessageSid"]) == (0, 0)


def test_signature_with_another_token_is_forged(client: FlaskClient, services: Services) -> None:
    phone = unique_phone()
    form = message_form(phone, "hi")
    response = post_signed(client, form, token="not-our-auth-token")
    assert response.status_code == 403
    assert stored_for(services, phone, form["MessageSid"]) == (0, 0)


def test_signature_for_another_url_is_rejected(client: FlaskClient, services: Services) -> None:
    phone = unique_phone()
    form = message_form(phone, "hi")
    elsewhere = "https://attacker.example.com/webhooks/twilio/whatsapp"
    response = post_signed(client, form, signed_url=elsewhere)
    assert response.status_code == 403
    assert stored_for(services, phone, form["MessageSid"]) == (0, 0)


def test_a_tampered_body_is_rejected(client: FlaskClient, services: Services) -> None:
    from infrastructure.twilio.signatures import sign_like_twilio
    from tests.support import TEST_AUTH_TOKEN

    phone = unique_phone()
    form = message_form(phone, "hi")
    signature = sign_like_twilio(TEST_AUTH_TOKEN, f"{PUBLIC_BASE_URL}{WEBHOOK}", form)
    form["Body"] = "menu"
    response = client.post(WEBHOOK, data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403
    assert stored_for(services, phone, form["MessageSid"]) == (0, 0)


def test_the_query_string_is_part_of_what_is_signed(
    client: FlaskClient, services: Services
) -> None:
    phone = unique_phone()
    form = message_form(phone, "hi")
    path = f"{WEBHOOK}?region=in"
    good = post_signed(client, form, path=path)
    assert good.status_code == 200
    other = message_form(phone, "hi")
    bad = post_signed(client, other, path=path, signed_url=f"{PUBLIC_BASE_URL}{WEBHOOK}")
    assert bad.status_code == 403
    assert stored_for(services, phone, other["MessageSid"])[1] == 0


def test_a_repeated_message_sid_has_one_effect(client: FlaskClient, services: Services) -> None:
    user = ChatUser(client)
    user.send("hi")
    form = message_form(user.phone, "1")
    first = post_signed(client, form)
    assert replies(first), "the first delivery is answered"
    again = post_signed(client, form)
    assert again.status_code == 200
    assert replies(again) == []
    assert "<Response" in again.get_data(as_text=True)
    assert (
        count(
            services, "SELECT COUNT(*) FROM messages WHERE message_sid = :s", s=form["MessageSid"]
        )
        == 1
    )
    version = count(
        services,
        "SELECT c.version FROM conversations c JOIN users u ON u.id = c.user_id WHERE u.phone = :p",
        p=user.phone,
    )
    assert version == 2, "two distinct messages, two conversation steps"


def test_a_signed_request_without_sender_is_a_clear_400(client: FlaskClient) -> None:
    form = message_form(unique_phone(), "hi")
    del form["From"]
    response = post_signed(client, form)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


def test_health_and_readiness(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["checks"]["database"] == "ok"


def test_source_offer(client: FlaskClient) -> None:
    body = client.get("/source").get_json()
    assert body["license"] == "AGPL-3.0-or-later"
    assert body["source_url"] == "https://example.org/boloastro.git"


def test_unknown_route_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_without_a_source_url_the_running_code_is_offered(database_url: str) -> None:
    import io
    import tarfile

    from backend.api.app import create_app
    from backend.bootstrap import bootstrap
    from tests.support import make_settings

    services = bootstrap(make_settings(database_url, source_url=None))
    client = create_app(services).test_client()
    offer = client.get("/source").get_json()["source_url"]
    assert offer == f"{PUBLIC_BASE_URL}/source/boloastro-source.tar.gz"
    archive = client.get("/source/boloastro-source.tar.gz")
    assert archive.status_code == 200 and archive.mimetype == "application/gzip"
    with tarfile.open(fileobj=io.BytesIO(archive.data)) as tar:
        names = tar.getnames()
    assert "boloastro/LICENSE" in names
    assert "boloastro/backend/api/source.py" in names
    assert not any(name.endswith(".pyc") for name in names)
    services.close()
