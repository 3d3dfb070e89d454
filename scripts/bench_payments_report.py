"""What scripts/bench_payments.py prints: the run, the grant check, the summary, the load."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from bench_seed import GRANTS_SQL, GrantCheck
from bench_support import LoadResult
from bench_webhook import NOISE_SHARE, other_cpu_share


@dataclass(frozen=True)
class Row:
    """One target: what was measured, what was wanted, and whether it held.

    A hard row is about correctness (errors, grants): failing it fails the run. A missed
    latency target is reported as MISS but is a figure, not an error.
    """

    name: str
    figure: str
    target: str
    ok: bool
    hard: bool = False


def load_line() -> str:
    """The machine's load average now (other work on the machine skews the figures)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min)"


def print_summary(rows: list[Row]) -> None:
    """The targets with PASS/MISS (FAIL for a broken correctness check), and the load."""
    print()
    width = max([len(row.name) for row in rows] + [6]) + 2
    print(f"{'target':<{width}}{'measured':>16}{'wanted':>12}  result")
    for row in rows:
        verdict = "PASS" if row.ok else ("FAIL" if row.hard else "MISS")
        print(f"{row.name:<{width}}{row.figure:>16}{row.target:>12}  {verdict}")
    print(f"{load_line()} on {os.cpu_count()} CPUs")


def print_load(r: LoadResult, connections: int, all_sent: bool) -> None:
    """Throughput, latency, CPU per delivery and the warnings that qualify them."""
    per = 1000 / r.requests if r.requests else math.nan
    print(
        f"{r.requests} deliveries in {r.seconds:.1f} s: {r.rate:.1f}/s, p50 "
        f"{r.percentile_ms(50):.2f} ms, p95 {r.percentile_ms(95):.2f} ms, p99 "
        f"{r.percentile_ms(99):.2f} ms; statuses {dict(r.statuses)}, "
        f"{r.unexpected} unexpected replies"
    )
    other = other_cpu_share(r)
    print(
        f"CPU per delivery: server {r.meters['server_cpu'] * per:.2f} ms, PostgreSQL "
        f"{r.meters['db_cpu'] * per:.2f} ms; load generator "
        f"{100 * r.client_cpu_seconds / r.seconds:.0f}% of a core, everything else "
        f"{100 * other:.0f}%; machine busy {100 * r.meters['machine_busy']:.0f}%; "
        f"workers {r.spread}"
    )
    cpu = (r.meters["server_cpu"] + r.meters["db_cpu"]) * per
    cores = os.cpu_count() or 1
    print(
        f"CPU floor: {connections} connections x {cpu:.2f} ms / {cores} cores = "
        f"{connections * cpu / cores:.1f} ms mean latency once the cores are saturated "
        "(a closed loop saturates them whenever that exceeds the service time)"
    )
    for sample in r.samples:
        print(f"  {sample}")
    if not all_sent:
        print("warning: the time cap ended the run before every delivery was answered")
    if other > NOISE_SHARE:
        print("warning: other processes were busy during the run: latencies are noisy")
    if r.imbalanced:
        print("warning: one gunicorn worker did most of the work; rerun")


def print_grant_check(check: GrantCheck) -> None:
    """The grant check's SQL and what it found."""
    print("\ngrant check (every order of this run, warm-up and profile included):")
    print("  " + GRANTS_SQL.replace("\n", "\n  "))
    for (paid, grants), n in sorted(check.by_paid_and_grants.items()):
        print(f"  {'paid' if paid else 'not paid':<9} {grants} grant(s): {n} orders")
    print("recorded events (duplicates are answered without a row):")
    for label, n in sorted(check.events.items()):
        print(f"  {n:>6}  {label}")
