"""Scale-out check: two web instances and two workers, 200 users buying at once.

Starts `boloastro serve` twice (2 workers x 4 threads each) and `boloastro worker` twice on
one fresh PostgreSQL schema and one Redis, in test mode with the sandbox gateway, WhatsApp
going to a local Twilio stub. Then plays --users users in parallel through a conversation
(hi → language → Kundali → birth details → preview) and a purchase (report, question pack,
match; one in ten report buyers fails first and retries), messages spread over both
instances and 5 % of them delivered twice at once; payments go through the sandbox page with
chaos (every webhook twice, shuffled). When the outbox has drained it checks the database:
every MessageSid once, every reply stored, one paid order and one grant per buyer, credits
used once, every notification sent once and one receipt per paid order at the stub.

Prints throughput, webhook latency and the counts; exits 1 on any violation, 2 on a set-up
failure.

    .venv/bin/python scripts/scale_test.py [--users 200] [--keep-logs]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from types import FrameType

import sqlalchemy as sa
from scale_checks import check
from scale_journeys import kind_of, play
from scale_stack import Stack, running_stack, wait_for_drain
from scale_twilio_stub import TwilioStub
from scale_users import WEBHOOK, Player, Record

DEFAULT_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """--users, the service URLs, --keep-logs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument(
        "--database-url", default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_DATABASE_URL
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("TEST_REDIS_URL") or DEFAULT_REDIS_URL
    )
    parser.add_argument("--keep-logs", action="store_true", help="keep the servers' logs")
    args = parser.parse_args(argv)
    if not 1 <= args.users <= 2000:
        parser.error("--users must be 1-2000")
    return args


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * p / 100) - 1)] if ordered else 0.0


def play_all(stack: Stack, users: int) -> tuple[list[Record], float]:
    """Every user at once, one thread each; the records and the wall time."""
    players = [
        Player(n, kind_of(n), stack.web_ports, stack.public_base_url, stack.auth_token)
        for n in range(users)
    ]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        records = list(pool.map(play, players))
    return records, time.perf_counter() - started


def logged_errors(workdir: Path) -> list[str]:
    """Error lines the servers and workers logged (JSON logs or tracebacks)."""
    found = []
    for log in sorted(workdir.glob("*.log")):
        for line in log.read_text(errors="replace").splitlines():
            if '"level": "error"' in line or line.startswith("Traceback"):
                found.append(f"{log.stem}: {line[:200]}")
    return found


def server_latencies(workdir: Path, route: str) -> list[float]:
    """latency_ms of each request to route, from the web instances' JSON request logs."""
    found = []
    for log in sorted(workdir.glob("web*.log")):
        for line in log.read_text(errors="replace").splitlines():
            if f'"route": "{route}"' in line:
                with suppress(ValueError, KeyError, TypeError):
                    found.append(float(json.loads(line)["latency_ms"]))
    return found


def report(
    records: list[Record], seconds: float, drain_s: float, counts: dict[str, int], workdir: Path
) -> None:
    """The figures: load, latency (as the users saw it, and inside the app), the counts."""
    inside = server_latencies(workdir, WEBHOOK)
    latencies = [ms for r in records for ms in r.latencies_ms]
    pays = [ms for r in records for ms in r.pay_ms]
    kinds = Counter(r.kind for r in records)
    print(f"users: {len(records)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(
        f"webhooks: {len(latencies)} WhatsApp requests in {seconds:.1f} s = "
        f"{len(latencies) / seconds:.1f} req/s; p50 {percentile(latencies, 50):.0f} ms, "
        f"p95 {percentile(latencies, 95):.0f} ms, p99 {percentile(latencies, 99):.0f} ms"
    )
    print(
        f"  inside the app (request log): p50 {percentile(inside, 50):.0f} ms, "
        f"p95 {percentile(inside, 95):.0f} ms, p99 {percentile(inside, 99):.0f} ms"
    )
    print(
        f"payments: {len(pays)} sandbox pay/fail presses, p95 {percentile(pays, 95):.0f} ms "
        f"(each posting its chaotic webhooks); duplicate deliveries raced: "
        f"{sum(r.duplicates for r in records)}"
    )
    print(f"outbox drained {drain_s:.1f} s after the last user finished")
    for name, value in counts.items():
        print(f"  {name}: {value}")


def run(args: argparse.Namespace) -> int:
    """Start everything, play, drain, check; 1 when anything was lost or duplicated."""
    account, token = "AC" + secrets.token_hex(16), secrets.token_hex(16)
    stub = TwilioStub(account, token)
    workdir = Path(tempfile.mkdtemp(prefix="scale_test_"))
    stub.start()
    try:
        twilio = (stub.base_url, account, token)
        with running_stack(args.database_url, args.redis_url, twilio, workdir) as stack:
            print(f"stack up: web on ports {stack.web_ports}, 2 workers; {args.users} users")
            records, seconds = play_all(stack, args.users)
            events = sum(r.webhooks[1] for r in records) // 2  # chaos sent each one twice
            drain_s = wait_for_drain(stack.database_url, lambda: len(stub.messages()), events)
            counts, problems = check(stack.database_url, records, stub.messages())
        problems = [p for r in records for p in r.problems] + problems + logged_errors(workdir)
        report(records, seconds, drain_s, counts | {"stub refusals": stub.refused}, workdir)
    finally:
        stub.stop()
        if args.keep_logs:
            print(f"logs in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    for problem in problems[:25]:
        print(f"VIOLATION {problem}")
    print(f"{len(problems)} violations" if problems else "OK: no lost or duplicated effects")
    return 1 if problems else 0


def _raise_on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(143)


def main(argv: list[str] | None = None) -> int:
    """Run; on Ctrl-C, SIGTERM or a set-up failure stop the processes and drop the schema."""
    args = parse_args(argv)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("scale test: interrupted (processes stopped, schema dropped)", file=sys.stderr)
        return 130
    except (RuntimeError, OSError, sa.exc.SQLAlchemyError) as exc:
        print(f"scale test: {str(exc).strip() or type(exc).__name__}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
