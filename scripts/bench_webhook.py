"""Benchmark the Twilio webhook: the real app vs a bare Flask app, same gunicorn, same load.

Starts the bare app (scripts/bare_app.py), then the app (`boloastro serve`), one after the
other, each under gunicorn with the same options (2 gthread workers x 4 threads, keep-alive);
the app runs on a fresh PostgreSQL schema and Redis. Each is driven for --seconds by
--connections keep-alive connections; every connection walks simulated users (unique phone
numbers) through a real conversation, one Twilio-signed message at a time, and every reply is
checked. Prints req/s and p50/p95/p99 per target, CPU per request (server, PostgreSQL), how the
connections spread over the workers, warnings for noisy or lopsided runs and, last,
`ratio <app req/s / bare req/s>`.

    .venv/bin/python scripts/bench_webhook.py [--seconds 20] [--connections 16] [--driver wrk]
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import sqlalchemy as sa
from bench_support import (
    CITIES,
    Hooks,
    LoadResult,
    Plan,
    Step,
    Workload,
    build_plans,
    cpu_used,
    established_per_process,
    machine_ticks,
    process_cpu,
    run_load,
    run_wrk,
    write_wrk_plans,
)

PUBLIC_BASE_URL = "https://bench.boloastro.test"
DEFAULT_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
SCRIPTS = Path(__file__).resolve().parent
STEPS_PER_USER = 13
# Acceptance target for the app (the script only reports it).
TARGET_RATIO, TARGET_P95_MS = 0.35, 30.0
# Above this share of a core used by unrelated processes, the run is flagged as noisy.
NOISE_SHARE = 0.15
# With 2 workers: flagged when one does more than 70% of the server's CPU work.
SKEW_SHARE = 0.7


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="timed run per target")
    parser.add_argument(
        "--connections", type=int, default=16, help="concurrent keep-alive connections"
    )
    parser.add_argument(
        "--load-processes", type=int, default=2, help="processes sharing the connections"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument(
        "--warmup", type=int, default=400, help="uncounted requests before each run"
    )
    parser.add_argument(
        "--users",
        type=int,
        default=0,
        help="simulated users signed in advance (0: enough for ~100 app req/s per connection)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_DATABASE_URL,
        help="PostgreSQL database; a fresh schema is created in it and dropped afterwards",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("TEST_REDIS_URL") or DEFAULT_REDIS_URL
    )
    parser.add_argument("--targets", default="bare,app", help="comma-separated: bare, app")
    parser.add_argument("--keep-logs", action="store_true", help="keep the servers' log files")
    parser.add_argument(
        "--driver",
        choices=("python", "wrk", "auto"),
        default="python",
        help="load generator: the built-in Python driver (default), wrk, or wrk when installed "
        "(wrk's percentiles include its coordinated-omission correction)",
    )
    args = parser.parse_args(argv)
    args.wrk = shutil.which("wrk")
    if args.driver == "auto":
        args.driver = "wrk" if args.wrk else "python"
    elif args.driver == "wrk" and not args.wrk:
        parser.error("--driver wrk: wrk is not installed (apt-get install wrk)")
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    if not targets or any(t not in ("bare", "app") for t in targets):
        parser.error("--targets takes bare, app or both")
    if args.seconds <= 0 or args.connections < 1 or args.workers < 1 or args.threads < 1:
        parser.error("--seconds, --connections, --workers and --threads must be positive")
    args.targets = targets
    return args


@dataclass
class Load:
    """The signed requests: a warm-up pool and the timed pool, one list per connection."""

    workload: Workload
    timed: list[list[Step]]
    warmup: list[list[Step]]
    first_extra_user: int
    wrk_dir: Path | None = None

    @classmethod
    def sign(cls, workload: Workload, args: argparse.Namespace) -> Load:
        """Sign every request before anything is timed."""
        users = args.users or args.connections * math.ceil(args.seconds * 100 / STEPS_PER_USER)
        warm_users = max(args.connections, math.ceil(args.warmup / STEPS_PER_USER))
        started = time.perf_counter()
        timed = build_plans(workload, args.connections, users)
        warmup = build_plans(workload, args.connections, warm_users, first_user=users)
        print(
            f"signed {sum(map(len, timed)) + sum(map(len, warmup))} requests for "
            f"{users + warm_users} users in {time.perf_counter() - started:.1f} s "
            f"(ambiguous places: {', '.join(sorted(workload.ambiguous)) or 'none'})"
        )
        return cls(workload, timed, warmup, users + warm_users)

    def warmup_plans(self) -> list[Plan]:
        """Warm-up users, each sent once."""
        return [Plan(list(steps)) for steps in self.warmup]

    def timed_plans(self, may_repeat: bool) -> list[Plan]:
        """The timed users; the bare app ignores messages, so it may cycle through them."""
        stride = len(self.timed)
        return [
            Plan(steps, wrap=True)
            if may_repeat
            else Plan(list(steps), more=self.workload.extra_users(self.first_extra_user, stride, i))
            for i, steps in enumerate(self.timed)
        ]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def bench_schema(base_url: str) -> Iterator[str]:
    """A fresh, migrated schema `bench_<random>`; its URL; dropped on the way out."""
    from infrastructure.db.migrate import upgrade  # the app's own migrations

    schema = f"bench_{secrets.token_hex(6)}"
    admin = sa.create_engine(base_url)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = sa.engine.make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
        rendered = url.render_as_string(hide_password=False)
        upgrade(rendered)
        yield rendered
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def ambiguous_places(env: dict[str, str]) -> frozenset[str]:
    """The cities the app's gazetteer finds more than once (the user then answers "1")."""
    code = (
        "import json, sys\n"
        "from backend.bootstrap import gazetteer\n"
        "g = gazetteer()\n"
        "print(json.dumps({c: len(g.find(c)) for c in sys.argv[1:]}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *CITIES], env=env, capture_output=True, text=True, check=True
    )
    counts: dict[str, int] = json.loads(out.stdout.strip().splitlines()[-1])
    unknown = [city for city, n in counts.items() if n == 0]
    if unknown:
        raise RuntimeError(f"the gazetteer does not know {unknown}")
    return frozenset(city for city, n in counts.items() if n > 1)


@dataclass
class Server:
    """A gunicorn server we started, in its own session so the whole group can be stopped."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def stop(self) -> None:
        """SIGTERM the group (graceful), then SIGKILL whatever is left."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        # Workers normally leave with the master; make sure none lingers.
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def log_tail(self, lines: int = 30) -> str:
        """The end of the server's log."""
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def server_command(target: str, port: int, args: argparse.Namespace) -> list[str]:
    """The command line that serves `target` with the benchmark's gunicorn sizing."""
    options = ["--host", "127.0.0.1", "--port", str(port)]
    options += ["--workers", str(args.workers), "--threads", str(args.threads)]
    if target == "bare":
        return [sys.executable, str(SCRIPTS / "bare_app.py"), *options]
    boloastro = Path(sys.executable).with_name("boloastro")
    entry = [str(boloastro)] if boloastro.exists() else [sys.executable, "-m", "backend.cli.main"]
    return [*entry, "serve", *options]


def start_server(
    name: str, command: list[str], env: dict[str, str], port: int, workdir: Path
) -> Server:
    """Start a server and wait until /healthz answers (the app builds its index first)."""
    log = workdir / f"{name}.log"
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
    server = Server(name, process, port, log)
    try:
        wait_healthy(server)
    except BaseException:
        server.stop()
        raise
    return server


def wait_healthy(server: Server, seconds: float = 180) -> None:
    """Poll /healthz until it answers 200; fail if the server exits or takes too long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            code = server.process.returncode
            raise RuntimeError(f"{server.name} exited with {code}:\n{server.log_tail()}")
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=2)
        try:
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not answer /healthz in time:\n{server.log_tail()}")


def check_ready(server: Server) -> None:
    """The app's /readyz must be 200: PostgreSQL and Redis both answer."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", "/readyz")
        response = conn.getresponse()
        body = response.read().decode(errors="replace")
    finally:
        conn.close()
    if response.status != 200:
        raise RuntimeError(f"{server.name} is not ready ({response.status}): {body.strip()}")


@dataclass(frozen=True)
class Meters:
    """CPU counters read at the start and the end of a timed run."""

    server: dict[int, float]
    db: dict[int, float]
    machine: tuple[int, int]

    @classmethod
    def read(cls, server_session: int) -> Meters:
        """Read the server's, PostgreSQL's and the machine's CPU counters now."""
        return cls(
            process_cpu(session=server_session), process_cpu(name="postgres"), machine_ticks()
        )

    def used_until(self, later: Meters) -> dict[str, float]:
        """CPU seconds used by the server and the database, and the machine's busy fraction."""
        busy = later.machine[0] - self.machine[0]
        total = later.machine[1] - self.machine[1]
        return {
            "server_cpu": cpu_used(self.server, later.server),
            "db_cpu": cpu_used(self.db, later.db),
            "machine_busy": busy / total if total > 0 else math.nan,
        }


def worker_spread(
    connections: dict[int, int],
    cpu_before: dict[int, float],
    cpu_after: dict[int, float],
    master: int,
) -> tuple[str, bool]:
    """Client connections and CPU share per gunicorn worker, and whether one worker idled."""
    # A gthread worker keeps a keep-alive connection for good, and whichever worker wins the
    # accept race may take most of them; when that leaves the others idle, one process (one
    # GIL) does most of the work.
    workers = sorted(pid for pid in cpu_after if pid != master)
    used = {pid: cpu_after[pid] - cpu_before.get(pid, 0.0) for pid in workers}
    total = sum(used.values()) or 1.0
    shares = [used[pid] / total for pid in workers]
    conns = "/".join(str(connections.get(pid, 0)) for pid in workers)
    cpu = "/".join(f"{100 * share:.0f}" for share in shares)
    skewed = len(workers) > 1 and max(shares) > SKEW_SHARE * 2 / len(workers)
    return f"{conns} conns, {cpu}% cpu", skewed


def measure(
    server: Server,
    load: Load,
    args: argparse.Namespace,
    check: bool,
) -> LoadResult:
    """Warm the server up (uncounted), then run the timed load and read the CPU meters."""
    address = ("127.0.0.1", server.port)
    warm = run_load(address, load.warmup_plans(), 300.0, args.load_processes, check)
    if warm.errors or warm.unexpected:
        print(f"  warm-up: {warm.errors} errors, {warm.unexpected} unexpected replies")
        for sample in warm.samples:
            print(f"    {sample}")
    before: list[Meters] = []
    after: list[Meters] = []
    spread: dict[int, int] = {}

    def sample_connections() -> None:
        workers = [
            pid for pid in process_cpu(session=server.process.pid) if pid != server.process.pid
        ]
        spread.update(established_per_process(workers, server.port))

    hooks = Hooks(
        start=lambda: before.append(Meters.read(server.process.pid)),
        middle=sample_connections,
        stop=lambda: after.append(Meters.read(server.process.pid)),
    )
    if load.wrk_dir is not None:
        assert args.wrk
        result = run_wrk(
            args.wrk, address, load.wrk_dir, args.connections, args.seconds, check, hooks
        )
    else:
        plans = load.timed_plans(may_repeat=not check)
        result = run_load(address, plans, args.seconds, args.load_processes, check, hooks)
    result.meters = before[0].used_until(after[0])
    result.spread, result.imbalanced = worker_spread(
        spread, before[0].server, after[0].server, server.process.pid
    )
    return result


def machine_cpu_seconds(r: LoadResult) -> float:
    """CPU seconds the whole machine was busy during the timed run."""
    return r.meters["machine_busy"] * (os.cpu_count() or 1) * r.seconds


def other_cpu_share(r: LoadResult) -> float:
    """Cores' worth of CPU used by everything but the server, PostgreSQL and the client."""
    busy = machine_cpu_seconds(r)
    other = busy - r.meters["server_cpu"] - r.meters["db_cpu"] - r.client_cpu_seconds
    return max(other, 0.0) / r.seconds if r.seconds else math.nan


def print_table(results: dict[str, LoadResult]) -> None:
    """The figures per target, then the diagnostics, then the ratio (last line)."""
    print()
    columns = ("requests", "req/s", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'target':<7}" + "".join(f"{c:>9}" for c in columns) + f"{'errors':>8}")
    for name, r in results.items():
        print(
            f"{name:<7}{r.requests:>9}{r.rate:>9.1f}{r.percentile_ms(50):>9.2f}"
            f"{r.percentile_ms(95):>9.2f}{r.percentile_ms(99):>9.2f}{r.errors:>8}"
        )
    print()
    print(
        f"{'target':<7}{'unexpected':>11}{'server ms/req':>15}{'db ms/req':>11}"
        f"{'client %':>10}{'other %':>9}{'machine busy %':>16}  per worker"
    )
    noisy = []
    for name, r in results.items():
        per = 1000 / r.requests if r.requests else math.nan
        other = other_cpu_share(r)
        if other > NOISE_SHARE:
            noisy.append(f"{name} {100 * other:.0f}%")
        print(
            f"{name:<7}{r.unexpected:>11}{r.meters['server_cpu'] * per:>15.2f}"
            f"{r.meters['db_cpu'] * per:>11.2f}{100 * r.client_cpu_seconds / r.seconds:>10.1f}"
            f"{100 * other:>9.1f}{100 * r.meters['machine_busy']:>16.1f}  {r.spread}"
        )
    print(
        "(ms/req: CPU time per request of the gunicorn processes and of PostgreSQL; client and "
        "other: % of one core used by the load generator and by everything else, kernel included)"
    )
    skewed = [name for name, r in results.items() if r.imbalanced]
    if skewed:
        print(
            f"warning: one gunicorn worker did most of the work ({', '.join(skewed)}): keep-alive "
            "connections piled onto it, so that run used little more than one core; rerun"
        )
    if noisy:
        print(
            f"warning: other processes were busy during the run ({', '.join(noisy)} of a core): "
            "req/s and latencies are noisy; the ms/req columns much less so"
        )
    for name, r in results.items():
        if r.errors or r.unexpected:
            print(f"{name}: statuses {dict(r.statuses)}, dropped connections {r.transport_errors}")
            for sample in r.samples:
                print(f"  {sample}")
        if r.extra_users:
            print(f"{name}: signed {r.extra_users} extra users during the run (raise --users)")
    if "app" in results and "bare" in results:
        app, bare = results["app"], results["bare"]
        ratio = app.rate / bare.rate if bare.rate else math.nan
        ok = ratio >= TARGET_RATIO and app.percentile_ms(95) <= TARGET_P95_MS
        print(
            f"\ntarget ratio >= {TARGET_RATIO} and app p95 <= {TARGET_P95_MS:g} ms: "
            f"{'met' if ok else 'NOT met'}"
        )
        print(f"ratio {ratio:.2f}")


def _raise_on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(143)


def main(argv: list[str] | None = None) -> int:
    """Set up, run bare then app, print the table, clean up (also on Ctrl-C or error)."""
    args = parse_args(argv)
    # Ctrl-C and SIGTERM unwind through the cleanup (even if a parent shell ignored SIGINT).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("bench: interrupted (servers stopped, schema dropped)", file=sys.stderr)
        return 130
    except (RuntimeError, OSError, sa.exc.SQLAlchemyError, subprocess.CalledProcessError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"bench: {first}", file=sys.stderr)
        details = "\n".join(str(exc).strip().splitlines()[1:])
        if details:
            print(details, file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    """Sign the load, then serve and measure each target in turn; 1 if any request failed."""
    results = measure_targets(args)
    print_table(results)
    return 1 if any(r.errors for r in results.values()) else 0


def measure_targets(args: argparse.Namespace) -> dict[str, LoadResult]:
    """Each target served, driven and measured in turn; servers stopped, schemas dropped."""
    token = secrets.token_hex(16)
    env = {
        **os.environ,
        "BOLOASTRO_ENV": "test",
        "REDIS_URL": args.redis_url,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "TWILIO_AUTH_TOKEN": token,
        "TWILIO_ACCOUNT_SID": "AC" + secrets.token_hex(16),
    }
    env.pop("SOURCE_URL", None)
    workload = Workload(token, PUBLIC_BASE_URL, ambiguous_places(env), seed=secrets.randbits(32))
    load = Load.sign(workload, args)
    print(
        f"load: {args.connections} connections, {args.seconds:g} s per target, driver {args.driver}"
    )
    results: dict[str, LoadResult] = {}
    workdir = Path(tempfile.mkdtemp(prefix="bench_webhook_"))
    with ExitStack() as stack:
        if args.keep_logs:
            stack.callback(print, f"logs in {workdir}")
        else:
            stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        if args.driver == "wrk":
            load.wrk_dir = workdir
            write_wrk_plans(workdir, load.timed)
        for target in args.targets:
            port = free_port()
            server_env = env
            if target == "app":
                database_url = stack.enter_context(bench_schema(args.database_url))
                server_env = {**env, "DATABASE_URL": database_url}
            command = server_command(target, port, args)
            print(f"{target}: {' '.join(command)}")
            server = start_server(target, command, server_env, port, workdir)
            try:
                if target == "app":
                    check_ready(server)
                results[target] = measure(server, load, args, check=target == "app")
            finally:
                server.stop()
            r = results[target]
            print(f"  {r.requests} requests, {r.rate:.1f} req/s, p95 {r.percentile_ms(95):.2f} ms")
    return results


if __name__ == "__main__":
    sys.exit(main())
