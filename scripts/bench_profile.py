"""Where a Razorpay webhook's time goes: the app in-process, timed per kind, then cProfiled.

Runs the same app (bootstrap + create_app) on the same PostgreSQL schema through Flask's test
client, one request at a time: the per-kind times are pure service time (no queueing, no
HTTP server), and the profile shows which functions dominate.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import time
from collections import defaultdict
from contextlib import redirect_stderr
from pathlib import Path

import sqlalchemy as sa
from bench_support import Step, decode_request, nearest_rank_ms
from flask.testing import FlaskClient

from backend.api.app import create_app
from backend.bootstrap import bootstrap
from backend.config import Settings

ROOT = str(Path(__file__).resolve().parent.parent)
VENV = str(Path(ROOT) / ".venv")
TRACED = "(kundali)"


def post_step(client: FlaskClient, step: Step) -> int:
    """Send a pre-encoded request through the test client; its status."""
    path, headers, body = decode_request(step.request)
    headers.pop("Content-Length", None)
    return client.post(path, data=body, headers=headers).status_code


class SqlCounter:
    """Counts statements sent on any engine; keeps the text of the longest traced delivery."""

    def __init__(self) -> None:
        self.count = 0
        self.tracing = False
        self.current: list[str] = []
        self.longest: list[str] = []

    def __call__(self, _conn: object, _cursor: object, statement: str, *_: object) -> None:
        self.count += 1
        if self.tracing:
            self.current.append(" ".join(statement.split())[:110])

    def done(self) -> None:
        """End a traced delivery; the one that did the work sends the most statements."""
        if len(self.current) > len(self.longest):
            self.longest = self.current
        self.current, self.tracing = [], False


def profile_webhook(
    settings: Settings, timed: list[tuple[str, Step]], profiled: list[tuple[str, Step]]
) -> None:
    """Print service time per delivery kind, then the top of a cProfile of more deliveries."""
    services = bootstrap(settings)
    sql = SqlCounter()
    # Round trips matter as much as Python here: count what each delivery sends PostgreSQL.
    sa.event.listen(sa.Engine, "before_cursor_execute", sql)
    try:
        # The app logs a line per request to stderr: keep that work, drop the lines.
        with open(os.devnull, "w") as devnull, redirect_stderr(devnull):
            client = create_app(services).test_client()
            per_kind = _time_kinds(client, timed, sql)
            profiler = cProfile.Profile()
            profiler.enable()
            for _, step in profiled:
                post_step(client, step)
            profiler.disable()
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", sql)
        services.close()
    _print_kinds(per_kind)
    print("  SQL of the kundali delivery that paid its order (the longest seen):")
    for number, statement in enumerate(sql.longest, start=1):
        print(f"  {number:>4}. {statement}")
    print_profile(pstats.Stats(profiler), len(profiled))


def _time_kinds(
    client: FlaskClient, timed: list[tuple[str, Step]], sql: SqlCounter
) -> dict[str, list[tuple[float, int]]]:
    """Seconds and statements of each delivery, by kind, sent one at a time."""
    per_kind: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for label, step in timed:
        sql.tracing = label.endswith(TRACED)
        started, sent = time.perf_counter(), sql.count
        status = post_step(client, step)
        per_kind[label].append((time.perf_counter() - started, sql.count - sent))
        sql.done()
        if status != 200:
            raise RuntimeError(f"in-process webhook answered {status}")
    per_kind["all (this mix)"] = [m for label in list(per_kind) for m in per_kind[label]]
    return per_kind


def _print_kinds(per_kind: dict[str, list[tuple[float, int]]]) -> None:
    print("in-process service time per delivery (one at a time, no HTTP server):")
    print(f"  {'kind':<42}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'SQL stmts':>11}")
    for label, measured in sorted(per_kind.items()):
        seconds = sorted(m[0] for m in measured)
        sql = sum(m[1] for m in measured) / len(measured)
        print(
            f"  {label:<42}{len(seconds):>5}{nearest_rank_ms(seconds, 50):>9.2f}"
            f"{nearest_rank_ms(seconds, 95):>9.2f}{sql:>11.1f}"
        )
    print("  (SQL stmts: statements per delivery, mean; BEGIN and COMMIT come on top)")


def _name(key: tuple[str, int, str]) -> str:
    path, line, func = key
    short = path.removeprefix(ROOT + "/").split("site-packages/")[-1]
    return f"{short}:{line} {func}" if line else func


def print_profile(stats: pstats.Stats, requests: int, top: int = 14) -> None:
    """The project's functions by cumulative time, then everything by own time, per request."""
    table = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt or 1.0  # type: ignore[attr-defined]
    per = 1000 / max(requests, 1)
    ours = [
        (key, value)
        for key, value in table.items()
        if key[0].startswith(ROOT) and not key[0].startswith(VENV)
    ]
    print(f"cProfile over {requests} deliveries (ms per delivery, with profiler overhead):")
    print("  project functions by cumulative time:")
    for key, value in sorted(ours, key=lambda kv: -kv[1][3])[:top]:
        print(f"  {value[3] * per:8.2f} {100 * value[3] / total:5.1f}%  {_name(key)}")
    print("  all functions by own time:")
    for key, value in sorted(table.items(), key=lambda kv: -kv[1][2])[:top]:
        print(f"  {value[2] * per:8.2f} {100 * value[2] / total:5.1f}%  {_name(key)}")
