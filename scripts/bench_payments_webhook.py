"""The Razorpay webhook part of scripts/bench_payments.py: seed, serve, drive, verify, profile."""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import shutil
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import sqlalchemy as sa
from bench_payments_report import Row, load_line, print_grant_check, print_load
from bench_profile import profile_webhook
from bench_razorpay import MixRates, PaidOrder, deal, deliveries, mix_of
from bench_seed import check_grants, seed_orders
from bench_support import (
    LoadResult,
    Plan,
    Step,
    cpu_used,
    established_per_process,
    process_cpu,
    run_load,
)
from bench_webhook import (
    Meters,
    Server,
    check_ready,
    free_port,
    server_command,
    start_server,
    worker_spread,
)

from backend.bootstrap import payment_policy
from backend.config import Settings
from backend.domain.entitlements import Product

TARGET_P95_MS = 25.0
# What people buy: mostly reports, then question packs, a few matches.
PRODUCTS = {Product.KUNDALI: 6, Product.QNA: 3, Product.MILAN: 1}
WARMUP_ORDERS = 200
PROFILE_ORDERS = (150, 100)  # timed one by one, then under cProfile
RATES = MixRates()
PG_BACKENDS = sa.text("SELECT pid FROM pg_stat_activity WHERE application_name = :name")
TICK = os.sysconf("SC_CLK_TCK")


class WebhookBench:
    """One run of the webhook benchmark on an already migrated schema."""

    def __init__(
        self,
        engine: sa.Engine,
        settings: Settings,
        config: dict[str, str],
        args: argparse.Namespace,
        rng: random.Random,
    ) -> None:
        self.engine, self.settings, self.config = engine, settings, config
        self.args, self.rng = args, rng
        self.secret = settings.razorpay_webhook_secret or ""
        self.app_name = str(sa.engine.make_url(settings.database_url).query["application_name"])
        self.prices = payment_policy(settings).prices

    def orders(self, count: int) -> list[PaidOrder]:
        """Seed `count` orders with a live link, products in the usual proportions."""
        products = self.rng.choices(list(PRODUCTS), weights=list(PRODUCTS.values()), k=count)
        return seed_orders(self.engine, products, self.prices, self.rng)

    def run(self) -> list[Row]:
        """Warm up, size and seed the timed run, drive it, verify, maybe profile; the rows."""
        args = self.args
        print(f"\n== Razorpay webhook  ({load_line()})")
        warm = deliveries(self.orders(WARMUP_ORDERS), self.secret, self.rng, RATES)
        workdir = Path(tempfile.mkdtemp(prefix="bench_payments_"))
        with ExitStack() as stack:
            stack.callback(shutil.rmtree, workdir, ignore_errors=True)
            server = self.serve(workdir)
            stack.callback(server.stop)
            warm_result = self.drive(server, warm, 120.0)
            rate = warm_result.rate
            print(
                f"warm-up: {warm_result.requests} deliveries at {rate:.0f}/s, "
                f"{warm_result.errors} errors"
            )
            per_order = 1 + RATES.captured + RATES.duplicate
            count = args.orders or max(100, math.ceil(rate * 1.2 * args.seconds / per_order))
            started = time.perf_counter()
            timed = deliveries(self.orders(count), self.secret, self.rng, RATES)
            print(f"seeded {count} orders in {time.perf_counter() - started:.1f} s; mix sent:")
            for label, n in sorted(mix_of(timed).items()):
                print(f"  {n:>6}  {label}")
            print(
                f"driving {len(timed)} deliveries over {args.connections} connections "
                f"({load_line()})"
            )
            result = self.drive(server, timed, max(3 * args.seconds, args.seconds + 60))
        all_sent = result.requests == len(timed)
        print_load(result, args.connections, all_sent)
        p95 = result.percentile_ms(95)
        if p95 > TARGET_P95_MS or args.profile:
            self.profile()
        check = check_grants(self.engine)
        print_grant_check(check)
        ok = check.ok(all_reached=all_sent)
        paid = check.count(True)
        return [
            Row(
                f"webhook p95 @ {args.connections} connections",
                f"{p95:.2f} ms",
                f"<= {TARGET_P95_MS:g} ms",
                p95 <= TARGET_P95_MS,
            ),
            Row(
                "webhook errors (non-200, dropped)",
                str(result.errors),
                "0",
                result.errors == 0 and result.unexpected == 0,
                hard=True,
            ),
            Row(
                "paid orders with exactly one grant",
                f"{check.count(True, lambda g: g == 1)}/{paid}",
                "all",
                ok,
                hard=True,
            ),
        ]

    def serve(self, workdir: Path) -> Server:
        """`boloastro serve` with the benchmark's settings, ready to take requests."""
        env = {**os.environ, **self.config}
        env.pop("SOURCE_URL", None)
        port = free_port()
        command = server_command("app", port, self.args)
        # The server runs on this interpreter: how it was built (PGO/LTO or not) moves the figures.
        build = f"Python {platform.python_version()}, built {platform.python_build()[1]}"
        print(f"app: {' '.join(command)}  ({build} {platform.python_compiler()})")
        server = start_server("app", command, env, port, workdir)
        check_ready(server)
        return server

    def drive(self, server: Server, labelled: list[tuple[str, Step]], cap: float) -> LoadResult:
        """Send every delivery (or until `cap` seconds); the result, timed by the wall clock."""
        plans = [Plan(list(steps)) for steps in deal(labelled, self.args.connections)]
        address = ("127.0.0.1", server.port)
        pid = server.process.pid
        spread: dict[int, int] = {}

        def sample() -> None:
            workers = [p for p in process_cpu(session=pid) if p != pid]
            spread.update(established_per_process(workers, server.port))

        timer = threading.Timer(min(self.args.seconds / 2, 5.0), sample)
        before, db_before = Meters.read(pid), self.backend_cpu()
        started = time.perf_counter()
        timer.start()
        try:
            result = run_load(address, plans, cap, self.args.load_processes, check=True)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        after, db_after = Meters.read(pid), self.backend_cpu()
        result.seconds = seconds
        result.meters = before.used_until(after)
        # Only the backends serving this app: other work on the server must not count.
        result.meters["db_cpu"] = cpu_used(db_before, db_after)
        result.spread, result.imbalanced = worker_spread(spread, before.server, after.server, pid)
        return result

    def backend_cpu(self) -> dict[int, float]:
        """CPU seconds so far of each PostgreSQL backend connected under the app's name."""
        with self.engine.connect() as conn:
            pids = conn.execute(PG_BACKENDS, {"name": self.app_name}).scalars().all()
        found: dict[int, float] = {}
        for pid in pids:
            try:
                raw = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue  # gone, or the database runs elsewhere
            fields = raw[raw.rfind(")") + 2 :].split()
            found[int(pid)] = (int(fields[11]) + int(fields[12])) / TICK
        return found

    def profile(self) -> None:
        """Per-kind service time and a cProfile, in-process on the same schema."""
        timed, profiled = (
            deliveries(self.orders(n), self.secret, self.rng, RATES) for n in PROFILE_ORDERS
        )
        print(f"\nprofiling in-process ({load_line()})")
        profile_webhook(self.settings, timed, profiled)
