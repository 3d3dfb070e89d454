"""The processes of scripts/scale_test.py: two `boloastro serve`, two `boloastro worker`.

All four share one fresh PostgreSQL schema and one Redis (under a key prefix of their own),
run in test mode with the sandbox gateway, and send WhatsApp through a local Twilio stub. A
round-robin forwarder stands in for the load balancer at PUBLIC_BASE_URL.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
import sqlalchemy as sa
from bench_webhook import Server, bench_schema, free_port, start_server


@dataclass(frozen=True)
class Stack:
    """What the players need to talk to the running stack."""

    web_ports: tuple[int, ...]
    public_base_url: str
    auth_token: str
    database_url: str
    workdir: Path


def boloastro() -> list[str]:
    """The CLI entry point of this virtualenv."""
    script = Path(sys.executable).with_name("boloastro")
    return [str(script)] if script.exists() else [sys.executable, "-m", "backend.cli.main"]


def stack_env(
    database_url: str, redis_url: str, public_base_url: str, twilio: tuple[str, str, str]
) -> dict[str, str]:
    """Settings for every process; twilio is (API URL, account sid, auth token)."""
    # Test mode, sandbox payments, secrets made for this run.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAZORPAY_", "TWILIO_"))}
    env.pop("SOURCE_URL", None)
    return env | {
        "BOLOASTRO_ENV": "test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # Its own key space in the shared Redis; limits high enough never to hold a user up.
        "RATE_LIMIT_KEY_PREFIX": f"scale-{secrets.token_hex(4)}",
        "RATE_LIMIT_PER_MINUTE": "100000",
        "RATE_LIMIT_PER_HOUR": "1000000",
        "PUBLIC_BASE_URL": public_base_url,
        "PAYMENT_GATEWAY": "sandbox",
        "RAZORPAY_WEBHOOK_SECRET": secrets.token_urlsafe(24),
        "TWILIO_API_URL": twilio[0],
        "TWILIO_ACCOUNT_SID": twilio[1],
        "TWILIO_AUTH_TOKEN": twilio[2],
    }


def start_worker(name: str, env: dict[str, str], workdir: Path) -> Server:
    """A `boloastro worker` polling often, so the outbox drains quickly."""
    log = workdir / f"{name}.log"
    command = [*boloastro(), "worker", "--poll-seconds", "0.2", "--sweep-seconds", "15"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            env=env,
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(name, process, 0, log)
    deadline = time.monotonic() + 120
    while "worker started" not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"{name} did not start:\n{server.log_tail()}")
        time.sleep(0.2)
    return server


def start_balancer(ports: tuple[int, ...], workdir: Path) -> Server:
    """The round-robin forwarder (scripts/scale_proxy.py) in a process of its own."""
    log = workdir / "balancer.log"
    command = [sys.executable, str(Path(__file__).with_name("scale_proxy.py")), *map(str, ports)]
    with log.open("wb") as err:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=err, start_new_session=True
        )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.isdigit():
        process.kill()
        raise RuntimeError(f"the balancer did not start: {log.read_text(errors='replace')}")
    return Server("balancer", process, int(line), log)


def forget_keys(redis_url: str, prefix: str) -> None:
    """Delete this run's rate-limit keys from the shared Redis."""
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
        for start in range(0, len(keys), 500):
            client.delete(*keys[start : start + 500])
    finally:
        client.close()


@contextmanager
def running_stack(
    base_database_url: str, redis_url: str, twilio: tuple[str, str, str], workdir: Path
) -> Iterator[Stack]:
    """Migrate a fresh schema, start 2 web instances and 2 workers; stop and drop on exit."""
    with ExitStack() as stack:
        database_url = stack.enter_context(bench_schema(base_database_url))
        ports = (free_port(), free_port())
        balancer = start_balancer(ports, workdir)
        stack.callback(balancer.stop)
        public = f"http://127.0.0.1:{balancer.port}"  # the sandbox posts its webhooks here
        env = stack_env(database_url, redis_url, public, twilio)
        stack.callback(forget_keys, redis_url, env["RATE_LIMIT_KEY_PREFIX"])
        web = [*boloastro(), "serve", "--host", "127.0.0.1", "--workers", "2", "--threads", "4"]
        for number, port in enumerate(ports, start=1):
            command = [*web, "--port", str(port)]
            stack.callback(start_server(f"web{number}", command, env, port, workdir).stop)
        for number in (1, 2):
            stack.callback(start_worker(f"worker{number}", env, workdir).stop)
        yield Stack(ports, public, env["TWILIO_AUTH_TOKEN"], database_url, workdir)


def wait_for_drain(
    database_url: str, delivered: Callable[[], int], events: int, timeout_s: float = 180
) -> float:
    """Seconds until all `events` are recorded, nothing is pending in the outbox and the stub
    has every sent message (a webhook answered late may still be on its way in)."""
    engine = sa.create_engine(database_url)
    started = time.monotonic()
    try:
        while True:
            with engine.connect() as conn:
                pending, sent, recorded = conn.execute(sa.text(_PROGRESS)).one()
            if recorded >= events and pending == 0 and delivered() >= sent:
                return time.monotonic() - started
            if time.monotonic() - started > timeout_s:
                raise RuntimeError(
                    f"no drain in {timeout_s:.0f} s: {recorded} of {events} events recorded, "
                    f"{pending} outbox rows pending, stub has {delivered()} of {sent} sent"
                )
            time.sleep(0.5)
    finally:
        engine.dispose()


_PROGRESS = (
    "SELECT count(*) FILTER (WHERE status = 'pending'),"
    " count(*) FILTER (WHERE status = 'sent'), (SELECT count(*) FROM payment_events)"
    " FROM outbox"
)
