"""Interpreter instructions per Razorpay webhook delivery, counted by valgrind's callgrind.

The timed benchmarks move by up to 50 % with this shared host's speed; an instruction count
does not (the same code and inputs count the same to within 0.3 %, whatever else the machine
does). Use it to tell whether a change to the webhook path costs or saves work: run it on
both versions and compare.

The app runs in-process (bootstrap + create_app, Flask's test client, no HTTP server) on a
fresh PostgreSQL schema, one delivery at a time, in the benchmark's mix. Warm-up deliveries
run first; callgrind zeroes its counts on the marker before the timed ones and dumps them on
the marker after, so start-up (about 11 billion instructions) stays out. PostgreSQL's own
work is not counted: this is the app's side.

    .venv-opt/bin/python scripts/bench_instructions.py [--deliveries 200] [--warm 40]
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr
from pathlib import Path

import sqlalchemy as sa
from bench_payments import DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, app_config, app_settings
from bench_payments_webhook import PRODUCTS, RATES
from bench_profile import post_step
from bench_razorpay import deliveries, mix_of
from bench_seed import seed_orders
from bench_support import Step
from bench_webhook import bench_schema

from backend.bootstrap import payment_policy
from backend.config import Settings
from infrastructure.db.engine import build_engine

# Unique calls around the counted loop: callgrind zeroes before the first and dumps before
# the second (the app itself never calls either).
ZERO_AT, DUMP_AT = "getppid", "getpgrp"
PER_ORDER = 1 + RATES.captured + RATES.duplicate  # deliveries per order, on average


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--deliveries", type=int, default=200, help="counted deliveries")
    parser.add_argument("--warm", type=int, default=40, help="deliveries before counting")
    parser.add_argument("--seed", type=int, default=1, help="the mix (same seed, same mix)")
    parser.add_argument(
        "--database-url", default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_DATABASE_URL
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("TEST_REDIS_URL") or DEFAULT_REDIS_URL
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.deliveries < 1 or args.warm < 0:
        parser.error("--deliveries must be positive and --warm not negative")
    return args


def main(argv: list[str] | None = None) -> int:
    """Seed, count under callgrind, print; 2 when valgrind or a service is missing."""
    args = parse_args(argv)
    if args.child:
        return _child(args.child)
    if shutil.which("valgrind") is None:
        print("bench_instructions: valgrind is not installed", file=sys.stderr)
        return 2
    try:
        return _count(args)
    except (RuntimeError, OSError, sa.exc.SQLAlchemyError) as exc:
        print(f"bench_instructions: {str(exc).strip() or type(exc).__name__}", file=sys.stderr)
        return 2


def _count(args: argparse.Namespace) -> int:
    with bench_schema(args.database_url) as url, tempfile.TemporaryDirectory() as tmp:
        config = app_config(url, args.redis_url)
        settings = app_settings(config)
        steps = _deliveries(url, settings, args)
        work = Path(tmp)
        (work / "input.pickle").write_bytes(pickle.dumps((config, args.warm, steps)))
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--zero-before={ZERO_AT}",
            f"--dump-before={DUMP_AT}",
            f"--callgrind-out-file={work / 'callgrind.out'}",
            sys.executable,
            __file__,
            "--child",
            str(work / "input.pickle"),
        ]
        print(f"counting {args.deliveries} deliveries after {args.warm} (seed {args.seed}) ...")
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            raise RuntimeError(f"the counted run failed:\n{run.stderr[-2000:]}")
        dumps = list(work.glob("callgrind.out.*"))
        if len(dumps) != 1:
            raise RuntimeError("callgrind wrote no dump at the end marker")
        total = _totals(dumps[0].read_text())
    mix = sorted(mix_of(steps[args.warm :]).items())
    print("mix counted: " + ", ".join(f"{n} {label}" for label, n in mix))
    print(f"{total:,} instructions for {args.deliveries} deliveries")
    print(f"{total / args.deliveries:,.0f} instructions per delivery ({sys.executable})")
    return 0


def _deliveries(url: str, settings: Settings, args: argparse.Namespace) -> list[tuple[str, Step]]:
    wanted = args.warm + args.deliveries
    rng = random.Random(args.seed)
    engine = build_engine(url)
    try:
        labelled: list[tuple[str, Step]] = []
        while len(labelled) < wanted:
            count = int((wanted - len(labelled)) / PER_ORDER) + 10
            kinds = rng.choices(list(PRODUCTS), weights=list(PRODUCTS.values()), k=count)
            orders = seed_orders(engine, kinds, payment_policy(settings).prices, rng)
            labelled += deliveries(orders, settings.razorpay_webhook_secret or "", rng, RATES)
    finally:
        engine.dispose()
    return labelled[:wanted]


def _totals(dump: str) -> int:
    found = re.search(r"^(?:totals|summary): (\d+)", dump, re.MULTILINE)
    if found is None:
        raise RuntimeError("no totals in callgrind's dump")
    return int(found.group(1))


def _child(path: Path) -> int:
    """Under callgrind: the app in-process, warm-up, then the counted deliveries."""
    from backend.api.app import create_app
    from backend.bootstrap import bootstrap

    config, warm, steps = pickle.loads(path.read_bytes())
    services = bootstrap(app_settings(config))
    failed = 0
    try:
        client = create_app(services).test_client()
        # The app logs a line per request to stderr: keep that work, drop the lines.
        with open(os.devnull, "w") as devnull, redirect_stderr(devnull):
            for index, (_, step) in enumerate(steps):
                if index == warm:
                    os.getppid()  # callgrind zeroes its counts here
                failed += post_step(client, step) != 200
            os.getpgrp()  # and dumps them here
    finally:
        services.close()
    if failed:
        print(f"{failed} deliveries were not answered 200", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
