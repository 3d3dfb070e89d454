"""The admin API over HTTP: bearer keys, the audit log, orders, users, grants, reconcile."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from backend.application.admin.keys import create_key, revoke_key
from backend.bootstrap import Services, bootstrap
from backend.domain.admin import AuditEntry
from backend.domain.entitlements import Product
from backend.domain.payments.ledger import consume
from backend.domain.payments.orders import OrderStatus, new_attempt
from backend.domain.phone import phone_hash
from backend.domain.profile import BirthProfile
from tests.e2e.payments_support import grants, live_order, post_event
from tests.fakes import razorpay_payloads as rp
from tests.support import make_settings
from tests.whatsapp import unique_phone

API = "/admin/api/v1"
ENV_NAME = "env-ops"
ENV_KEY = "ba_env_" + uuid.uuid4().hex
ASHA = BirthProfile("Asha", date(1990, 8, 15), time(22, 30), "Pune, India", 18.52, 73.86, "UTC")


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    """Real services with one admin key from ADMIN_API_KEYS (overrides conftest's)."""
    digest = hashlib.sha256(ENV_KEY.encode()).hexdigest()
    built = bootstrap(make_settings(database_url, admin_api_keys=f"{ENV_NAME}:{digest}"))
    yield built
    built.close()


@pytest.fixture
def db_key(services: Services) -> tuple[str, str]:
    """A key made as `boloastro admin-key create` makes it: (name, key)."""
    assert services.admin is not None
    name = f"ops-{uuid.uuid4().hex[:8]}"
    return name, create_key(services.admin, name, datetime.now(UTC))


def call(
    client: FlaskClient, method: str, path: str, key: str | None, body: Any = None
) -> TestResponse:
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return client.open(path, method=method, headers=headers, json=body)


def last_audit(services: Services) -> AuditEntry:
    assert services.admin is not None
    return services.admin.audit.recent(1)[0]


def sql(services: Services, statement: str, **params: Any) -> list[Any]:
    with services.unit_of_work() as uow:
        result = uow.connection.execute(sa.text(statement), params)  # type: ignore[attr-defined]
        rows = result.all() if result.returns_rows else []
        uow.commit()
    return list(rows)


def seed_user(services: Services, statuses: Sequence[OrderStatus] = ()) -> tuple[str, list[int]]:
    """A user with a profile and one order per status (one minute apart, each with a link)."""
    phone, now, ids = unique_phone(), datetime.now(UTC), []
    with services.unit_of_work() as uow:
        conversation = uow.conversations.lock(phone, now, "menu", "main")
        conversation.language = "hi"
        conversation.save_profile(ASHA)
        uow.conversations.save(conversation)
        for n in range(len(statuses)):
            at = now + timedelta(minutes=n)
            order = uow.orders.create(conversation.user_id, phone, Product.KUNDALI, 19900, (), at)
            tag = uuid.uuid4().hex[:12]
            url = f"https://rzp.io/i/{tag}"
            new_attempt(order, f"ba-{tag}", f"plink_{tag}", url, at, at + timedelta(hours=1))
            uow.orders.save(order)
            ids.append(order.id)
        uow.commit()
    for order_id, status in zip(ids, statuses, strict=True):
        sql(services, "UPDATE orders SET status = :s WHERE id = :i", s=status.value, i=order_id)
    return phone, ids


def grant(client: FlaskClient, phone: str, product: str = "qna", **more: Any) -> TestResponse:
    body = {"phone": phone, "product": product, "reason": "goodwill", **more}
    return call(client, "POST", f"{API}/grants", ENV_KEY, body)


# --- every route needs a valid key, and every call is audited ---------------------------

ROUTES = ["orders", "user", "grant", "revoke", "reconcile"]
KEYS = ["none", "bad", "revoked", "env", "db"]


def request_for(route: str, client: FlaskClient, services: Services) -> tuple[str, str, Any, int]:
    """(method, path, body, status on success) for the route, with what it needs seeded."""
    phone, _ = seed_user(services)
    if route == "orders":
        return "GET", f"{API}/orders?phone={phone}&limit=5", None, 200
    if route == "user":
        return "GET", f"{API}/users/{phone}", None, 200
    if route == "grant":
        return "POST", f"{API}/grants", {"phone": phone, "product": "kundali", "reason": "r"}, 201
    if route == "revoke":
        grant_id = grant(client, phone).get_json()["id"]
        return "POST", f"{API}/grants/{grant_id}/revoke", {"reason": "oops"}, 200
    services.sweeps["reconcile"] = lambda: {"fetched": 0}
    return "POST", f"{API}/reconcile", None, 200


def key_for(
    kind: str, services: Services, db_key: tuple[str, str]
) -> tuple[str | None, str | None]:
    """(key to present, the name the audit should show)."""
    assert services.admin is not None
    if kind == "none":
        return None, None
    if kind == "bad":
        return "ba_" + uuid.uuid4().hex, None
    if kind == "revoked":
        revoke_key(services.admin, db_key[0], datetime.now(UTC))
        return db_key[1], None
    if kind == "env":
        return ENV_KEY, ENV_NAME
    return db_key[1], db_key[0]


@pytest.mark.parametrize("kind", KEYS)
@pytest.mark.parametrize("route", ROUTES)
def test_every_route_needs_a_live_key_and_every_call_is_audited(
    client: FlaskClient, services: Services, db_key: tuple[str, str], route: str, kind: str
) -> None:
    method, path, body, ok = request_for(route, client, services)
    key, name = key_for(kind, services, db_key)
    response = call(client, method, path, key, body)
    audit = last_audit(services)
    if name is None:
        assert response.status_code == 401
        assert response.get_json()["error"]["code"] == "unauthorized"
        assert response.headers["WWW-Authenticate"].startswith("Bearer realm=")
        assert (audit.key_name, audit.status) == (None, 401)
    else:
        assert response.status_code == ok, response.get_data(as_text=True)
        assert (audit.key_name, audit.status) == (name, ok)
    assert audit.method == method and audit.path.startswith(API)
    assert key is None or key not in json.dumps([audit.path, audit.detail])


def test_a_refused_revoke_changes_nothing(client: FlaskClient, services: Services) -> None:
    phone, _ = seed_user(services)
    grant_id = grant(client, phone).get_json()["id"]
    refused = call(client, "POST", f"{API}/grants/{grant_id}/revoke", "wrong", {"reason": "x"})
    assert refused.status_code == 401
    user = call(client, "GET", f"{API}/users/{phone}", ENV_KEY).get_json()
    assert [e["status"] for e in user["entitlements"]] == ["active"]


@pytest.mark.parametrize("header", ["Basic " + ENV_KEY, ENV_KEY, "Bearer", "Bearer  "])
def test_a_key_outside_a_bearer_header_is_refused(client: FlaskClient, header: str) -> None:
    response = client.get(f"{API}/orders", headers={"Authorization": header})
    assert response.status_code == 401


def test_unknown_admin_paths_are_refused_without_a_key_and_audited(
    client: FlaskClient, services: Services
) -> None:
    assert client.get(f"{API}/nothing-here").status_code == 401
    assert last_audit(services).path == f"{API}/nothing-here"
    found = call(client, "GET", f"{API}/nothing-here", ENV_KEY)
    assert found.status_code == 404 and found.get_json()["error"]["code"] == "not_found"
    assert (last_audit(services).key_name, last_audit(services).status) == (ENV_NAME, 404)


def test_the_audit_keeps_no_phone_number(client: FlaskClient, services: Services) -> None:
    phone, _ = seed_user(services)
    call(client, "GET", f"{API}/orders?phone={phone}&status=paid", ENV_KEY)
    orders = last_audit(services)
    call(client, "GET", f"{API}/users/{phone}", ENV_KEY)
    user = last_audit(services)
    assert orders.detail == {"query": {"phone": "#" + phone_hash(phone), "status": "paid"}}
    assert user.path == f"{API}/users/<phone>" and user.detail == {"phone": "#" + phone_hash(phone)}
    granted = grant(client, phone).get_json()
    assert last_audit(services).detail == {
        "product": "qna",
        "quantity": 4,
        "grant_id": granted["id"],
    }
    assert phone not in json.dumps([orders.detail, user.detail, user.path])


# --- orders -------------------------------------------------------------------------------


def test_orders_are_filtered_by_phone_status_and_limit(
    client: FlaskClient, services: Services
) -> None:
    statuses = [OrderStatus.PAID, OrderStatus.EXPIRED, OrderStatus.PAID, OrderStatus.REVIEW]
    phone, ids = seed_user(services, statuses)
    seed_user(services, [OrderStatus.PAID])

    def listed(query: str) -> list[dict[str, Any]]:
        response = call(client, "GET", f"{API}/orders?{query}", ENV_KEY)
        assert response.status_code == 200, response.get_data(as_text=True)
        orders: list[dict[str, Any]] = response.get_json()["orders"]
        return orders

    assert [o["id"] for o in listed(f"phone={phone}")] == ids[::-1]
    assert [o["id"] for o in listed(f"phone={phone}&status=paid")] == [ids[2], ids[0]]
    assert [o["id"] for o in listed(f"phone={phone.replace('+', '%2B')}&limit=2")] == ids[:1:-1]
    paid = listed("status=paid&limit=3")
    assert len(paid) == 3 and {o["status"] for o in paid} == {"paid"}
    newest = listed(f"phone={phone}&limit=1")[0]
    assert newest["phone"] == phone and newest["amount_paise"] == 19900
    assert (newest["product"], newest["currency"], newest["status"]) == ("kundali", "INR", "review")
    assert datetime.fromisoformat(newest["created_at"]).utcoffset() == timedelta(0)
    (attempt,) = newest["attempts"]
    assert set(attempt) >= {"reference_id", "link_id", "url", "status", "expires_at"}
    assert attempt["link_id"].startswith("plink_") and attempt["status"] == "issued"


def test_an_order_shows_a_second_payment_that_must_be_handed_back(
    client: FlaskClient, services: Services
) -> None:
    order = live_order(services)
    assert post_event(client, order.payload(rp.payment_link_paid())).status_code == 200
    again = order.payload(rp.payment_event("payment.captured", "captured"), payment_id="pay_twice")
    assert post_event(client, again).status_code == 200
    response = call(client, "GET", f"{API}/orders?phone={order.phone}", ENV_KEY)
    (listed,) = response.get_json()["orders"]
    assert (listed["status"], listed["paid_payment_id"]) == ("paid", order.payment_id)
    assert listed["payments"] == {order.payment_id: "paid", "pay_twice": "flagged"}


def test_flagged_lists_the_orders_holding_money_a_human_must_act_on(
    client: FlaskClient, services: Services
) -> None:
    def flagged() -> set[int]:
        response = call(client, "GET", f"{API}/orders?flagged=true&limit=500", ENV_KEY)
        assert response.status_code == 200, response.get_data(as_text=True)
        return {order["id"] for order in response.get_json()["orders"]}

    paid_twice, short, fine, disputed = (live_order(services) for _ in range(4))
    for order in (paid_twice, fine, disputed):
        post_event(client, order.payload(rp.payment_link_paid()))
    twice = f"pay_twice_{paid_twice.order_id}"
    captured = rp.payment_event("payment.captured", "captured")
    post_event(client, paid_twice.payload(captured, payment_id=twice))
    post_event(client, short.payload(rp.payment_link_paid(), amount=short.amount_paise - 1))
    post_event(client, disputed.payload(rp.dispute_created()))
    listed = flagged()
    assert {paid_twice.order_id, short.order_id, disputed.order_id} <= listed
    assert fine.order_id not in listed
    # Handing the money back takes an order off the list; its own payment stays paid.
    for order, payment_id in ((paid_twice, twice), (short, short.payment_id)):
        refund = order.payload(rp.refund_processed(amount=rp.AMOUNT), payment_id=payment_id)
        assert post_event(client, refund).status_code == 200
    listed = flagged()
    assert paid_twice.order_id not in listed and short.order_id not in listed
    response = call(client, "GET", f"{API}/orders?phone={paid_twice.phone}", ENV_KEY)
    (order,) = response.get_json()["orders"]
    assert (order["status"], order["payments"]) == (
        "paid",
        {paid_twice.payment_id: "paid", twice: "refunded"},
    )
    assert grants(services, paid_twice) == 1  # the grant stands
    everything = call(client, "GET", f"{API}/orders?flagged=false&limit=500", ENV_KEY)
    assert fine.order_id in {order["id"] for order in everything.get_json()["orders"]}


@pytest.mark.parametrize(
    "query",
    [
        "phone=98100",
        "status=paidish",
        "flagged=yes",
        "limit=0",
        "limit=501",
        "limit=ten",
        "limit=-1",
        "limit=%C2%B2",  # "²" is a digit to str.isdigit, not to int()
        "limit=" + "9" * 5000,
    ],
)
def test_bad_order_filters_are_400(client: FlaskClient, query: str) -> None:
    response = call(client, "GET", f"{API}/orders?{query}", ENV_KEY)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


# --- users, grants, revokes ---------------------------------------------------------------


def test_user_detail_counts_qna_credits_through_grant_use_and_revoke(
    client: FlaskClient, services: Services
) -> None:
    phone, order_ids = seed_user(services, [OrderStatus.CANCELLED] * 12)
    first = grant(client, phone).get_json()  # a pack: 4
    with services.unit_of_work() as uow:
        user_id = uow.users.user_id_for(phone)
        assert user_id is not None
        lines = uow.ledger.entries(user_id, Product.QNA)
        uow.ledger.record(user_id, consume(lines, Product.QNA, "SM1" + phone, datetime.now(UTC)))
        uow.commit()
    second = grant(client, phone, quantity=2).get_json()

    def detail() -> dict[str, Any]:
        response = call(client, "GET", f"{API}/users/{phone}", ENV_KEY)
        assert response.status_code == 200, response.get_data(as_text=True)
        body: dict[str, Any] = response.get_json()
        return body

    before = detail()
    assert before["qna_credits"] == 5  # 4 - 1 used + 2
    revoked = call(client, "POST", f"{API}/grants/{first['id']}/revoke", ENV_KEY, {"reason": "x"})
    assert revoked.status_code == 200
    after = detail()
    assert after["qna_credits"] == 2  # the first pack's 3 unused are gone
    assert [(e["id"], e["status"]) for e in after["entitlements"]] == [
        (first["id"], "revoked"),
        (second["id"], "active"),
    ]
    assert (after["phone"], after["language"], after["proactive_opt_out"]) == (phone, "hi", False)
    assert after["profile"] == {
        "name": "Asha",
        "birth_date": "1990-08-15",
        "birth_time": "22:30",
        "place": "Pune, India",
    }
    assert [o["id"] for o in after["recent_orders"]] == order_ids[::-1][:10]


def test_grant_and_revoke_round_trip(client: FlaskClient, services: Services) -> None:
    phone, _ = seed_user(services)
    created = grant(client, phone, "milan")
    assert created.status_code == 201
    body = created.get_json()
    assert (body["product"], body["status"], body["order_id"], body["quantity"]) == (
        "milan",
        "active",
        None,
        1,
    )
    assert body["reason"] == "goodwill" and body["revoked_at"] is None
    assert datetime.fromisoformat(body["granted_at"]).utcoffset() == timedelta(0)
    (stored,) = sql(
        services, "SELECT key, reason FROM entitlement_ledger WHERE id = :i", i=body["id"]
    )
    assert stored.key.startswith("grant:m-") and stored.reason == "goodwill"

    path = f"{API}/grants/{body['id']}/revoke"
    revoked = call(client, "POST", path, ENV_KEY, {"reason": " charged back "})
    assert revoked.status_code == 200
    after = revoked.get_json()
    assert (after["id"], after["status"], after["revoke_reason"]) == (
        body["id"],
        "revoked",
        "charged back",
    )
    assert datetime.fromisoformat(after["revoked_at"]) >= datetime.fromisoformat(body["granted_at"])
    again = call(client, "POST", path, ENV_KEY, {"reason": "twice"})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "already_revoked"
    (undo,) = sql(
        services,
        "SELECT reason FROM entitlement_ledger WHERE key = :k",
        k="revoke:" + stored.key[6:],
    )
    assert undo.reason == "charged back"


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"reason": None}, 400),
        ({"reason": "   "}, 400),
        ({"reason": "x" * 201}, 400),
        ({"product": "tarot"}, 400),
        ({"product": None}, 400),
        ({"phone": "98100"}, 400),
        ({"phone": None}, 400),
        ({"phone": "+911234567890"}, 404),
        ({"product": "kundali", "quantity": 3}, 400),
        ({"quantity": 0}, 400),
        ({"quantity": "3"}, 400),
        ({"quantity": True}, 400),
        ({"quantity": 101}, 400),
    ],
)
def test_bad_grants_are_refused(
    client: FlaskClient, services: Services, change: dict[str, Any], status: int
) -> None:
    phone, _ = seed_user(services)
    body = {"phone": phone, "product": "qna", "reason": "goodwill"}
    body.update(change)
    response = call(
        client, "POST", f"{API}/grants", ENV_KEY, {k: v for k, v in body.items() if v is not None}
    )
    assert response.status_code == status, response.get_data(as_text=True)
    assert set(response.get_json()["error"]) == {"code", "message"}


def test_a_body_that_is_not_a_json_object_is_400(client: FlaskClient) -> None:
    headers = {"Authorization": f"Bearer {ENV_KEY}", "Content-Type": "application/json"}
    for body in ("not json", "[1, 2]"):
        response = client.post(f"{API}/grants", data=body, headers=headers)
        assert response.status_code == 400


def test_revoking_what_is_not_a_grant_is_404_and_a_missing_reason_400(
    client: FlaskClient, services: Services
) -> None:
    phone, _ = seed_user(services)
    grant_id = grant(client, phone).get_json()["id"]
    call(client, "POST", f"{API}/grants/{grant_id}/revoke", ENV_KEY, {"reason": "x"})
    (revoke_line,) = sql(services, "SELECT max(id) AS id FROM entitlement_ledger")
    for target in (revoke_line.id, 2**40, 2**70):
        response = call(client, "POST", f"{API}/grants/{target}/revoke", ENV_KEY, {"reason": "x"})
        assert response.status_code == 404, target
    assert call(client, "POST", f"{API}/grants/{grant_id}/revoke", ENV_KEY, {}).status_code == 400


# --- reconcile ----------------------------------------------------------------------------


def test_reconcile_runs_the_sweep_and_says_what_changed(
    client: FlaskClient, services: Services
) -> None:
    runs: list[int] = []

    def sweep() -> dict[str, int]:
        runs.append(1)
        return {"fetched": 2, "paid": 1}

    services.sweeps["reconcile"] = sweep
    response = call(client, "POST", f"{API}/reconcile", ENV_KEY)
    assert (response.status_code, response.get_json()) == (
        200,
        {"changed": {"fetched": 2, "paid": 1}},
    )
    assert runs == [1]
    del services.sweeps["reconcile"]
    missing = call(client, "POST", f"{API}/reconcile", ENV_KEY)
    assert missing.status_code == 503 and missing.get_json()["error"]["code"] == "unavailable"
