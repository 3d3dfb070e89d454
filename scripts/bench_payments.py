"""Benchmark issue 4's payment targets: the Razorpay webhook and the entitlement check.

1. `POST /webhooks/razorpay` served as in production (`boloastro serve`: gunicorn, gthread)
   on a fresh PostgreSQL schema, driven by --connections keep-alive connections with signed
   deliveries in the mix Razorpay sends (payment_link.paid per order, payment.captured for
   the same payment, redeliveries); p50/p95/p99 and CPU per request; then SQL proves each
   order got exactly one grant. When p95 misses, the app is profiled in-process.
2. The entitlement check over 100,000 ledger lines: p50/p95/p99 and the plan's index.

    .venv/bin/python scripts/bench_payments.py [--seconds 20] [--connections 8] [--orders N]
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack

import sqlalchemy as sa
from bench_ledger import INDEX, explain_check, seed_ledger, time_checks
from bench_payments_report import Row, load_line, print_summary
from bench_payments_webhook import WebhookBench
from bench_support import nearest_rank_ms
from bench_webhook import bench_schema

from backend.config import Settings
from infrastructure.db.engine import build_engine

DEFAULT_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
PUBLIC_BASE_URL = "https://bench.boloastro.test"
TARGET_CHECK_P95_MS = 2.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="timed webhook run")
    parser.add_argument("--connections", type=int, default=8, help="keep-alive connections")
    parser.add_argument(
        "--orders", type=int, default=0, help="orders for the timed run (0: enough for --seconds)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--load-processes", type=int, default=2, help="load generator processes")
    parser.add_argument("--ledger-users", type=int, default=20_000)
    parser.add_argument("--ledger-rows-per-user", type=int, default=5)
    parser.add_argument("--checks", type=int, default=5_000, help="timed entitlement checks")
    parser.add_argument("--parts", default="webhook,ledger", help="webhook, ledger or both")
    parser.add_argument("--profile", action="store_true", help="profile even when p95 is met")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_DATABASE_URL,
        help="PostgreSQL database; a fresh schema is created in it and dropped afterwards",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("TEST_REDIS_URL") or DEFAULT_REDIS_URL
    )
    args = parser.parse_args(argv)
    args.parts = {part.strip() for part in args.parts.split(",") if part.strip()}
    if not args.parts or not args.parts <= {"webhook", "ledger"}:
        parser.error("--parts takes webhook, ledger or both")
    if args.seconds <= 0 or min(args.connections, args.workers, args.threads) < 1:
        parser.error("--seconds, --connections, --workers and --threads must be positive")
    if args.orders < 0 or args.checks < 100 or args.ledger_users < 1:
        parser.error("--orders must be >= 0, --checks >= 100, --ledger-users >= 1")
    if not sa.engine.make_url(args.database_url).get_backend_name().startswith("postgresql"):
        parser.error("--database-url must be PostgreSQL")
    args.seed = secrets.randbits(32) if args.seed is None else args.seed
    return args


def app_config(database_url: str, redis_url: str) -> dict[str, str]:
    """The server's settings: test mode, the Razorpay gateway, fresh secrets."""
    return {
        "BOLOASTRO_ENV": "test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "TWILIO_ACCOUNT_SID": "AC" + secrets.token_hex(16),
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "PAYMENT_GATEWAY": "razorpay",
        "RAZORPAY_KEY_ID": "rzp_test_" + secrets.token_hex(7),
        "RAZORPAY_KEY_SECRET": secrets.token_urlsafe(18),
        "RAZORPAY_WEBHOOK_SECRET": secrets.token_urlsafe(24),
        # Never called by the webhook; a closed port, so a stray call fails fast.
        "RAZORPAY_API_URL": "http://127.0.0.1:9",
        "TWILIO_API_URL": "http://127.0.0.1:9",
    }


def app_settings(config: dict[str, str]) -> Settings:
    """The app's settings from `config` (as app_config gives it), not from the environment."""
    return Settings(_env_file=None, **{k.lower(): v for k, v in config.items()})  # type: ignore[arg-type]


def ledger_part(engine: sa.Engine, args: argparse.Namespace, rng: random.Random) -> list[Row]:
    """Seed the big ledger, time the check, EXPLAIN it; the summary rows."""
    print(f"\n== entitlement check  ({load_line()})")
    started = time.perf_counter()
    users = seed_ledger(engine, args.ledger_users, args.ledger_rows_per_user, rng)
    with engine.connect() as conn:
        rows = int(conn.execute(sa.text("SELECT count(*) FROM entitlement_ledger")).scalar_one())
    print(f"seeded {len(users)} users, {rows} ledger rows in {time.perf_counter() - started:.1f} s")
    time_checks(engine, users, 300, rng)  # warm the pool and the prepared statements
    times = time_checks(engine, users, args.checks, rng)
    whole, query = sorted(times.whole), sorted(times.query)
    print(f"{args.checks} checks, random users and products ({times.allowed} allowed):")
    for name, values in (("whole unit of work", whole), ("check alone", query)):
        figures = "  ".join(f"p{p} {nearest_rank_ms(values, p):.3f} ms" for p in (50, 95, 99))
        print(f"  {name:<33} {figures}")
    plan = explain_check(engine, rng.choice(users))
    print("EXPLAIN ANALYZE of the statement the store sends:")
    for line in plan:
        print(f"  {line}")
    p95 = nearest_rank_ms(whole, 95)
    used = any(INDEX in line for line in plan)
    return [
        Row(
            f"entitlement check p95 ({rows:,} ledger rows)",
            f"{p95:.3f} ms",
            f"<= {TARGET_CHECK_P95_MS:g} ms",
            p95 <= TARGET_CHECK_P95_MS,
        ),
        Row(f"plan uses {INDEX}", "yes" if used else "no", "yes", used),
    ]


def _raise_on_sigterm(_signum: int, _frame: object) -> None:
    raise SystemExit(143)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts, print the summary; 1 when a request failed or a check did not hold."""
    args = parse_args(argv)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("bench: interrupted (server stopped, schema dropped)", file=sys.stderr)
        return 130
    except (RuntimeError, OSError, sa.exc.SQLAlchemyError, subprocess.CalledProcessError) as exc:
        print(f"bench: {str(exc).strip() or type(exc).__name__}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    """Fresh schema, the parts in turn, the summary; the schema is dropped on the way out."""
    print(f"bench_payments: seed {args.seed}, {os.cpu_count()} CPUs, {load_line()}")
    rng = random.Random(args.seed)
    rows: list[Row] = []
    with ExitStack() as stack:
        url = stack.enter_context(bench_schema(args.database_url))
        # The name tells this app's PostgreSQL backends apart, for their CPU meter.
        name = {"application_name": f"bench_payments_{os.getpid()}"}
        url = sa.engine.make_url(url).update_query_dict(name).render_as_string(False)
        engine = build_engine(url)
        stack.callback(engine.dispose)
        config = app_config(url, args.redis_url)
        settings = app_settings(config)
        steps: list[Callable[[], list[Row]]] = []
        if "webhook" in args.parts:
            steps.append(lambda: WebhookBench(engine, settings, config, args, rng).run())
        if "ledger" in args.parts:
            steps.append(lambda: ledger_part(engine, args, rng))
        for step in steps:
            rows.extend(step())
    print_summary(rows)
    return 0 if all(row.ok or not row.hard for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
