"""POST /webhooks/razorpay: Razorpay's published integration scenarios, on both databases.

Each scenario checks what the user ends up with: ledger grants and revokes, the order's
status, and the messages queued for WhatsApp.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import Services, bootstrap
from tests.e2e.payments_support import (
    LiveOrder,
    count,
    grants,
    live_order,
    post_event,
    status_of,
)
from tests.fakes import razorpay_payloads as rp
from tests.support import make_settings


def paid_messages(services: Services, order_id: int) -> int:
    """Receipts queued for the order."""
    return count(
        services, "SELECT count(*) FROM outbox WHERE dedupe_key = :k", k=f"paid:{order_id}"
    )


def failure_notices(services: Services, order: LiveOrder) -> int:
    """ "Payment failed" messages queued for the order's user."""
    return count(
        services,
        "SELECT count(*) FROM outbox WHERE kind = 'payment_failed' AND user_id = :u",
        u=order.user_id,
    )


def events(services: Services, event_id: str) -> int:
    """Rows recorded for one event id."""
    return count(services, "SELECT count(*) FROM payment_events WHERE event_id = :e", e=event_id)


def test_link_paid_grants_and_tells_the_user_once(services: Services, client: FlaskClient) -> None:
    order = live_order(services)
    response = post_event(client, order.payload(rp.payment_link_paid()), event_id="evt_a1")
    assert response.status_code == 200
    assert response.get_json() == {"status": "applied"}
    assert status_of(services, order) == "paid"
    assert grants(services, order) == 1
    assert paid_messages(services, order.order_id) == 1
    # The worker makes the report from one queued job: its text parts and a PDF link.
    job = "SELECT count(*) FROM outbox WHERE dedupe_key = :k AND kind = 'prepare'"
    assert count(services, job, k=f"prepare:{order.order_id}") == 1
    for _ in range(2):  # preparing twice (a worker killed after the first) changes nothing
        with services.unit_of_work() as uow:
            services.fulfilment.prepare(uow, order.order_id, datetime.now(UTC))
            uow.commit()
    pdf = count(
        services,
        "SELECT count(*) FROM outbox WHERE dedupe_key = :k AND media_url LIKE '%/media/reports/%'",
        k=f"report:order-{order.order_id}:pdf",
    )
    assert pdf == 1
    spent = "SELECT count(*) FROM entitlement_ledger WHERE key = :k"
    assert count(services, spent, k=f"consume:order-{order.order_id}") == 1


def test_a_redelivered_event_is_a_no_op(services: Services, client: FlaskClient) -> None:
    order = live_order(services)
    payload = order.payload(rp.payment_link_paid())
    first = post_event(client, payload, event_id="evt_same_1" + order.link_id[-6:])
    again = post_event(client, payload, event_id="evt_same_1" + order.link_id[-6:])
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.get_json() == {"status": "duplicate"}
    assert grants(services, order) == 1


def test_three_events_for_one_payment_grant_once(services: Services, client: FlaskClient) -> None:
    order = live_order(services)
    for template in (
        rp.payment_event("payment.captured", "captured"),
        rp.order_paid(),
        rp.payment_link_paid(),
    ):
        assert post_event(client, order.payload(template)).status_code == 200
    assert status_of(services, order) == "paid"
    assert grants(services, order) == 1
    assert paid_messages(services, order.order_id) == 1


def test_a_failure_after_paid_leaves_the_order_paid(
    services: Services, client: FlaskClient
) -> None:
    order = live_order(services)
    post_event(client, order.payload(rp.payment_link_paid()))
    failed = order.payload(rp.payment_event("payment.failed", "failed"), payment_id="pay_late")
    assert post_event(client, failed).status_code == 200
    assert status_of(services, order) == "paid"
    assert grants(services, order) == 1
    assert failure_notices(services, order) == 0


def test_failed_then_late_authorised_then_captured_is_fulfilled_once(
    services: Services, client: FlaskClient
) -> None:
    order = live_order(services)
    for event, status in (
        ("payment.failed", "failed"),
        ("payment.authorized", "authorized"),
        ("payment.captured", "captured"),
    ):
        assert post_event(client, order.payload(rp.payment_event(event, status))).status_code == 200
    post_event(client, order.payload(rp.payment_link_paid()))
    assert status_of(services, order) == "paid"
    assert grants(services, order) == 1
    assert paid_messages(services, order.order_id) == 1


def test_an_amount_mismatch_goes_to_review_and_grants_nothing(
    services: Services, client: FlaskClient
) -> None:
    order = live_order(services)
    short = order.payload(rp.payment_link_paid(), amount=order.amount_paise - 100)
    assert post_event(client, short).status_code == 200
    assert status_of(services, order) == "review"
    assert grants(services, order) == 0
    assert paid_messages(services, order.order_id) == 0


def test_a_refund_revokes_once(services: Services, client: FlaskClient) -> None:
    order = live_order(services)
    post_event(client, order.payload(rp.payment_link_paid()))
    for _ in range(2):  # Razorpay may announce one refund twice, with different event ids
        assert post_event(client, order.payload(rp.refund_processed())).status_code == 200
    assert status_of(services, order) == "refunded"
    revokes = count(
        services,
        "SELECT count(*) FROM entitlement_ledger WHERE key = :k",
        k=f"revoke:{order.order_id}",
    )
    assert revokes == 1


def test_partial_refunds_revoke_once_they_add_up_to_the_price(
    services: Services, client: FlaskClient
) -> None:
    order = live_order(services)
    post_event(client, order.payload(rp.payment_link_paid()))
    price = order.amount_paise
    revokes = "SELECT count(*) FROM entitlement_ledger WHERE key = :k"
    first = price // 4
    part = rp.refund_processed("rfnd_part1", amount=first, refunded=first)
    assert post_event(client, order.payload(part)).status_code == 200
    assert status_of(services, order) == "paid"  # a goodwill refund: the product stays
    assert count(services, revokes, k=f"revoke:{order.order_id}") == 0
    rest = rp.refund_processed("rfnd_part2", amount=price - first, refunded=price)
    assert post_event(client, order.payload(rest)).status_code == 200
    assert status_of(services, order) == "refunded"
    assert count(services, revokes, k=f"revoke:{order.order_id}") == 1


def test_a_dispute_revokes_and_flags(services: Services, client: FlaskClient) -> None:
    order = live_order(services)
    post_event(client, order.payload(rp.payment_link_paid()))
    assert post_event(client, order.payload(rp.dispute_created())).status_code == 200
    assert status_of(services, order) == "disputed"
    revokes = count(
        services,
        "SELECT count(*) FROM entitlement_ledger WHERE key = :k",
        k=f"revoke:{order.order_id}",
    )
    assert revokes == 1


@pytest.mark.parametrize(
    ("field", "answer", "recorded"),
    [(("event",), 200, 1), (("payload", "payment", "entity", "id"), 200, 1)],
)
def test_a_lone_surrogate_in_a_signed_body_is_answered_without_a_traceback(
    services: Services,
    client: FlaskClient,
    field: tuple[str, ...],
    answer: int,
    recorded: int,
) -> None:
    """JSON may escape half a surrogate pair (\\ud800): valid JSON, but no text column can
    hold it. Such an event name is an unknown event, recorded cleaned; such an id is as good
    as missing."""
    order = live_order(services)
    payload = order.payload(rp.payment_link_paid())
    node = payload
    for key in field[:-1]:
        node = node[key]
    node[field[-1]] += "\ud800"
    event_id = f"evt_{uuid.uuid4().hex[:14]}"
    response = post_event(client, payload, event_id=event_id)
    assert response.status_code == answer
    assert events(services, event_id) == recorded
    assert grants(services, order) == 0


def test_an_unknown_event_is_recorded_and_acknowledged(
    services: Services, client: FlaskClient
) -> None:
    response = post_event(client, rp.settlement_processed(), event_id="evt_unknown_kind_1")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ignored"}
    assert (
        count(
            services,
            "SELECT count(*) FROM payment_events WHERE event_id = :e AND status = 'ignored'",
            e="evt_unknown_kind_1",
        )
        == 1
    )


def test_an_event_for_no_order_of_ours_is_kept_as_unmatched(
    services: Services, client: FlaskClient
) -> None:
    payload = rp.payment_link_paid()
    for wrapper in payload["payload"].values():  # no entity names an order of ours
        wrapper["entity"]["notes"] = []
        wrapper["entity"]["order_id"] = "order_not_ours"
    payload["payload"]["order"]["entity"]["id"] = "order_not_ours"
    response = post_event(client, payload, event_id="evt_not_ours_1")
    assert response.get_json() == {"status": "unmatched"}


@pytest.mark.parametrize(
    "tamper",
    ["body", "api_key_secret", "missing_header", "reserialised"],
)
def test_bad_signatures_are_refused_and_nothing_is_stored(
    services: Services, client: FlaskClient, tamper: str
) -> None:
    order = live_order(services)
    payload = order.payload(rp.payment_link_paid())
    # Razorpay's bytes: compact separators; we sign exactly these.
    original = json.dumps(payload, separators=(",", ":")).encode()
    from infrastructure.razorpay.signatures import sign_webhook
    from tests.support import RAZORPAY_WEBHOOK_SECRET

    good = sign_webhook(original, RAZORPAY_WEBHOOK_SECRET)
    event_id = f"evt_tamper_{tamper}_{order.order_id}"
    if tamper == "body":
        response = post_event(
            client, original.replace(b'"paid"', b'"PAID"', 1), event_id=event_id, signature=good
        )
    elif tamper == "api_key_secret":
        response = post_event(client, original, event_id=event_id, secret="the-api-key-secret")
    elif tamper == "missing_header":
        response = post_event(client, original, event_id=event_id, signature="")
    else:  # the same JSON, re-serialised with other whitespace, under the original signature
        response = post_event(
            client, json.dumps(payload, indent=1).encode(), event_id=event_id, signature=good
        )
    assert response.status_code == 400
    assert events(services, event_id) == 0
    assert grants(services, order) == 0


def test_a_signed_body_that_is_not_json_is_refused(client: FlaskClient, services: Services) -> None:
    response = post_event(client, b"\xff\xfenot json", event_id="evt_not_json_1")
    assert response.status_code == 400
    assert events(services, "evt_not_json_1") == 0


# --- Events that are not ours, or that contradict what is stored ----------------------------


def _foreign(order: LiveOrder, template: dict[str, Any], amount: int) -> dict[str, Any]:
    """Another integration's event on the same Razorpay account: its own link, reference,
    gateway order and payment, but notes whose order_id happens to equal one of ours."""
    tag = uuid.uuid4().hex[:10]
    swap = {
        order.link_id: f"plink_other{tag}",
        order.reference_id: f"shop-{tag}",
        order.gateway_order_id: f"order_other{tag}",
        order.payment_id: f"pay_other{tag}",
    }
    text = json.dumps(order.payload(template, amount=amount))
    for old, new in swap.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    assert not any(f'"{old}"' in text for old in swap)  # nothing of ours is left
    foreign: dict[str, Any] = json.loads(text)
    for wrapper in foreign["payload"].values():
        wrapper["entity"]["notes"] = {"order_id": str(order.order_id)}
    return foreign


@pytest.mark.parametrize(
    "template",
    [rp.payment_link_paid(), rp.order_paid(), rp.payment_event("payment.captured", "captured")],
    ids=["payment_link.paid", "order.paid", "payment.captured"],
)
@pytest.mark.parametrize("amount_matches", [True, False], ids=["same_amount", "other_amount"])
def test_another_integrations_payment_naming_our_order_id_changes_nothing(
    services: Services, client: FlaskClient, template: dict[str, Any], amount_matches: bool
) -> None:
    # notes.order_id is everyone's favourite note: only the ids we issued say a payment is ours.
    order = live_order(services)
    amount = order.amount_paise if amount_matches else order.amount_paise + 100
    response = post_event(client, _foreign(order, template, amount))
    assert response.status_code == 200
    assert response.get_json() == {"status": "unmatched"}
    assert status_of(services, order) == "link_issued"
    assert grants(services, order) == 0
    assert paid_messages(services, order.order_id) == 0
    # The user's own payment still goes through.
    post_event(client, order.payload(rp.payment_link_paid()))
    assert status_of(services, order) == "paid"
    assert grants(services, order) == 1


def test_another_integrations_failed_payment_tells_our_user_nothing(
    services: Services, client: FlaskClient
) -> None:
    order = live_order(services)
    failed = rp.payment_event("payment.failed", "failed")
    response = post_event(client, _foreign(order, failed, order.amount_paise))
    assert response.get_json() == {"status": "unmatched"}
    assert failure_notices(services, order) == 0


def test_a_payment_already_paying_one_order_cannot_pay_a_second(
    services: Services, client: FlaskClient
) -> None:
    # Razorpay never sends this; if a signed body ever does, it is kept for a human and
    # answered 200, not a 500 that Razorpay would retry for a day and then stop sending.
    first, second = live_order(services), live_order(services)
    post_event(client, first.payload(rp.payment_link_paid()))
    clash = second.payload(rp.payment_link_paid(), payment_id=first.payment_id)
    response = post_event(client, clash, event_id=f"evt_clash_{second.order_id}")
    assert response.status_code == 200
    assert response.get_json() == {"status": "error"}
    recorded = count(
        services,
        "SELECT count(*) FROM payment_events WHERE event_id = :e AND status = 'error'"
        " AND error LIKE '%already paid%'",
        e=f"evt_clash_{second.order_id}",
    )
    assert recorded == 1
    assert status_of(services, second) == "link_issued"
    assert (grants(services, first), grants(services, second)) == (1, 0)
    assert paid_messages(services, second.order_id) == 0
    # Its own payment still pays it.
    post_event(client, second.payload(rp.payment_link_paid()))
    assert status_of(services, second) == "paid"
    assert grants(services, second) == 1


def _gateway_order_unknown(services: Services, order: LiveOrder) -> None:
    """As with the real Razorpay: a link's gateway order is named only once it is paid."""
    with services.unit_of_work() as uow:
        uow.connection.execute(  # type: ignore[attr-defined]
            sa.text("UPDATE payment_attempts SET gateway_order_id = NULL WHERE link_id = :l"),
            {"l": order.link_id},
        )
        uow.commit()


@pytest.mark.parametrize("carried_by", ["receipt", "order_notes"])
def test_an_order_paid_before_its_link_names_its_gateway_order_is_ours_by_its_reference(
    services: Services, client: FlaskClient, carried_by: str
) -> None:
    order = live_order(services)
    _gateway_order_unknown(services, order)
    payload = order.payload(rp.order_paid())
    gateway_order = payload["payload"]["order"]["entity"]
    if carried_by == "order_notes":
        gateway_order["receipt"] = None
        gateway_order["notes"]["reference_id"] = order.reference_id
    assert post_event(client, payload).get_json() == {"status": "applied"}
    assert status_of(services, order) == "paid"
    post_event(client, order.payload(rp.payment_link_paid()))
    assert grants(services, order) == 1
    assert paid_messages(services, order.order_id) == 1


def test_money_taken_on_a_link_we_cancelled_goes_to_review_by_its_reference(
    services: Services, client: FlaskClient
) -> None:
    order = live_order(services)
    _gateway_order_unknown(services, order)
    post_event(client, order.payload(rp.payment_link_cancelled()))
    assert status_of(services, order) == "cancelled"
    assert post_event(client, order.payload(rp.order_paid())).get_json() == {"status": "applied"}
    assert status_of(services, order) == "review"
    assert grants(services, order) == 0


def test_a_failed_payment_carrying_our_reference_in_its_notes_tells_the_user(
    services: Services, client: FlaskClient
) -> None:
    order = live_order(services)
    _gateway_order_unknown(services, order)
    failed = order.payload(rp.payment_event("payment.failed", "failed"))
    failed["payload"]["payment"]["entity"]["notes"] = {"reference_id": order.reference_id}
    assert post_event(client, failed).get_json() == {"status": "applied"}
    assert failure_notices(services, order) == 1


# --- PostgreSQL: concurrency and an unavailable database ------------------------------------


@pytest.fixture
def pg_services(postgres_url: str) -> Iterator[Services]:
    """Services on PostgreSQL only."""
    built = bootstrap(make_settings(postgres_url))
    yield built
    built.close()


def test_eight_concurrent_deliveries_of_one_event_grant_once(pg_services: Services) -> None:
    app: Flask = create_app(pg_services)
    order = live_order(pg_services)
    payload = order.payload(rp.payment_link_paid())
    start = threading.Barrier(8)
    statuses: list[int] = []

    def deliver() -> None:
        client = app.test_client()
        start.wait()
        statuses.append(
            post_event(client, payload, event_id=f"evt_conc_{order.order_id}").status_code
        )

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 8
    assert grants(pg_services, order) == 1
    assert paid_messages(pg_services, order.order_id) == 1
    assert events(pg_services, f"evt_conc_{order.order_id}") == 1


def test_three_event_kinds_racing_for_one_payment_grant_once(pg_services: Services) -> None:
    app = create_app(pg_services)
    order = live_order(pg_services)
    templates = [
        rp.payment_link_paid(),
        rp.order_paid(),
        rp.payment_event("payment.captured", "captured"),
    ] * 3
    start = threading.Barrier(len(templates))

    def deliver(template: dict[str, object]) -> None:
        client = app.test_client()
        start.wait()
        assert post_event(client, order.payload(template)).status_code == 200

    threads = [threading.Thread(target=deliver, args=(t,)) for t in templates]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert grants(pg_services, order) == 1
    assert paid_messages(pg_services, order.order_id) == 1


def test_database_down_answers_503_so_razorpay_retries() -> None:
    # A PostgreSQL URL nobody listens on: the signature passes, storage fails.
    services = bootstrap(
        make_settings("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=1")
    )
    try:
        client = create_app(services).test_client()
        response = post_event(client, rp.payment_link_paid())
        assert response.status_code == 503
        assert response.get_json()["error"]["code"] == "unavailable"
    finally:
        services.close()
