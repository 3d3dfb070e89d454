"""`boloastro worker` on the real databases and the Twilio stub, in-process and killed mid-send."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa

from backend.bootstrap import Services, bootstrap
from backend.cli.main import main
from backend.domain.payments.ports import OutboundMessage
from infrastructure.db.migrate import upgrade
from infrastructure.db.models import ConversationRow, UserRow
from infrastructure.db.payment_models import OutboxRow
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork
from tests.fakes.twilio_stub import ACCOUNT_SID, AUTH_TOKEN, TwilioStub, twilio_error, twilio_stub
from tests.support import PUBLIC_BASE_URL
from tests.whatsapp import unique_phone

__all__ = ["twilio_stub"]  # the fixture, imported so pytest sees it here

TEMPLATE = "HX" + "5" * 32
OUTBOX = cast(sa.Table, OutboxRow.__table__)
USERS = cast(sa.Table, UserRow.__table__)
CONVERSATIONS = cast(sa.Table, ConversationRow.__table__)


class Arrange:
    """Users and outbox messages in the test database, written the way the app writes them."""

    def __init__(self, url: str) -> None:
        self.engine = sa.create_engine(url)

    def user(self, inbound_ago: timedelta | None = timedelta(hours=1), stop: bool = False) -> str:
        """A user who last wrote `inbound_ago` ago (None: never); returns the phone."""
        phone = unique_phone()
        last = None if inbound_ago is None else datetime.now(UTC) - inbound_ago
        with self.engine.begin() as conn:
            insert = sa.insert(USERS).values(phone=phone, proactive_opt_out=stop)
            user_id = conn.execute(insert.returning(USERS.c.id)).scalar_one()
            conversation = {"flow": "main", "state": "menu", "last_inbound_at": last}
            conn.execute(sa.insert(CONVERSATIONS).values(user_id=user_id, **conversation))
        return phone

    def enqueue(self, phone: str, body: str, kind: str = "paid", media: str | None = None) -> str:
        """Queue a message through the real outbox; returns its dedupe key."""
        key = f"test:{uuid.uuid4().hex}"
        with SqlAlchemyUnitOfWork(self.engine) as uow:
            user_id = uow.connection.execute(
                sa.select(USERS.c.id).where(USERS.c.phone == phone)
            ).scalar_one()
            message = OutboundMessage(user_id, kind, key, body, media_url=media)
            assert uow.outbox.enqueue(message, datetime.now(UTC))
            uow.commit()
        return key

    def rows(self, keys: list[str]) -> list[Any]:
        """The outbox rows for these keys, in the order given."""
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(OUTBOX).where(OUTBOX.c.dedupe_key.in_(keys))).all()
        by_key = {row.dedupe_key: row for row in found}
        return [by_key[key] for key in keys]

    def close(self) -> None:
        self.engine.dispose()


@pytest.fixture
def arrange(database_url: str) -> Iterator[Arrange]:
    built = Arrange(database_url)
    yield built
    built.close()


@pytest.fixture
def pg_arrange(postgres_url: str) -> Iterator[Arrange]:
    built = Arrange(postgres_url)
    yield built
    built.close()


@pytest.fixture
def own_sqlite(tmp_path: Path) -> Iterator[tuple[str, Arrange]]:
    """A database of this test's own, so nothing but its messages is due."""
    url = f"sqlite:///{tmp_path / 'worker.db'}"
    upgrade(url)
    built = Arrange(url)
    yield url, built
    built.close()


def worker_env(database_url: str, stub: TwilioStub) -> dict[str, str]:
    """The environment an operator would give the worker, with Twilio at the stub."""
    return {
        "BOLOASTRO_ENV": "test",
        "DATABASE_URL": database_url,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_API_URL": stub.base_url,
        "TWILIO_TEMPLATE_CONTENT_SID": TEMPLATE,
    }


@pytest.fixture
def env(database_url: str, twilio_stub: TwilioStub, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in worker_env(database_url, twilio_stub).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("REDIS_URL", raising=False)


def bodies(stub: TwilioStub, phone: str) -> list[str]:
    return [m["body"] for m in stub.sent_to(phone)]


@pytest.mark.usefixtures("env")
def test_worker_once_sends_every_due_message_in_per_user_order(
    arrange: Arrange,
    twilio_stub: TwilioStub,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    asha, ravi = arrange.user(), arrange.user()
    away = arrange.user(inbound_ago=timedelta(days=2))
    stopped = arrange.user(stop=True)
    keys = [
        arrange.enqueue(asha, "Asha 1"),
        arrange.enqueue(ravi, "Ravi 1"),
        arrange.enqueue(asha, "Asha 2", kind="report", media="https://bot.test/media/reports/t"),
        arrange.enqueue(ravi, "Ravi 2"),
        arrange.enqueue(asha, "Asha 3"),
        arrange.enqueue(away, "Payment received.\nYour report is ready."),
        arrange.enqueue(stopped, "Still thinking about a reading?", kind="nudge"),
        arrange.enqueue(stopped, "Your credits are in.", kind="credits"),
    ]

    assert main(["worker", "--once"]) == 0

    assert bodies(twilio_stub, asha) == ["Asha 1", "Asha 2", "Asha 3"]
    assert bodies(twilio_stub, ravi) == ["Ravi 1", "Ravi 2"]
    assert twilio_stub.sent_to(asha)[1]["media_url"] == ["https://bot.test/media/reports/t"]
    [template] = twilio_stub.sent_to(away)
    assert template["content_sid"] == TEMPLATE
    assert json.loads(template["content_variables"]) == {"1": "Payment received."}
    assert bodies(twilio_stub, stopped) == ["Your credits are in."]
    rows = arrange.rows(keys)
    assert [row.status for row in rows] == ["sent"] * 6 + ["skipped", "sent"]
    sids = {m["sid"] for m in twilio_stub.messages}
    assert all(row.provider_sid in sids for row in rows if row.status == "sent")
    assert "sent" in capsys.readouterr().out
    for secret in (asha, ravi, away, stopped, "Asha 1", "Your credits are in."):
        assert secret not in caplog.text


@pytest.mark.usefixtures("env")
def test_a_twilio_failure_is_retried_later_and_the_others_still_go(
    arrange: Arrange, twilio_stub: TwilioStub, capsys: pytest.CaptureFixture[str]
) -> None:
    flaky, fine = arrange.user(), arrange.user()
    twilio_stub.fail_next(500, twilio_error(500, 20500, "Internal Server Error"), to=flaky)
    keys = [arrange.enqueue(flaky, "first"), arrange.enqueue(fine, "hello")]

    assert main(["worker", "--once"]) == 0

    retried, sent = arrange.rows(keys)
    assert (retried.status, retried.attempts, retried.provider_sid) == ("pending", 1, None)
    assert "20500" in retried.last_error
    assert retried.next_attempt_at > datetime.now(UTC) + timedelta(seconds=20)
    assert sent.status == "sent"
    assert "retried 1" in capsys.readouterr().out


@pytest.mark.usefixtures("env")
def test_a_failing_sweep_never_stops_delivery(
    arrange: Arrange,
    twilio_stub: TwilioStub,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ran: list[str] = []

    def broken() -> dict[str, int]:
        raise RuntimeError("gateway down")

    def expire() -> dict[str, int]:
        ran.append("expire")
        return {"expired": 0}

    def with_sweeps(settings: Any) -> Services:
        services = bootstrap(settings)
        services.sweeps = {"retries": broken, "expire": expire}
        return services

    monkeypatch.setattr("backend.cli.worker_cmd.bootstrap", with_sweeps)
    phone = arrange.user()
    key = arrange.enqueue(phone, "hello")

    assert main(["worker", "--once"]) == 1

    assert arrange.rows([key])[0].status == "sent"
    assert ran == ["expire"]
    assert "failed: retries" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "environment"),
    [
        (["worker", "--once"], {"BOLOASTRO_ENV": "production", "TWILIO_ACCOUNT_SID": ""}),
        (["worker", "--poll-seconds", "0"], {}),
        (["worker", "--sweep-seconds", "soon"], {}),
    ],
)
def test_bad_settings_or_arguments_are_one_line_and_exit_2(
    argv: list[str],
    environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    assert main(argv) == 2

    err = capsys.readouterr().err
    assert err.startswith("boloastro: ") and err.count("\n") == 1


def start_worker(
    root: Path, environment: dict[str, str], log_file: Path
) -> subprocess.Popen[bytes]:
    """`boloastro worker` as an operator starts it, its output appended to log_file."""
    command = [sys.executable, "-m", "backend.cli.main", "worker", "--poll-seconds", "0.1"]
    with log_file.open("ab") as log:
        return subprocess.Popen(command, cwd=root, env=environment, stdout=log, stderr=log)


@contextmanager
def running(worker: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """The worker, killed afterwards if the test left it running."""
    try:
        yield worker
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def wait_until(condition: Callable[[], bool], log_file: Path) -> None:
    """Poll until the condition holds; after two minutes fail, showing the worker's log."""
    deadline = time.monotonic() + 120
    while not condition():
        assert time.monotonic() < deadline, log_file.read_text()
        time.sleep(0.05)


def test_a_worker_killed_mid_send_loses_nothing(
    postgres_url: str,
    pg_arrange: Arrange,
    twilio_stub: TwilioStub,
    tmp_path: Path,
    project_root: Path,
) -> None:
    arrange = pg_arrange
    phones = [arrange.user() for _ in range(3)]
    expected = {phone: [f"{phone[-4:]} message {n}" for n in (1, 2)] for phone in phones}
    keys = [arrange.enqueue(phone, expected[phone][n]) for n in (0, 1) for phone in phones]
    environment = {**os.environ, **worker_env(postgres_url, twilio_stub)}
    log_file = tmp_path / "worker.log"

    twilio_stub.stall(120.0)  # Twilio takes each message, then never answers
    with running(start_worker(project_root, environment, log_file)) as first:
        assert twilio_stub.wait_for_messages(1, timeout_s=120), log_file.read_text()
        first.kill()  # SIGKILL while the worker waits for Twilio's answer
        first.wait()
    twilio_stub.release()
    # Twilio took a message, but the killed worker never committed that it was sent.
    assert all(row.status == "pending" for row in arrange.rows(keys))

    with running(start_worker(project_root, environment, log_file)) as second:
        wait_until(lambda: all(row.status == "sent" for row in arrange.rows(keys)), log_file)
        second.send_signal(signal.SIGTERM)
        assert second.wait() == 0, log_file.read_text()

    for phone in phones:
        sent = bodies(twilio_stub, phone)
        assert set(sent) == set(expected[phone])  # each at least once
        assert [b for i, b in enumerate(sent) if i == 0 or sent[i - 1] != b] == expected[phone]
        assert phone not in log_file.read_text()
    sids = {m["sid"] for m in twilio_stub.messages}
    assert all(row.status == "sent" and row.provider_sid in sids for row in arrange.rows(keys))


def test_sigterm_lets_the_message_in_flight_finish_then_exits(
    own_sqlite: tuple[str, Arrange], twilio_stub: TwilioStub, tmp_path: Path, project_root: Path
) -> None:
    url, arrange = own_sqlite
    phone = arrange.user()
    keys = [arrange.enqueue(phone, "first"), arrange.enqueue(phone, "second")]
    environment = {**os.environ, **worker_env(url, twilio_stub)}
    log_file = tmp_path / "worker.log"

    twilio_stub.stall(120.0)
    with running(start_worker(project_root, environment, log_file)) as worker:
        assert twilio_stub.wait_for_messages(1, timeout_s=120), log_file.read_text()
        worker.send_signal(signal.SIGTERM)
        wait_until(lambda: "stopping after the message in flight" in log_file.read_text(), log_file)
        twilio_stub.release()
        assert worker.wait() == 0, log_file.read_text()

    assert bodies(twilio_stub, phone) == ["first"]
    assert [row.status for row in arrange.rows(keys)] == ["sent", "pending"]


def test_sweep_runs_one_sweep_and_prints_its_counts(
    env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sweep", "reconcile"]) == 0
    line = capsys.readouterr().out.strip()
    assert json.loads(line)["sweep"] == "reconcile"
    assert "checked" in json.loads(line)


def test_sweep_with_an_unknown_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", "everything"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
