"""Logs as JSON lines with a request id, route, status and latency, and no personal data."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from _pytest.capture import CaptureResult
from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import bootstrap
from backend.domain.phone import phone_hash
from tests.support import make_settings
from tests.whatsapp import WEBHOOK, message_form, post_signed, unique_phone


def json_lines(captured: CaptureResult[str]) -> list[dict[str, Any]]:
    """Every line written, each of which must be one JSON object."""
    lines = [line for line in (captured.out + captured.err).splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def request_lines(records: list[dict[str, Any]], route: str) -> list[dict[str, Any]]:
    return [r for r in records if r["event"] == "request" and r["route"] == route]


def test_a_webhook_request_is_one_json_line_without_the_number_or_the_text(
    client: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    phone, secret_text = unique_phone(), f"my secret words {uuid.uuid4().hex}"
    capsys.readouterr()

    response = post_signed(client, message_form(phone, "hi"))
    response = post_signed(client, message_form(phone, secret_text))

    captured = capsys.readouterr()
    everything = captured.out + captured.err
    assert response.status_code == 200
    assert phone not in everything and phone[1:] not in everything
    assert secret_text not in everything and "secret words" not in everything
    lines = request_lines(json_lines(captured), WEBHOOK)
    assert len(lines) == 2
    last = lines[-1]
    assert last["request_id"] == response.headers["X-Request-Id"]
    assert last["status"] == 200 and last["method"] == "POST" and last["level"] == "info"
    assert isinstance(last["latency_ms"], float) and last["latency_ms"] >= 0
    assert last["phone_hash"] == phone_hash(phone)
    assert last["timestamp"].endswith("Z")
    assert lines[0]["request_id"] != lines[1]["request_id"]


def test_the_callers_request_id_is_kept_and_echoed(
    client: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    given = "lb-" + uuid.uuid4().hex

    response = client.get("/source", headers={"X-Request-Id": given})

    assert response.headers["X-Request-Id"] == given
    assert request_lines(json_lines(capsys.readouterr()), "/source")[-1]["request_id"] == given


@pytest.mark.parametrize("given", ["", "x" * 65, "has space", "<script>", "ünïcode"])
def test_an_odd_request_id_is_replaced(client: FlaskClient, given: str) -> None:
    response = client.get("/source", headers={"X-Request-Id": given})

    assert response.headers["X-Request-Id"] != given
    assert len(response.headers["X-Request-Id"]) == 32


def test_an_admin_path_is_logged_as_its_route_with_the_numbers_hash(
    client: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    phone = unique_phone()

    client.get(f"/admin/api/v1/users/{phone}?phone={phone}")

    captured = capsys.readouterr()
    assert phone not in captured.out + captured.err
    line = request_lines(json_lines(captured), "/admin/api/v1/users/<phone>")[-1]
    assert line["status"] == 401 and line["phone_hash"] == phone_hash(phone)


def test_stdlib_records_in_a_request_carry_its_request_id(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    services = bootstrap(make_settings(database_url, redis_url="redis://127.0.0.1:1/0"))
    try:
        client = create_app(services).test_client()
        client.get("/healthz")
        response = client.get("/readyz")
    finally:
        services.close()

    records = json_lines(capsys.readouterr())
    warning = next(r for r in records if r["logger"] == "backend.api.health")
    assert warning["level"] == "warning" and "redis" in warning["event"]
    assert warning["request_id"] == response.headers["X-Request-Id"]
    # Routine probes are logged at DEBUG, a failing one at INFO.
    assert request_lines(records, "/readyz")[-1]["status"] == 503
    assert not request_lines(records, "/healthz")
