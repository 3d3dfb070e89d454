"""The sandbox checkout page over HTTP: escaping, signed webhooks, production 404s."""

from __future__ import annotations

import json
import random
import socket
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import Services, bootstrap
from backend.domain.payments.events import EventKind, PaymentEvent
from backend.domain.payments.gateway import IssuedLink, LinkRequest, LinkStatus
from infrastructure.db.models import UserRow
from infrastructure.db.payment_models import OutboxRow
from infrastructure.razorpay.events import parse_event
from infrastructure.razorpay.signatures import verify_webhook
from infrastructure.sandbox.delivery import NO_ANSWER, http_poster, send_events
from tests.support import PUBLIC_BASE_URL, RAZORPAY_WEBHOOK_SECRET, make_settings
from tests.whatsapp import unique_phone

Posted = list[tuple[bytes, dict[str, str]]]


@pytest.fixture
def posted(services: Services) -> Posted:
    """What the sandbox posts to the webhook route, captured instead of sent."""
    captured: Posted = []

    def poster(body: bytes, headers: dict[str, str]) -> int:
        captured.append((body, headers))
        return 200

    services.sandbox_webhook_poster = poster
    return captured


def make_link(
    services: Services, description: str = "Kundali report", paise: int = 19950
) -> IssuedLink:
    return services.payment_gateway.create_link(
        LinkRequest(
            reference_id=f"ord42-{uuid.uuid4().hex[:12]}",
            amount_paise=paise,
            currency="INR",
            description=description,
            customer_phone="+919876543210",
            customer_name=None,
            expire_by=datetime.now(UTC) + timedelta(minutes=30),
            callback_url=f"{PUBLIC_BASE_URL}/payments/thanks",
            notes={"order_id": "42", "product": "kundali"},
        )
    )


def events_of(posted: Posted) -> list[PaymentEvent]:
    """Each posted body, checked for a valid signature, parsed as the webhook route would."""
    parsed = []
    for body, headers in posted:
        assert verify_webhook(body, headers["X-Razorpay-Signature"], RAZORPAY_WEBHOOK_SECRET)
        event = parse_event(json.loads(body))
        assert event is not None
        parsed.append(event)
    return parsed


def test_checkout_page_shows_the_escaped_amount_and_description(
    client: FlaskClient, services: Services
) -> None:
    link = make_link(services, description='<script>alert("x")</script> & more')

    page = client.get(f"/sandbox/pay/{link.link_id}")

    assert page.status_code == 200 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert "₹199.50" in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in text
    assert "<script>" not in text
    assert 'value="pay"' in text and 'value="fail"' in text


def test_unknown_link_is_404(client: FlaskClient, posted: Posted) -> None:
    assert client.get("/sandbox/pay/plink_doesnotexist00").status_code == 404
    assert (
        client.post("/sandbox/pay/plink_doesnotexist00", data={"action": "pay"}).status_code == 404
    )
    assert posted == []


def test_pay_sends_four_signed_webhooks_razorpay_would(
    client: FlaskClient, services: Services, posted: Posted
) -> None:
    link = make_link(services)

    page = client.post(f"/sandbox/pay/{link.link_id}", data={"action": "pay"})

    assert page.status_code == 200
    assert "Paid — check WhatsApp" in page.get_data(as_text=True)
    paid = services.payment_gateway.fetch_link(link.link_id)
    assert paid.status is LinkStatus.PAID and len(paid.payment_ids) == 1
    events = events_of(posted)
    assert [e.kind for e in events] == [
        EventKind.PAYMENT_AUTHORIZED,
        EventKind.PAYMENT_CAPTURED,
        EventKind.ORDER_PAID,
        EventKind.LINK_PAID,
    ]
    for event in events:
        assert event.payment_id == paid.payment_ids[0]
        assert event.gateway_order_id == link.gateway_order_id
        assert (event.amount_paise, event.currency) == (19950, "INR")
    link_paid = events[-1]
    assert (link_paid.link_id, link_paid.reference_id) == (link.link_id, link.reference_id)
    assert link_paid.order_id == 42 and events[2].order_id == 42
    event_ids = [headers["X-Razorpay-Event-Id"] for _, headers in posted]
    assert len(set(event_ids)) == 4 and all(
        e.startswith("evt_") and len(e) == 18 for e in event_ids
    )


def test_fail_sends_payment_failed_and_the_link_stays_payable(
    client: FlaskClient, services: Services, posted: Posted
) -> None:
    link = make_link(services)

    page = client.post(f"/sandbox/pay/{link.link_id}", data={"action": "fail"})

    assert page.status_code == 200 and "Payment failed" in page.get_data(as_text=True)
    [event] = events_of(posted)
    assert event.kind is EventKind.PAYMENT_FAILED
    assert event.gateway_order_id == link.gateway_order_id
    assert event.payment_id and event.payment_id.startswith("pay_")
    assert json.loads(posted[0][0])["payload"]["payment"]["entity"]["error_code"]
    assert services.payment_gateway.fetch_link(link.link_id).status is LinkStatus.CREATED


def test_chaos_sends_every_event_twice(
    client: FlaskClient, services: Services, posted: Posted
) -> None:
    link = make_link(services)

    client.post(f"/sandbox/pay/{link.link_id}", data={"action": "pay", "chaos": "1"})

    assert len(posted) == 8
    copies = Counter((headers["X-Razorpay-Event-Id"], body) for body, headers in posted)
    assert len(copies) == 4 and set(copies.values()) == {2}
    assert Counter(e.kind for e in events_of(posted)) == {
        kind: 2
        for kind in (
            EventKind.PAYMENT_AUTHORIZED,
            EventKind.PAYMENT_CAPTURED,
            EventKind.ORDER_PAID,
            EventKind.LINK_PAID,
        )
    }


def test_chaos_shuffles_the_order() -> None:
    events: list[dict[str, Any]] = [{"event": f"e{i}"} for i in range(4)]
    seen: list[str] = []

    def poster(body: bytes, headers: dict[str, str]) -> int:
        seen.append(json.loads(body)["event"])
        return 200

    codes = send_events(events, poster, "secret", chaos=True, rng=random.Random(7))

    assert codes == [200] * 8
    assert sorted(seen) == sorted(["e0", "e1", "e2", "e3"] * 2)
    assert seen != ["e0", "e1", "e2", "e3"] * 2  # seed 7 gives a different order


def test_paying_twice_is_409_with_no_new_webhooks(
    client: FlaskClient, services: Services, posted: Posted
) -> None:
    link = make_link(services)
    client.post(f"/sandbox/pay/{link.link_id}", data={"action": "pay"})
    before = len(posted)

    again = client.post(f"/sandbox/pay/{link.link_id}", data={"action": "pay"})
    failed = client.post(f"/sandbox/pay/{link.link_id}", data={"action": "fail"})

    assert again.status_code == 409 and "paid" in again.get_data(as_text=True)
    assert failed.status_code == 409
    assert len(posted) == before
    assert 'value="pay"' not in client.get(f"/sandbox/pay/{link.link_id}").get_data(as_text=True)


def test_a_bad_action_is_400(client: FlaskClient, services: Services, posted: Posted) -> None:
    link = make_link(services)

    response = client.post(f"/sandbox/pay/{link.link_id}", data={"action": "refund"})

    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_action"
    assert posted == []


def test_thanks_page_does_not_echo_the_query(client: FlaskClient) -> None:
    page = client.get(
        "/payments/thanks",
        query_string={"razorpay_payment_id": "<b>pay_evil</b>", "razorpay_signature": "abc"},
    )

    assert page.status_code == 200 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert "WhatsApp" in text and "pay_evil" not in text


def test_messages_lists_only_sent_rows_after_an_id(client: FlaskClient, database_url: str) -> None:
    phone = unique_phone()
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        user_id = conn.execute(
            sa.insert(UserRow).values(phone=phone).returning(UserRow.id)
        ).scalar_one()
        ids = [
            conn.execute(
                sa.insert(OutboxRow)
                .values(
                    user_id=user_id,
                    kind="paid",
                    dedupe_key=f"test:{uuid.uuid4().hex}",
                    body=body,
                    status=status,
                    sent_at=datetime.now(UTC) if status == "sent" else None,
                )
                .returning(OutboxRow.id)
            ).scalar_one()
            for body, status in (("one", "sent"), ("two", "pending"), ("three", "sent"))
        ]
    engine.dispose()

    everything = client.get(f"/sandbox/messages/{phone}").get_json()["messages"]
    later = client.get(f"/sandbox/messages/{phone}?after={ids[0]}").get_json()["messages"]

    assert [m["body"] for m in everything] == ["one", "three"]
    assert set(everything[0]) == {"id", "kind", "body", "media_url", "sent_at"}
    assert [m["id"] for m in later] == [ids[2]]
    assert client.get("/sandbox/messages/98100").status_code == 400
    assert client.get(f"/sandbox/messages/{phone}?after=x").status_code == 400


@pytest.mark.parametrize("gateway", ["razorpay", "sandbox"])
def test_production_has_no_sandbox(database_url: str, gateway: str) -> None:
    # Settings() skips load_settings' production checks, so even a sandbox gateway gets no routes.
    settings = make_settings(
        database_url,
        boloastro_env="production",
        payment_gateway=gateway,
        razorpay_key_id="rzp_live_x",
        razorpay_key_secret="secret",
    )
    services = bootstrap(settings)
    try:
        client = create_app(services).test_client()
        assert client.get("/sandbox/pay/plink_doesnotexist00").status_code == 404
        assert client.post("/sandbox/pay/plink_x", data={"action": "pay"}).status_code == 404
        assert client.get("/sandbox/messages/+919876543210").status_code == 404
        assert client.get("/payments/thanks").status_code == 200
    finally:
        services.close()


def test_http_poster_reports_no_answer_when_nothing_listens() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the post: nothing listens there

    post = http_poster(f"http://127.0.0.1:{port}/webhooks/razorpay", timeout_s=2)

    assert post(b"{}", {"Content-Type": "application/json"}) == NO_ANSWER
