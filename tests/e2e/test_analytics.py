"""GET /admin/api/v1/analytics/summary over HTTP: every figure against an independent reckoning."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from backend.bootstrap import Services, bootstrap
from backend.domain.analytics import IST
from tests.e2e import analytics_seed as seed
from tests.e2e.analytics_expected import expected
from tests.e2e.analytics_rows import store
from tests.support import make_settings

SUMMARY = "/admin/api/v1/analytics/summary"
KEY = "ba_analytics_" + uuid.uuid4().hex


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    """Real services with one admin key (overrides conftest's)."""
    digest = hashlib.sha256(KEY.encode()).hexdigest()
    built = bootstrap(make_settings(database_url, admin_api_keys=f"analyst:{digest}"))
    yield built
    built.close()


def get(client: FlaskClient, query: str = "", key: str | None = KEY) -> TestResponse:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get(SUMMARY + query, headers=headers)


def test_every_figure_matches_the_seeded_data(client: FlaskClient, services: Services) -> None:
    users = seed.generate(seed=20240611)
    store(services, users)
    want = expected(users)
    # A generated set that missed a case would prove little: make sure each one is there.
    assert all(want["funnel"].values()) and want["refunds"]["count"]
    assert want["retries_recovered"]["orders"] and want["payment_success_rate"]["rate"]
    assert 0 < want["users"]["new"] < want["users"]["total"] < len(users)

    response = get(client, f"?from={seed.FIRST}&to={seed.LAST}")

    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    for name, figure in want.items():
        assert body[name] == figure, name
    assert body["period"] == {
        "from": "1961-03-10",
        "to": "1961-03-20",
        "timezone": "Asia/Kolkata",
        "start": seed.START.isoformat(),
        "end": seed.END.isoformat(),
    }
    assert body["currency"] == "INR"
    assert {"paid_at", "funnel.details_complete", "refunds"} <= set(body["definitions"])


def test_an_empty_range_has_zero_figures_and_no_rate(client: FlaskClient) -> None:
    body = get(client, "?from=1950-01-01&to=1950-01-31").get_json()

    assert body["users"] == {"new": 0, "total": 0}
    assert set(body["funnel"].values()) == {0}
    assert body["payment_success_rate"] == {
        "rate": None,
        "orders_with_attempts": 0,
        "orders_paid": 0,
    }
    assert body["revenue_total"] == {
        "orders": 0,
        "paid_paise": 0,
        "refunded_paise": 0,
        "net_paise": 0,
    }
    assert set(body["revenue_by_product"]) == {"kundali", "qna", "milan"}


def test_the_default_range_is_the_last_30_ist_days(client: FlaskClient) -> None:
    before = datetime.now(UTC).astimezone(IST).date()
    period = get(client).get_json()["period"]
    after = datetime.now(UTC).astimezone(IST).date()

    assert period["to"] in {before.isoformat(), after.isoformat()}
    to = datetime.fromisoformat(period["to"]).date()
    assert period["from"] == (to - timedelta(days=29)).isoformat()


@pytest.mark.parametrize(
    "query",
    [
        "?from=2024-02-30&to=2024-03-01",
        "?from=20240101&to=2024-01-31",
        "?from=yesterday",
        "?from=2024-01-01&to=2024-01-01T00:00",
        "?from=2024-03-02&to=2024-03-01",
        "?from=2023-01-01&to=2024-01-02",
        "?from=" + "9" * 300,
    ],
)
def test_bad_ranges_are_a_400_json_error(client: FlaskClient, query: str) -> None:
    response = get(client, query)

    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"


def test_a_range_may_span_366_days_but_no_more(client: FlaskClient) -> None:
    assert get(client, "?from=2023-01-01&to=2024-01-01").status_code == 200
    assert get(client, "?from=2023-01-01&to=2024-01-02").status_code == 400


def test_the_summary_needs_an_admin_key(client: FlaskClient) -> None:
    assert get(client, key=None).status_code == 401
    assert get(client, key="ba_wrong").status_code == 401
