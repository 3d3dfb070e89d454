"""GET /readyz: ready only when the database and (when configured) Redis answer."""

from __future__ import annotations

from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import bootstrap
from tests.conftest import need_service
from tests.support import make_settings

# Nothing listens on port 1: the connection is refused at once.
DEAD_REDIS = "redis://127.0.0.1:1/0"


def readyz(database_url: str, redis_url: str | None) -> tuple[int, dict[str, object]]:
    services = bootstrap(make_settings(database_url, redis_url=redis_url))
    try:
        client: FlaskClient = create_app(services).test_client()
        response = client.get("/readyz")
        return response.status_code, response.get_json()
    finally:
        services.close()


def test_ready_without_redis_configured(database_url: str) -> None:
    assert readyz(database_url, None) == (200, {"status": "ready", "checks": {"database": "ok"}})


def test_ready_with_redis_up(database_url: str) -> None:
    status, body = readyz(database_url, need_service("TEST_REDIS_URL"))

    assert status == 200
    assert body["checks"] == {"database": "ok", "redis": "ok"}


def test_redis_down_is_not_ready(database_url: str) -> None:
    status, body = readyz(database_url, DEAD_REDIS)

    assert status == 503
    assert body == {"status": "unavailable", "checks": {"database": "ok", "redis": "unavailable"}}


def test_database_down_is_not_ready() -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"

    status, body = readyz(url, None)

    assert status == 503
    assert body["checks"] == {"database": "unavailable"}
