"""Rate limits over HTTP: a WhatsApp flood, per-IP admin limits, two processes, Redis outages."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

import pytest
import requests
import sqlalchemy as sa
from flask.testing import FlaskClient
from prometheus_client import REGISTRY

from backend.api.app import create_app
from backend.bootstrap import Services, bootstrap
from bot_flows import catalog
from infrastructure.twilio.signatures import sign_like_twilio
from tests.conftest import need_service
from tests.redis_server import RedisServer, free_port
from tests.support import PUBLIC_BASE_URL, TEST_AUTH_TOKEN, make_settings
from tests.whatsapp import WEBHOOK, ChatUser, message_form, unique_phone

FLOOD, LIMIT, ADMIN_LIMIT = 60, 5, 3
ADMIN_KEY = "ba_env_" + uuid.uuid4().hex
ORDERS = "/admin/api/v1/orders?limit=1"
SLOW_EN, SLOW_HI = catalog.MESSAGES["en"]["slow_down"], catalog.MESSAGES["hi"]["slow_down"]


def limited_services(database_url: str, **overrides: object) -> Services:
    """Real services with small limits and one admin key."""
    digest = hashlib.sha256(ADMIN_KEY.encode()).hexdigest()
    settings = make_settings(
        database_url,
        rate_limit_per_minute=LIMIT,
        admin_rate_limit_per_minute=ADMIN_LIMIT,
        admin_api_keys=f"ops:{digest}",
        **overrides,
    )
    return bootstrap(settings)


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    """No REDIS_URL: the limits live in this process (overrides conftest's services)."""
    built = limited_services(database_url)
    yield built
    built.close()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A private redis-server the test may stop (the shared one is never touched)."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def inbound_stored(database_url: str, phone: str) -> int:
    """How many inbound messages of this number reached the database."""
    engine = sa.create_engine(database_url)
    sql = (
        "SELECT COUNT(*) FROM messages m JOIN users u ON u.id = m.user_id "
        "WHERE u.phone = :p AND m.direction = 'in'"
    )
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(sql), {"p": phone}).scalar_one())
    finally:
        engine.dispose()


def counted(name: str, **labels: str) -> float:
    """A counter's current value on the default Prometheus registry."""
    return REGISTRY.get_sample_value(name, labels) or 0.0


def admin_get(client: FlaskClient, path: str, ip: str = "127.0.0.1", key: str = ADMIN_KEY) -> int:
    headers = {"Authorization": f"Bearer {key}"}
    return client.get(path, headers=headers, environ_base={"REMOTE_ADDR": ip}).status_code


def check_flood(answers: list[list[str]]) -> None:
    """Served up to the limit, one bilingual notice, then empty replies."""
    assert len(answers) == FLOOD
    assert all(answers[:LIMIT]) and not any(SLOW_EN in "".join(a) for a in answers[:LIMIT])
    assert answers[LIMIT] == [f"{SLOW_EN}\n\n{SLOW_HI}"]  # no language chosen yet
    assert answers[LIMIT + 1 :] == [[]] * (FLOOD - LIMIT - 1)


def test_a_flood_is_limited_after_the_configured_count_and_others_are_served(
    client: FlaskClient, database_url: str
) -> None:
    before = counted("boloastro_rate_limited_total", route="whatsapp")
    flooder = ChatUser(client)
    check_flood([flooder.send("hi") for _ in range(FLOOD)])
    assert inbound_stored(database_url, flooder.phone) == LIMIT  # refused ones wrote nothing
    assert counted("boloastro_rate_limited_total", route="whatsapp") - before == FLOOD - LIMIT
    assert "BoloAstro" in ChatUser(client).say("hi")


def test_the_notice_speaks_the_language_the_user_chose(client: FlaskClient) -> None:
    user = ChatUser(client)
    user.send("hi")
    assert catalog.MESSAGES["hi"]["language_set"] in user.say("2")
    for _ in range(LIMIT - 2):
        assert user.send("मेनू")
    assert user.send("मेनू") == [SLOW_HI]
    assert user.send("मेनू") == []


def test_admin_calls_are_limited_per_ip_and_metrics_share_the_budget(client: FlaskClient) -> None:
    assert [admin_get(client, ORDERS) for _ in range(ADMIN_LIMIT)] == [200] * ADMIN_LIMIT
    refused = client.get(ORDERS, headers={"Authorization": f"Bearer {ADMIN_KEY}"})
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == "rate_limited"
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert client.get("/metrics").status_code == 429
    assert admin_get(client, ORDERS, ip="10.1.2.3") == 200
    # Guessing keys spends the same budget.
    guesses = [admin_get(client, ORDERS, ip="10.9.9.9", key="guess") for _ in range(4)]
    assert guesses == [401] * ADMIN_LIMIT + [429]


def test_behind_a_trusted_proxy_each_client_ip_has_its_own_budget(database_url: str) -> None:
    services = limited_services(database_url, trusted_proxy_hops=1)
    try:
        client = create_app(services).test_client()

        def get(forwarded_for: str) -> int:
            headers = {"Authorization": f"Bearer {ADMIN_KEY}", "X-Forwarded-For": forwarded_for}
            proxy = {"REMOTE_ADDR": "10.0.0.1"}  # every request comes through the proxy
            return client.get(ORDERS, headers=headers, environ_base=proxy).status_code

        assert [get("203.0.113.7") for _ in range(ADMIN_LIMIT + 1)][-1] == 429
        assert get("198.51.100.9") == 200  # another client behind the same proxy
        # A client cannot pick its address: only the hop the proxy appended counts.
        assert get("198.51.100.9, 203.0.113.7") == 429
    finally:
        services.close()


def test_chat_continues_and_admin_fails_closed_when_redis_stops(
    database_url: str, own_redis: RedisServer
) -> None:
    services = limited_services(database_url, redis_url=own_redis.url)
    try:
        client = create_app(services).test_client()
        user = ChatUser(client)
        assert all(user.send("hi") for _ in range(LIMIT - 1))
        assert admin_get(client, ORDERS) == 200
        errors = counted("boloastro_rate_limit_errors_total")
        own_redis.stop()
        # Past the limit, yet every message is answered: the limit fails open.
        assert all(user.send("hi") for _ in range(LIMIT))
        assert inbound_stored(database_url, user.phone) == 2 * LIMIT - 1
        assert counted("boloastro_rate_limit_errors_total") > errors
        refused = client.get(ORDERS, headers={"Authorization": f"Bearer {ADMIN_KEY}"})
        assert refused.status_code == 503
        assert refused.get_json()["error"]["code"] == "unavailable"
    finally:
        services.close()


def test_two_web_processes_share_the_limit_on_redis(tmp_path: Path, project_root: Path) -> None:
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    env = {
        **os.environ,
        "BOLOASTRO_ENV": "test",
        "DATABASE_URL": database,
        "REDIS_URL": need_service("TEST_REDIS_URL"),
        "RATE_LIMIT_KEY_PREFIX": f"test-rl-{uuid.uuid4().hex[:10]}",
        "RATE_LIMIT_PER_MINUTE": str(LIMIT),
        "TWILIO_AUTH_TOKEN": TEST_AUTH_TOKEN,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
    }
    command = [sys.executable, "-m", "backend.cli.main"]
    migrated = subprocess.run(
        [*command, "migrate"], env=env, cwd=project_root, capture_output=True, text=True
    )
    assert migrated.returncode == 0, migrated.stderr
    with web_processes(command, env, project_root, tmp_path) as ports:
        phone = unique_phone()
        check_flood([post(ports[i % 2], phone, "hi") for i in range(FLOOD)])
        other = unique_phone()
        assert all(post(port, other, "hi") for port in ports)
    assert inbound_stored(database, phone) == LIMIT


def post(port: int, phone: str, body: str) -> list[str]:
    """Send a Twilio-signed message to the web process on `port`; the TwiML replies."""
    form = message_form(phone, body)
    signature = sign_like_twilio(TEST_AUTH_TOKEN, f"{PUBLIC_BASE_URL}{WEBHOOK}", form)
    response = requests.post(
        f"http://127.0.0.1:{port}{WEBHOOK}",
        data=form,
        headers={"X-Twilio-Signature": signature},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    root = ElementTree.fromstring(response.text)
    return ["".join(m.itertext()) for m in root.iter("Message")]


@contextmanager
def web_processes(
    command: list[str], env: dict[str, str], cwd: Path, logs: Path
) -> Iterator[tuple[int, int]]:
    """Two `boloastro serve` processes on their own ports, stopped afterwards."""
    ports = (free_port(), free_port())
    servers: list[subprocess.Popen[bytes]] = []
    try:
        for port in ports:
            with (logs / f"serve-{port}.log").open("wb") as log:
                serve = [*command, "serve", "--port", str(port), "--workers", "1"]
                servers.append(subprocess.Popen(serve, env=env, cwd=cwd, stdout=log, stderr=log))
        for port, server in zip(ports, servers, strict=True):
            wait_healthy(port, server, logs / f"serve-{port}.log")
        yield ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def wait_healthy(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    """Poll /healthz until the process answers; fail with its log if it never does."""
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, log.read_text()
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
