"""The least CPU any WhatsApp webhook must spend per message here, and the best ratio it allows.

scripts/bench_webhook.py compares the app with a bare Flask app that returns a fixed reply, and
the target is app req/s / bare req/s >= 0.35. Every correct implementation must do at least
what the bare app does (same gunicorn, same client, same signed requests) plus one PostgreSQL
transaction per message (the de-duplicating insert, the conversation's row lock, its update
and the reply: BEGIN, 4 statements, COMMIT) plus the rate limiter's Redis hits. This script
measures each of those with the cheapest tool there is:

  bare app        bench_webhook.py's bare target: machine CPU per request, client included
  PostgreSQL      the app's 4 statements from pgbench (C), 16 clients: the postgres processes'
                  CPU per transaction
  driver          the same transaction from Python with raw psycopg (no SQLAlchemy): CPU
  rate limiter    the app's own limiter on Redis, both windows (per minute, per hour): CPU
                  of the caller and of redis-server
  request         reading the form (werkzeug) and checking its signature with the twilio
                  SDK's RequestValidator, both of which the bare app skips

It adds them up and prints the most messages per second the machine could serve if nothing
else cost anything (no state machine, no chart, no ORM, no logging), and so the best ratio any
implementation could reach on this machine. Needs pgbench (Debian: postgresql-client).

    .venv/bin/python scripts/bench_floor.py [--seconds 15]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import sqlalchemy as sa
from bench_support import (
    WEBHOOK,
    LoadResult,
    Workload,
    cpu_used,
    decode_request,
    process_cpu,
)
from bench_webhook import (
    DEFAULT_DATABASE_URL,
    DEFAULT_REDIS_URL,
    PUBLIC_BASE_URL,
    TARGET_RATIO,
    bench_schema,
    machine_cpu_seconds,
    measure_targets,
)
from bench_webhook import parse_args as webhook_args
from scale_stack import forget_keys
from twilio.request_validator import RequestValidator
from werkzeug.formparser import parse_form_data

from backend.domain.rate_limit import Rate
from infrastructure.redis.rate_limit import build_rate_limits

USERS = 3000
CLIENTS = 16  # the webhook benchmark's connections
DRIVER_TRANSACTIONS = 3000
LIMITER_HITS = 3000
REQUESTS = 3000

# The statements the app sends for a message in a conversation that exists (what
# scripts/bench_profile.py and the SQL log show), as pgbench and psycopg take them.
_LOCK = (
    "SELECT users.id AS user_id, users.phone, users.language, conversations.id AS "
    "conversation_id, conversations.flow, conversations.state, conversations.context, "
    "conversations.version, conversations.last_inbound_at, birth_profiles.id AS profile_id, "
    "birth_profiles.name, birth_profiles.birth_date, birth_profiles.birth_time, "
    "birth_profiles.place_label, birth_profiles.latitude, birth_profiles.longitude, "
    "birth_profiles.timezone FROM users JOIN conversations ON conversations.user_id = users.id "
    "LEFT OUTER JOIN birth_profiles ON birth_profiles.id = users.profile_id "
    "WHERE users.phone = {phone} FOR NO KEY UPDATE OF users, conversations"
)
_INBOUND = (
    "INSERT INTO messages (user_id, direction, message_sid, body, created_at) "
    "VALUES ({uid}, 'in', {sid}, 'hello there', now()) "
    "ON CONFLICT (message_sid) DO NOTHING RETURNING messages.id"
)
_UPDATE = (
    "UPDATE conversations SET flow = 'main', state = 'menu', context = {context}::json, "
    "version = conversations.version + 1, last_inbound_at = now(), updated_at = now() "
    "WHERE conversations.id = {cid} AND conversations.version = {version}"
)
_REPLY = (
    "INSERT INTO messages (user_id, direction, message_sid, body, created_at) "
    "VALUES ({uid}, 'out', NULL, {body}, now())"
)
_REPLY_TEXT = "What would you like to do? 1 Kundali 2 Ask a question 3 Kundali Milan"
_PGBENCH_SCRIPT = "\n".join(
    [
        f"\\set u random(1, {USERS})",
        "BEGIN;",
        _LOCK.format(phone="'+9190' || lpad(:u::text, 8, '0')") + ";",
        _INBOUND.format(uid=":u", sid="'SM' || md5(random()::text)") + ";",
        _UPDATE.format(context="'{\"step\": 1}'", cid=":u", version="conversations.version") + ";",
        _REPLY.format(uid=":u", body=f"'{_REPLY_TEXT}'") + ";",
        "COMMIT;",
        "",
    ]
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="bare app and pgbench runs")
    parser.add_argument(
        "--database-url", default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_DATABASE_URL
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("TEST_REDIS_URL") or DEFAULT_REDIS_URL
    )
    args = parser.parse_args(argv)
    if args.seconds <= 0:
        parser.error("--seconds must be positive")
    args.pgbench = shutil.which("pgbench")
    if args.pgbench is None:
        parser.error("pgbench is not installed (Debian: apt-get install postgresql-client)")
    return args


def bare_ms(args: argparse.Namespace) -> tuple[float, float]:
    """The bare app's req/s and machine CPU (ms) per request, measured as bench_webhook does."""
    options = ["--targets", "bare", "--seconds", f"{args.seconds:g}"]
    options += ["--database-url", args.database_url, "--redis-url", args.redis_url]
    bare: LoadResult = measure_targets(webhook_args(options))["bare"]
    return bare.rate, 1000 * machine_cpu_seconds(bare) / bare.requests


def seed(url: str) -> None:
    """USERS users, each with a conversation, numbered like the pgbench script's phones."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO users (id, phone, proactive_opt_out, created_at) "
                    "SELECT g, '+9190' || lpad(g::text, 8, '0'), false, now() "
                    "FROM generate_series(1, :n) g"
                ),
                {"n": USERS},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO conversations (id, user_id, flow, state, context, version, "
                    "created_at, updated_at) SELECT g, g, 'main', 'menu', '{}'::json, 1, now(), "
                    "now() FROM generate_series(1, :n) g"
                ),
                {"n": USERS},
            )
    finally:
        engine.dispose()


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string and PGOPTIONS for the SQLAlchemy URL of a bench schema."""
    parsed = sa.engine.make_url(url)
    dsn = psycopg.conninfo.make_conninfo(
        host=parsed.host or "127.0.0.1",
        port=str(parsed.port or 5432),
        user=parsed.username or "postgres",
        dbname=parsed.database or "postgres",
    )
    options = str(parsed.query.get("options", ""))
    return dsn, {"PGOPTIONS": options, "PGPASSWORD": parsed.password or ""}


def postgres_ms(args: argparse.Namespace, url: str) -> tuple[float, float]:
    """Transactions per second under pgbench, and the postgres processes' CPU (ms) per one.

    Both are read over a window inside the run, while pgbench's backends are alive (a process
    that has exited no longer shows its CPU); the transactions are the committed messages.
    """
    dsn, env = _libpq(url)
    seconds = max(2.0, args.seconds)
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write(_PGBENCH_SCRIPT)
    command = [args.pgbench, "-n", "-M", "prepared", "-c", str(CLIENTS), "-j", "2"]
    command += ["-T", f"{round(seconds) + 2}", "-f", script.name, dsn]
    engine = sa.create_engine(url)
    try:
        with subprocess.Popen(
            command,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        ) as pgbench:
            time.sleep(1.0)  # past the connections and the first prepares
            cpu, messages, started = _postgres_now(engine)
            time.sleep(seconds)
            cpu_after, messages_after, ended = _postgres_now(engine)
            _, errors = pgbench.communicate()
        if pgbench.returncode != 0:
            raise subprocess.CalledProcessError(pgbench.returncode, command, stderr=errors)
    finally:
        engine.dispose()
        Path(script.name).unlink()
    transactions = (messages_after - messages) / 2  # a message in, a reply out
    if transactions <= 0:
        raise RuntimeError("pgbench committed nothing in the measured window")
    return transactions / (ended - started), 1000 * cpu_used(cpu, cpu_after) / transactions


def _postgres_now(engine: sa.Engine) -> tuple[dict[int, float], int, float]:
    with engine.connect() as conn:
        count = int(conn.execute(sa.text("SELECT count(*) FROM messages")).scalar_one())
    return process_cpu(name="postgres"), count, time.perf_counter()


def driver_ms(url: str) -> float:
    """Python CPU (ms) per transaction with raw psycopg: the least a Python app spends on it.

    One statement at a time: psycopg's pipeline mode (two round trips, the lock before the
    conversation step and the writes after it) measured more CPU here, not less.
    """
    dsn, env = _libpq(url)
    rng = random.Random(7)
    lock = _LOCK.format(phone="%s")
    inbound = _INBOUND.format(uid="%s", sid="%s")
    update = _UPDATE.format(context="%s", cid="%s", version="%s")
    reply = _REPLY.format(uid="%s", body="%s")
    with psycopg.connect(dsn, options=env["PGOPTIONS"]) as conn:

        def one() -> None:
            user = rng.randint(1, USERS)
            with conn.transaction():
                row = conn.execute(lock, (f"+9190{user:08d}",)).fetchone()
                if row is None:
                    raise RuntimeError("a seeded conversation is missing")
                conn.execute(inbound, (row[0], f"SM{secrets.token_hex(16)}")).fetchone()
                conn.execute(update, ('{"step": 1}', row[3], row[7]))
                conn.execute(reply, (row[0], _REPLY_TEXT))

        for _ in range(200):  # past psycopg's prepare threshold
            one()
        started = time.process_time()
        for _ in range(DRIVER_TRANSACTIONS):
            one()
        return 1000 * (time.process_time() - started) / DRIVER_TRANSACTIONS


def limiter_ms(redis_url: str) -> float:
    """The caller's CPU (ms) per message for the app's limiter: both windows, every hit allowed."""
    prefix = f"bench_floor_{secrets.token_hex(4)}"
    many = 10**9
    limits = build_rate_limits(
        redis_url,
        key_prefix=prefix,
        whatsapp=[Rate(many, 60), Rate(many, 3600)],
        admin=[Rate(many, 60)],
    )
    keys = [f"+9190{n:08d}" for n in range(1, USERS + 1)]
    try:
        for key in keys[:200]:
            limits.whatsapp.hit(key)
        server = process_cpu(name="redis-server")
        started = time.process_time()
        for n in range(LIMITER_HITS):
            limits.whatsapp.hit(keys[n % len(keys)])
        used = time.process_time() - started + cpu_used(server, process_cpu(name="redis-server"))
        return 1000 * used / LIMITER_HITS
    finally:
        forget_keys(redis_url, prefix)


def request_ms() -> float:
    """CPU (ms) per message to read the form and check its Twilio signature (official SDK)."""
    token = secrets.token_hex(16)
    workload = Workload(token, PUBLIC_BASE_URL, frozenset(), seed=7)
    requests = [step.request for n in range(REQUESTS // 10) for step in workload.user(n)]
    validator = RequestValidator(token)
    url = f"{PUBLIC_BASE_URL}{WEBHOOK}"
    parsed = [_environ(raw) for raw in requests]
    started = time.process_time()
    for environ, signature in parsed:
        form = parse_form_data(environ)[1]
        if not validator.validate(url, form, signature):
            raise RuntimeError("a request signed like Twilio failed the SDK's check")
    return 1000 * (time.process_time() - started) / len(parsed)


def _environ(raw: bytes) -> tuple[dict[str, object], str]:
    """The WSGI environ gunicorn would hand over for a pre-encoded request, and its signature."""
    _, headers, body = decode_request(raw)
    environ: dict[str, object] = {
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": headers["Content-Type"],
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    return environ, headers["X-Twilio-Signature"]


def main(argv: list[str] | None = None) -> int:
    """Measure each part, print them and the best ratio they leave room for."""
    args = parse_args(argv)
    try:
        bare_rate, bare = bare_ms(args)
        with bench_schema(args.database_url) as url:
            seed(url)
            tps, postgres = postgres_ms(args, url)
            driver = driver_ms(url)
        limiter = limiter_ms(args.redis_url)
        request = request_ms()
    except (RuntimeError, OSError, sa.exc.SQLAlchemyError, psycopg.Error) as exc:
        first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        print(f"bench_floor: {first}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or "").strip().splitlines()[-1:] or ["no message"]
        print(f"bench_floor: pgbench exited with {exc.returncode}: {last[0]}", file=sys.stderr)
        return 2
    cores = os.cpu_count() or 1
    floor = bare + postgres + driver + limiter + request
    best_rate = cores * 1000 / floor
    print(f"\nCPU per message that any implementation spends on this machine ({cores} cores):")
    print(f"  {'bare app (server, client, kernel)':<44}{bare:>7.3f} ms  ({bare_rate:.0f} req/s)")
    print(f"  {'PostgreSQL, the transaction (pgbench)':<44}{postgres:>7.3f} ms  ({tps:.0f} tps)")
    print(f"  {'Python driver, raw psycopg':<44}{driver:>7.3f} ms")
    print(f"  {'rate limiter (caller and redis-server)':<44}{limiter:>7.3f} ms")
    print(f"  {'form and Twilio signature':<44}{request:>7.3f} ms")
    print(f"  {'floor':<44}{floor:>7.3f} ms")
    print(f"most messages/s with nothing else to do: {best_rate:.0f}")
    print(f"ratio {TARGET_RATIO} needs {TARGET_RATIO * bare_rate:.0f} messages/s")
    print(f"best possible ratio {best_rate / bare_rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
