"""GET /metrics over HTTP: admin key, webhook counters and latencies, database gauges."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from prometheus_client.parser import text_string_to_metric_families

from backend.bootstrap import Services, bootstrap
from infrastructure.db.models import UserRow
from infrastructure.db.payment_models import OrderRow, OutboxRow
from tests.e2e.analytics_rows import far_order_id
from tests.support import make_settings
from tests.whatsapp import ChatUser, unique_phone

KEY = "ba_metrics_" + uuid.uuid4().hex
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    """Real services with one admin key (overrides conftest's)."""
    digest = hashlib.sha256(KEY.encode()).hexdigest()
    built = bootstrap(make_settings(database_url, admin_api_keys=f"prometheus:{digest}"))
    yield built
    built.close()


def scrape(client: FlaskClient) -> tuple[set[str], Samples]:
    """(metric family names, every sample by name and labels) from an authorised scrape."""
    response = client.get("/metrics", headers={"Authorization": f"Bearer {KEY}"})
    assert response.status_code == 200
    assert response.content_type == "text/plain; version=0.0.4; charset=utf-8"
    families = list(text_string_to_metric_families(response.get_data(as_text=True)))
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value for f in families for s in f.samples
    }
    return {f.name for f in families}, samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.mark.parametrize("header", [None, "Bearer ba_wrong", "Basic " + KEY, f"Token {KEY}"])
def test_metrics_need_a_valid_admin_key(client: FlaskClient, header: str | None) -> None:
    response = client.get("/metrics", headers={"Authorization": header} if header else {})

    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_messages_replies_and_webhook_latency_are_counted(client: FlaskClient) -> None:
    _, before = scrape(client)
    route = {"route": "/webhooks/twilio/whatsapp"}

    answers = ChatUser(client).send("hi") + ChatUser(client).send("hello")
    client.post("/webhooks/razorpay", data=b"{}", headers={"X-Razorpay-Signature": "00"})

    names, after = scrape(client)
    assert (
        value(after, "boloastro_inbound_messages_total")
        - value(before, "boloastro_inbound_messages_total")
        == 2
    )
    assert (
        value(after, "boloastro_replies_total") - value(before, "boloastro_replies_total")
        == len(answers)
        > 0
    )
    count = "boloastro_webhook_latency_seconds_count"
    assert value(after, count, **route) - value(before, count, **route) == 2
    razorpay = {"route": "/webhooks/razorpay"}
    assert value(after, count, **razorpay) - value(before, count, **razorpay) == 1
    assert "boloastro_rate_limited" in names


def test_orders_by_status_and_the_outbox_are_read_from_the_database(
    client: FlaskClient, services: Services
) -> None:
    _, before = scrape(client)
    now = datetime.now(UTC)
    with services.unit_of_work() as uow:
        conn: sa.Connection = uow.connection  # type: ignore[attr-defined]
        user = conn.execute(sa.insert(UserRow).values(phone=unique_phone(), created_at=now))
        uid = user.inserted_primary_key[0]  # type: ignore[index]
        for status in ("review", "review", "refunded"):
            conn.execute(
                sa.insert(OrderRow).values(
                    id=far_order_id(), user_id=uid, product="qna", amount_paise=9900,
                    status=status, profile_ids=[], payments={}, created_at=now, updated_at=now,
                )
            )  # fmt: skip
        for status in ("pending", "pending", "dead", "sent"):
            conn.execute(
                sa.insert(OutboxRow).values(
                    user_id=uid, kind="paid", dedupe_key=f"test:{uuid.uuid4().hex}",
                    body="-", status=status, attempts=0, next_attempt_at=now, created_at=now,
                )
            )  # fmt: skip
        uow.commit()

    _, after = scrape(client)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("boloastro_orders", status="review") == 2
    assert grew("boloastro_orders", status="refunded") == 1
    assert grew("boloastro_orders", status="paid") == 0
    assert ("boloastro_orders", (("status", "disputed"),)) in after  # every status, zeros too
    assert grew("boloastro_outbox_backlog") == 2
    assert grew("boloastro_outbox_dead_letters") == 1
    assert value(after, "boloastro_metrics_database_up") == 1


def test_without_database_gauges_a_scrape_still_answers(
    client: FlaskClient, services: Services
) -> None:
    services.analytics = None  # as when the database fails between the key check and the count

    names, samples = scrape(client)

    assert value(samples, "boloastro_metrics_database_up") == 0
    assert "boloastro_orders" not in names
    assert "boloastro_inbound_messages" in names


def test_a_scrape_with_the_database_down_is_a_503_not_a_500() -> None:
    from backend.api.app import create_app

    digest = hashlib.sha256(KEY.encode()).hexdigest()
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"
    built = bootstrap(make_settings(url, admin_api_keys=f"prometheus:{digest}"))
    try:
        client = create_app(built).test_client()
        response = client.get("/metrics", headers={"Authorization": f"Bearer {KEY}"})
    finally:
        built.close()

    # Stored keys cannot be read, so the caller cannot be checked: Prometheus marks it down.
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "unavailable"


def test_prometheus_asking_for_openmetrics_gets_it(client: FlaskClient) -> None:
    accept = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"
    headers = {"Authorization": f"Bearer {KEY}", "Accept": accept}

    response = client.get("/metrics", headers=headers)

    assert response.status_code == 200
    assert response.content_type.startswith("application/openmetrics-text; version=1.0.0")
    assert response.get_data(as_text=True).endswith("# EOF\n")
