"""Helpers for scripts/bench_webhook.py: the signed workload, a cheap load driver, CPU meters.

The driver is deliberately small: every request is a pre-encoded HTTP/1.1 message (headers,
form body and Twilio signature computed before the timed run); each connection is a keep-alive
socket that owns one simulated user at a time and sends that user's messages strictly in order;
a process runs its connections on one `selectors` loop (no threads), and a few such processes
share the connections so the client never becomes the bottleneck on a small machine.
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import multiprocessing as mp
import os
import queue
import random
import resource
import selectors
import socket
import subprocess
import time
import uuid
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlencode

from infrastructure.twilio.signatures import sign_like_twilio

WEBHOOK = "/webhooks/twilio/whatsapp"
HOST_HEADER = "bench.boloastro.test"
TWILIO_NUMBER = "whatsapp:+14155238886"

CITIES = (
    "Mumbai",
    "Pune",
    "Delhi",
    "Bangalore",
    "Chennai",
    "Kolkata",
    "Lucknow",
    "Jaipur",
    "Hyderabad",
    "Aurangabad",
)
NAMES = (
    "Asha",
    "Ravi",
    "Priya Sharma",
    "Rahul",
    "Sunita Devi",
    "Arjun",
    "Kavya",
    "Vikram Singh",
    "Meera",
    "Anil Kumar",
    "Pooja",
    "Sanjay",
    "Lakshmi",
    "Rohan Patil",
    "Divya",
    "Imran Khan",
)
TIMES = ("10:30 pm", "6:15 am", "22:15", "4.45 pm", "11:05 am", "don't know", "7 am", "dont know")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# A substring each reply must contain (English catalog), checked on every response.
EXPECT_LANGUAGES = b"choose your language"
EXPECT_MENU = b"What would you like to do"
EXPECT_ASK_NAME = b"name of the person"
EXPECT_ASK_DATE = b"date of birth"
EXPECT_ASK_TIME = b"What time"
EXPECT_ASK_PLACE = b"Where was the birth"
EXPECT_CONFIRM = b"Please check the details"
EXPECT_CHOOSE_PLACE = b"more than one"
EXPECT_PREVIEW = b"Lagna"
EXPECT_SAVED = b"saved details"
EXPECT_HELP = b"AGPL"


class Step(NamedTuple):
    """One pre-encoded HTTP request and the text its reply must contain."""

    request: bytes
    expect: bytes


def twilio_form(phone: str, body: str, sid: str) -> dict[str, str]:
    """The form Twilio posts for an inbound WhatsApp text (the fields it really sends)."""
    wa_id = phone.lstrip("+")
    return {
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ProfileName": "Bench User",
        "MessageType": "text",
        "SmsSid": sid,
        "WaId": wa_id,
        "SmsStatus": "received",
        "Body": body,
        "To": TWILIO_NUMBER,
        "NumSegments": "1",
        "ReferralNumMedia": "0",
        "MessageSid": sid,
        "AccountSid": "AC" + "b" * 32,
        "From": f"whatsapp:{phone}",
        "ApiVersion": "2010-04-01",
    }


def encode_request(form: dict[str, str], signature: str) -> bytes:
    """The complete HTTP/1.1 keep-alive request, as Twilio would send it."""
    body = urlencode(form).encode()
    head = (
        f"POST {WEBHOOK} HTTP/1.1\r\n"
        f"Host: {HOST_HEADER}\r\n"
        "User-Agent: TwilioProxy/1.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"X-Twilio-Signature: {signature}\r\n"
        f"I-Twilio-Idempotency-Token: {uuid.uuid4()}\r\n"
        "\r\n"
    )
    return head.encode() + body


def decode_request(raw: bytes) -> tuple[str, dict[str, str], bytes]:
    """A pre-encoded request's path, headers and body (the reverse of encode_request)."""
    head, body = raw.split(b"\r\n\r\n", 1)
    lines = head.decode().split("\r\n")
    return lines[0].split()[1], dict(line.split(": ", 1) for line in lines[1:]), body


def conversation(rng: random.Random, ambiguous: frozenset[str]) -> list[tuple[str, bytes]]:
    """One user's messages, in order, each with the text the reply must contain."""
    city = rng.choice(CITIES)
    year, month, day = rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28)
    dob = rng.choice(
        (
            f"{day:02d}/{month:02d}/{year}",
            f"{day}-{month}-{year}",
            f"{day} {MONTHS[month - 1]} {year}",
        )
    )
    steps: list[tuple[str, bytes]] = [
        ("hi", EXPECT_LANGUAGES),
        ("1", EXPECT_MENU),
        ("1", EXPECT_ASK_NAME),
        (rng.choice(NAMES), EXPECT_ASK_DATE),
        (dob, EXPECT_ASK_TIME),
        (rng.choice(TIMES), EXPECT_ASK_PLACE),
    ]
    if city in ambiguous:
        steps += [(city, EXPECT_CHOOSE_PLACE), ("1", EXPECT_CONFIRM)]
    else:
        steps.append((city, EXPECT_CONFIRM))
    steps += [
        ("yes", EXPECT_PREVIEW),
        ("menu", EXPECT_MENU),
        ("1", EXPECT_SAVED),
        ("1", EXPECT_PREVIEW),
        ("help", EXPECT_HELP),
    ]
    return steps


@dataclass
class Workload:
    """Makes signed conversations for distinct users; phone numbers never repeat in a run."""

    auth_token: str
    public_base_url: str
    ambiguous: frozenset[str]
    seed: int
    phone_base: int = field(default_factory=lambda: random.SystemRandom().randrange(10**7))

    def user(self, number: int) -> list[Step]:
        """All signed requests of user `number` (deterministic for a given seed and number)."""
        rng = random.Random(self.seed * 1_000_003 + number)
        phone = f"+9198{(self.phone_base + number) % 10**8:08d}"
        url = f"{self.public_base_url}{WEBHOOK}"
        steps = []
        for body, expect in conversation(rng, self.ambiguous):
            form = twilio_form(phone, body, f"SM{uuid.uuid4().hex}")
            steps.append(
                Step(encode_request(form, sign_like_twilio(self.auth_token, url, form)), expect)
            )
        return steps

    def extra_users(self, first: int, stride: int, offset: int) -> Callable[[], list[Step]]:
        """More users for one connection, numbered apart from every other connection's."""
        numbers = itertools.count(first + offset, stride)
        return lambda: self.user(next(numbers))


@dataclass
class Plan:
    """The requests one connection sends, in order; users beyond the pool are made on demand."""

    steps: list[Step]
    more: Callable[[], list[Step]] | None = None
    wrap: bool = False
    position: int = 0
    extra_users: int = 0

    def next(self) -> Step | None:
        """The next request, or None when this connection has no more users."""
        if self.position >= len(self.steps):
            if self.wrap and self.steps:
                self.position = 0
            elif self.more is not None:
                self.steps.extend(self.more())
                self.extra_users += 1
            else:
                return None
        step = self.steps[self.position]
        self.position += 1
        return step


def build_plans(
    workload: Workload, connections: int, users: int, first_user: int = 0
) -> list[list[Step]]:
    """`users` users dealt round-robin to the connections, each user's messages kept together."""
    plans: list[list[Step]] = [[] for _ in range(connections)]
    for offset in range(users):
        plans[offset % connections].extend(workload.user(first_user + offset))
    return plans


# --- the load driver ------------------------------------------------------------------------


def _parse_response(buf: bytearray) -> tuple[int, bytes, int, bool] | None:
    """(status, body, bytes consumed, server closes) once a whole response is in `buf`."""
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = bytes(buf[:end]).lower()
    status = int(head[9:12])
    close = b"\r\nconnection: close" in head
    start = end + 4
    at = head.find(b"\r\ncontent-length:")
    if at >= 0:
        stop = head.find(b"\r\n", at + 2)
        total = start + int(head[at + 17 : stop if stop >= 0 else len(head)])
        if len(buf) < total:
            return None
        return status, bytes(buf[start:total]), total, close
    if b"\r\ntransfer-encoding: chunked" in head:
        return _parse_chunked(buf, start, status, close)
    raise ValueError("response without Content-Length or chunked encoding")


def _parse_chunked(
    buf: bytearray, pos: int, status: int, close: bool
) -> tuple[int, bytes, int, bool] | None:
    body = bytearray()
    while True:
        line_end = buf.find(b"\r\n", pos)
        if line_end < 0:
            return None
        size = int(bytes(buf[pos:line_end]).split(b";")[0], 16)
        if size == 0:
            trailer_end = buf.find(b"\r\n\r\n", line_end)
            return None if trailer_end < 0 else (status, bytes(body), trailer_end + 4, close)
        if len(buf) < line_end + 2 + size + 2:
            return None
        body += buf[line_end + 2 : line_end + 2 + size]
        pos = line_end + 2 + size + 2


@dataclass
class ProcessResult:
    """What one load process measured (picklable)."""

    latencies: bytes = b""
    statuses: Counter[int] = field(default_factory=Counter)
    unexpected: int = 0
    transport_errors: int = 0
    reconnects: int = 0
    extra_users: int = 0
    cpu_seconds: float = 0.0
    samples: list[str] = field(default_factory=list)
    failure: str = ""


class _Connection:
    """One keep-alive socket and the plan it walks."""

    def __init__(self, address: tuple[str, int], plan: Plan) -> None:
        self.address = address
        self.plan = plan
        self.sock = self._connect()
        self.buf = bytearray()
        self.step: Step | None = None
        self.sent_at = 0.0

    def _connect(self) -> socket.socket:
        sock = socket.create_connection(self.address, timeout=30)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def reconnect(self, selector: selectors.BaseSelector) -> None:
        """Replace a closed or broken socket."""
        selector.unregister(self.sock)
        self.sock.close()
        self.sock = self._connect()
        selector.register(self.sock, selectors.EVENT_READ, self)

    def send_next(self) -> bool:
        """Send the plan's next request; False when the plan is done."""
        self.step = self.plan.next()
        if self.step is None:
            return False
        self.buf.clear()
        self.sent_at = time.perf_counter()
        self.sock.sendall(self.step.request)
        return True


def _note(result: ProcessResult, text: str) -> None:
    if len(result.samples) < 5:
        result.samples.append(text)


def _check_reply(
    result: ProcessResult, conn: _Connection, status: int, body: bytes, check: bool
) -> None:
    result.statuses[status] += 1
    if status != 200:
        _note(result, f"HTTP {status}: {body[:300]!r}")
    elif check and conn.step is not None and conn.step.expect not in body:
        result.unexpected += 1
        sent = conn.step.request.split(b"&Body=", 1)[-1].split(b"&", 1)[0]
        _note(result, f"reply to Body={sent.decode()!r} lacks {conn.step.expect!r}: {body[:300]!r}")


def _drive(
    address: tuple[str, int],
    plans: list[Plan],
    seconds: float,
    check: bool,
    ready: Any,
    go: Any,
) -> ProcessResult:
    """Run the connections until `seconds` pass (or every plan is done); count only in time."""
    result = ProcessResult()
    latencies = array("d")
    selector = selectors.DefaultSelector()
    conns: list[_Connection] = [_Connection(address, plan) for plan in plans]
    for conn in conns:
        selector.register(conn.sock, selectors.EVENT_READ, conn)
    ready.put(os.getpid())
    go.wait()
    cpu_start = time.process_time()
    deadline = time.perf_counter() + seconds
    active = sum(1 for conn in conns if conn.send_next())
    while active:
        timeout = deadline - time.perf_counter()
        if timeout <= 0:
            break
        for key, _ in selector.select(timeout):
            conn = key.data
            try:
                data = conn.sock.recv(65536)
            except OSError:
                data = b""
            now = time.perf_counter()
            if not data:
                # The server dropped the connection mid-request: an error; go on with a new one.
                result.transport_errors += 1
                result.reconnects += 1
                _note(result, "connection closed before a whole response")
                conn.reconnect(selector)
                if now >= deadline or not conn.send_next():
                    selector.unregister(conn.sock)
                    active -= 1
                continue
            conn.buf += data
            parsed = _parse_response(conn.buf)
            if parsed is None:
                continue
            status, body, _consumed, close = parsed
            if now <= deadline:
                latencies.append(now - conn.sent_at)
                _check_reply(result, conn, status, body, check)
            if close:
                result.reconnects += 1
                conn.reconnect(selector)
            if now >= deadline or not conn.send_next():
                selector.unregister(conn.sock)
                active -= 1
    result.cpu_seconds = time.process_time() - cpu_start
    result.latencies = latencies.tobytes()
    result.extra_users = sum(conn.plan.extra_users for conn in conns)
    for conn in conns:
        conn.sock.close()
    return result


def _child(
    address: tuple[str, int],
    plans: list[Plan],
    seconds: float,
    check: bool,
    ready: Any,
    go: Any,
    results: Any,
) -> None:
    # The parent's objects are inherited: keep the collector off them (and off the hot loop).
    gc.freeze()
    gc.disable()
    try:
        results.put(_drive(address, plans, seconds, check, ready, go))
    except KeyboardInterrupt:
        pass  # Ctrl-C: the parent stops everything
    except Exception as exc:
        # Tell the parent at once, wherever it is waiting.
        ready.put(f"load process failed: {exc!r}")
        results.put(ProcessResult(failure=f"load process failed: {exc!r}"))


PERCENTILES = (50, 95, 99)


@dataclass
class LoadResult:
    """Everything measured for one target."""

    driver: str
    seconds: float
    requests: int
    percentiles: dict[int, float]
    statuses: Counter[int]
    unexpected: int
    transport_errors: int
    reconnects: int
    extra_users: int
    client_cpu_seconds: float
    samples: list[str]
    meters: dict[str, float] = field(default_factory=dict)
    spread: str = ""
    imbalanced: bool = False

    @property
    def rate(self) -> float:
        """Completed responses per second."""
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        """Non-200 responses plus connections dropped mid-request."""
        return (
            sum(n for status, n in self.statuses.items() if status != 200) + self.transport_errors
        )

    def percentile_ms(self, p: int) -> float:
        """A latency percentile (50, 95 or 99) in milliseconds."""
        return self.percentiles.get(p, math.nan)


def nearest_rank_ms(ordered: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of sorted latencies in seconds, in milliseconds."""
    if not ordered:
        return math.nan
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1] * 1000


def _nothing() -> None:
    """No-op hook."""


@dataclass
class Hooks:
    """Called at the start, in the middle and at the end of a timed run (meters, samples)."""

    start: Callable[[], None] = _nothing
    middle: Callable[[], None] = _nothing
    stop: Callable[[], None] = _nothing


def run_load(
    address: tuple[str, int],
    plans: Sequence[Plan],
    seconds: float,
    processes: int,
    check: bool,
    hooks: Hooks | None = None,
) -> LoadResult:
    """Drive `plans` (one per connection) from `processes` forked load processes."""
    # Without hooks (a warm-up) the run ends as soon as every plan is done.
    ctx = mp.get_context("fork")
    ready, results = ctx.Queue(), ctx.Queue()
    go = ctx.Event()
    processes = max(1, min(processes, len(plans)))
    children = [
        ctx.Process(
            target=_child,
            args=(address, list(plans[i::processes]), seconds, check, ready, go, results),
            daemon=True,
        )
        for i in range(processes)
    ]
    try:
        for child in children:
            child.start()
        for _ in children:
            message = ready.get(timeout=60)
            if isinstance(message, str):
                raise RuntimeError(message)
        if hooks:
            hooks.start()
        go.set()
        started = time.perf_counter()
        if hooks:
            time.sleep(seconds / 2)
            hooks.middle()
        parts = []
        for _ in children:
            remaining = started + seconds + 60 - time.perf_counter()
            part = results.get(timeout=max(1.0, remaining))
            if part.failure:
                raise RuntimeError(part.failure)
            parts.append(part)
        if hooks:
            hooks.stop()
        for child in children:
            child.join(timeout=10)
    except queue.Empty:
        raise RuntimeError("a load process did not report in time") from None
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
                child.join(timeout=5)
    return _merge(parts, seconds)


def _merge(parts: list[ProcessResult], seconds: float) -> LoadResult:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    samples: list[str] = []
    for part in parts:
        values = array("d")
        values.frombytes(part.latencies)
        latencies.extend(values)
        statuses.update(part.statuses)
        samples.extend(part.samples)
    latencies.sort()
    return LoadResult(
        driver="python",
        seconds=seconds,
        requests=len(latencies),
        percentiles={p: nearest_rank_ms(latencies, p) for p in PERCENTILES},
        statuses=statuses,
        unexpected=sum(p.unexpected for p in parts),
        transport_errors=sum(p.transport_errors for p in parts),
        reconnects=sum(p.reconnects for p in parts),
        extra_users=sum(p.extra_users for p in parts),
        client_cpu_seconds=sum(p.cpu_seconds for p in parts),
        samples=samples[:8],
    )


# --- the same load through wrk (C, epoll): cheaper still, when it is installed ---------------

# One wrk thread per connection, so each connection's requests go out strictly in order.
WRK_SCRIPT = r"""
local threads, counter = {}, 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  dir, check = args[1], args[2] == "check"
  reqs, expects = {}, {}
  local f = assert(io.open(dir .. "/conn_" .. id .. ".bin", "rb"))
  while true do
    local line = f:read("*l")
    if not line then break end
    local n, expect = line:match("^(%d+)\t(.*)$")
    reqs[#reqs + 1] = f:read(tonumber(n))
    expects[#expects + 1] = expect
  end
  f:close()
  pos, current, bad, non200, wrapped, sample = 0, 0, 0, 0, 0, ""
  -- wrk calls request() once on thread 0 to check the script, and never sends that one.
  verifying = id == 0
end
function request()
  if verifying then
    verifying = false
    return reqs[1]
  end
  pos = pos + 1
  if pos > #reqs then pos, wrapped = 1, wrapped + 1 end
  current = pos
  return reqs[pos]
end
function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if sample == "" then sample = "HTTP " .. status .. ": " .. string.sub(body, 1, 300) end
  elseif check and not string.find(body, expects[current], 1, true) then
    bad = bad + 1
    if sample == "" then
      sample = "reply lacks " .. expects[current] .. ": " .. string.sub(body, 1, 300)
    end
  end
end
function done(summary, latency, requests)
  local bad, non200, wrapped = 0, 0, 0
  local out = io.open(threads[1]:get("dir") .. "/samples.txt", "w")
  for _, t in ipairs(threads) do
    bad, non200, wrapped = bad + t:get("bad"), non200 + t:get("non200"), wrapped + t:get("wrapped")
    local sample = t:get("sample")
    if sample ~= "" then out:write((sample:gsub("\n", " ")) .. "\n") end
  end
  out:close()
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, ' ..
    '"transport": %d, "bad": %d, "non200": %d, "wrapped": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, bad, non200, wrapped))
end
"""


def write_wrk_plans(directory: Path, plans: Sequence[Sequence[Step]]) -> Path:
    """Write each connection's requests for the wrk script; return the script's path."""
    for index, steps in enumerate(plans):
        with (directory / f"conn_{index}.bin").open("wb") as out:
            for step in steps:
                out.write(b"%d\t%s\n" % (len(step.request), step.expect))
                out.write(step.request)
    script = directory / "bench.lua"
    script.write_text(WRK_SCRIPT)
    return script


def run_wrk(
    wrk: str,
    address: tuple[str, int],
    directory: Path,
    connections: int,
    seconds: float,
    check: bool,
    hooks: Hooks | None = None,
) -> LoadResult:
    """Drive the plans written by `write_wrk_plans` with wrk, one thread per connection."""
    command = [
        wrk,
        f"-t{connections}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "30s",
        "-s",
        str(directory / "bench.lua"),
        f"http://{address[0]}:{address[1]}/",
        "--",
        str(directory),
        "check" if check else "nocheck",
    ]
    hooks = hooks or Hooks()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    hooks.start()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            time.sleep(seconds / 2)
            hooks.middle()
            stdout, stderr = process.communicate(timeout=seconds + 60)
        except BaseException:
            process.kill()
            raise
    hooks.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [line for line in stdout.splitlines() if line.startswith("BENCH_JSON ")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"wrk failed ({process.returncode}): {stderr.strip() or stdout}")
    figures = json.loads(lines[-1].removeprefix("BENCH_JSON "))
    samples_file = directory / "samples.txt"
    samples = samples_file.read_text().splitlines() if samples_file.exists() else []
    if figures["wrapped"] and check:
        samples.append(f"{figures['wrapped']} connections ran out of users and repeated requests")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return LoadResult(
        driver="wrk",
        seconds=figures["duration_us"] / 1e6,
        requests=figures["requests"],
        percentiles={p: figures[f"p{p}"] / 1000 for p in PERCENTILES},
        statuses=Counter({200: figures["requests"] - figures["non200"], 0: figures["non200"]}),
        unexpected=figures["bad"],
        transport_errors=figures["transport"],
        reconnects=0,
        extra_users=0,
        client_cpu_seconds=cpu,
        samples=samples[:8],
    )


# --- CPU meters from /proc (Linux; silently absent elsewhere) --------------------------------

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_fields(pid: str) -> tuple[str, list[str]] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    comm = raw[raw.find("(") + 1 : raw.rfind(")")]
    return comm, raw[raw.rfind(")") + 2 :].split()


def process_cpu(session: int | None = None, name: str | None = None) -> dict[int, float]:
    """CPU seconds used so far by each process in a session (or with a command name)."""
    found: dict[int, float] = {}
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        parsed = _stat_fields(entry.name)
        if parsed is None:
            continue
        comm, fields = parsed
        if (session is not None and int(fields[3]) == session) or (
            name is not None and comm == name
        ):
            found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / _TICK
    return found


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used between two snapshots (processes born in between count from zero)."""
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine so far."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0, 0
    values = [int(v) for v in first[:8]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def _link(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return ""


def established_per_process(pids: Sequence[int], port: int) -> dict[int, int]:
    """How many established TCP connections on local `port` each process holds."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                inodes.add(f"socket:[{fields[9]}]")
    counts: dict[int, int] = {}
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        counts[pid] = sum(_link(fd) in inodes for fd in fds)
    return counts
