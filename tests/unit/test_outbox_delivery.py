"""Outbox delivery rules with an in-memory outbox and a recording sender."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from backend.application.outbox_delivery import DeliveryPolicy, DeliveryReport, deliver_due
from backend.domain.messaging import DeliveryError
from backend.domain.payments.ports import OutboundMessage, OutboxItem, OutboxStatus
from backend.domain.ports import UnitOfWork

NOW = datetime(2030, 5, 1, 12, 0, tzinfo=UTC)
TEMPLATE = "HX" + "0" * 32


@dataclasses.dataclass
class Row:
    item: OutboxItem
    status: OutboxStatus = OutboxStatus.PENDING
    due: datetime = NOW
    sid: str | None = None
    error: str | None = None


class FakeOutbox:
    """Rows changed only when the unit of work commits, like the real one."""

    def __init__(self) -> None:
        self.rows: dict[int, Row] = {}
        self.staged: list[Callable[[], None]] = []

    def add(self, item: OutboxItem) -> None:
        self.rows[item.id] = Row(item)

    def enqueue(self, message: OutboundMessage, now: datetime) -> bool:
        raise NotImplementedError

    def enqueue_all(self, messages: Sequence[OutboundMessage], now: datetime) -> int:
        raise NotImplementedError

    def claim_due(self, now: datetime, limit: int) -> list[OutboxItem]:
        due = [r for r in self.rows.values() if r.status is OutboxStatus.PENDING and r.due <= now]
        return [r.item for r in sorted(due, key=lambda r: r.item.id)][:limit]

    def mark_sent(self, item_id: int, provider_sid: str, now: datetime) -> None:
        self.staged.append(lambda: self._set(item_id, status=OutboxStatus.SENT, sid=provider_sid))

    def mark_retry(self, item_id: int, error: str, next_attempt_at: datetime) -> None:
        row = self.rows[item_id]
        item = dataclasses.replace(row.item, attempts=row.item.attempts + 1)
        self.staged.append(lambda: self._set(item_id, item=item, error=error, due=next_attempt_at))

    def mark_final(self, item_id: int, status: OutboxStatus, error: str | None) -> None:
        self.staged.append(lambda: self._set(item_id, status=status, error=error))

    def record_delivery_status(
        self, provider_sid: str, status: str, error_code: str | None
    ) -> bool:
        raise NotImplementedError

    def _set(self, item_id: int, **changes: object) -> None:
        self.rows[item_id] = dataclasses.replace(self.rows[item_id], **changes)  # type: ignore[arg-type]


class FakeUnitOfWork(UnitOfWork):
    """Only the outbox is used by delivery."""

    def __init__(self, outbox: FakeOutbox) -> None:
        self.outbox = self.fake_outbox = outbox
        self.commits = 0

    def commit(self) -> None:
        for change in self.fake_outbox.staged:
            change()
        self.fake_outbox.staged.clear()
        self.commits += 1

    def rollback(self) -> None:
        self.fake_outbox.staged.clear()


class FakeSender:
    """Records what was sent; raises the planned errors first."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls: list[tuple[str, ...]] = []

    def send_text(self, to_e164: str, body: str, media_url: str | None = None) -> str:
        return self._send(("text", to_e164, body, media_url or ""))

    def send_template(self, to_e164: str, content_sid: str, variables: dict[str, str]) -> str:
        return self._send(("template", to_e164, content_sid, repr(sorted(variables.items()))))

    def _send(self, call: tuple[str, ...]) -> str:
        self.calls.append(call)
        if self.errors:
            raise self.errors.pop(0)
        return f"SM{len(self.calls):032d}"


def item(item_id: int = 1, **changes: object) -> OutboxItem:
    values: dict[str, object] = {
        "id": item_id,
        "user_id": 7,
        "phone": "+919800000001",
        "kind": "paid",
        "body": "Payment received.\nYour report follows.",
        "media_url": None,
        "template_variables": {},
        "attempts": 0,
        "last_inbound_at": NOW - timedelta(hours=1),
        "opted_out": False,
    }
    values.update(changes)
    return OutboxItem(**values)  # type: ignore[arg-type]


class World:
    """An outbox, its unit of work and a clock the test moves."""

    def __init__(self, *items: OutboxItem) -> None:
        self.outbox = FakeOutbox()
        for one in items:
            self.outbox.add(one)
        self.uow = FakeUnitOfWork(self.outbox)
        self.now = NOW

    def deliver(
        self, sender: FakeSender, template: str | None = TEMPLATE, batch_limit: int = 100
    ) -> DeliveryReport:
        rules = DeliveryPolicy(template_content_sid=template, batch_limit=batch_limit)
        return deliver_due(lambda: self.uow, sender, rules, clock=lambda: self.now)

    def row(self, item_id: int = 1) -> Row:
        return self.outbox.rows[item_id]


def test_inside_the_window_free_text_goes_with_its_media() -> None:
    world = World(item(media_url="https://bot.test/media/reports/tok"))
    sender = FakeSender()

    report = world.deliver(sender)

    assert sender.calls == [
        (
            "text",
            "+919800000001",
            "Payment received.\nYour report follows.",
            "https://bot.test/media/reports/tok",
        )
    ]
    assert (world.row().status, world.row().sid) == (OutboxStatus.SENT, "SM" + "1".zfill(32))
    assert (report.sent, report.retried, report.dead, report.skipped) == (1, 0, 0, 0)


@pytest.mark.parametrize("last_inbound", [NOW - timedelta(hours=24), None])
def test_outside_the_window_the_template_goes_with_the_first_line(
    last_inbound: datetime | None,
) -> None:
    world = World(item(last_inbound_at=last_inbound))
    sender = FakeSender()

    world.deliver(sender)

    assert sender.calls == [("template", "+919800000001", TEMPLATE, "[('1', 'Payment received.')]")]
    assert world.row().status is OutboxStatus.SENT


def test_the_template_uses_the_items_own_variables() -> None:
    world = World(item(last_inbound_at=None, template_variables={"1": "Asha", "2": 199}))
    sender = FakeSender()

    world.deliver(sender)

    assert sender.calls[0][3] == "[('1', 'Asha'), ('2', '199')]"


def test_outside_the_window_without_a_template_is_dead_and_says_why() -> None:
    world = World(item(last_inbound_at=NOW - timedelta(days=3)))
    sender = FakeSender()

    report = world.deliver(sender, template=None)

    assert sender.calls == []
    assert world.row().status is OutboxStatus.DEAD
    assert "TWILIO_TEMPLATE_CONTENT_SID" in (world.row().error or "")
    assert report.dead == 1


def test_stop_skips_nudges_but_not_what_the_user_paid_for() -> None:
    world = World(
        item(1, kind="nudge", opted_out=True),
        item(2, kind="report", opted_out=True),
        item(3, kind="credits", opted_out=True),
    )
    sender = FakeSender()

    report = world.deliver(sender)

    assert world.row(1).status is OutboxStatus.SKIPPED
    assert [world.row(i).status for i in (2, 3)] == [OutboxStatus.SENT] * 2
    assert len(sender.calls) == 2
    assert (report.sent, report.skipped) == (2, 1)


def test_transient_failures_back_off_then_dead_letter_after_six_attempts() -> None:
    world = World(item())
    sender = FakeSender(*[DeliveryError("Twilio HTTP 500", permanent=False)] * 6)
    waits: list[timedelta] = []

    for _ in range(6):
        before = world.now
        world.deliver(sender)
        if world.row().status is OutboxStatus.PENDING:
            waits.append(world.row().due - before)
            world.now = world.row().due

    assert waits == [timedelta(seconds=s) for s in (30, 120, 600, 1800, 7200)]
    assert len(sender.calls) == 6
    assert world.row().status is OutboxStatus.DEAD
    assert "gave up after 6 attempts" in (world.row().error or "")


def test_a_retried_message_is_not_sent_again_before_it_is_due() -> None:
    world = World(item())
    sender = FakeSender(DeliveryError("Twilio unreachable", permanent=False))

    first = world.deliver(sender)
    world.now += timedelta(seconds=29)
    second = world.deliver(sender)

    assert (first.retried, second.sent, len(sender.calls)) == (1, 0, 1)
    world.now += timedelta(seconds=1)
    assert world.deliver(sender).sent == 1


def test_a_permanent_error_is_dead_at_once() -> None:
    world = World(item())
    sender = FakeSender(DeliveryError("Twilio HTTP 400 error 21211", permanent=True, code="21211"))

    report = world.deliver(sender)

    assert len(sender.calls) == 1
    assert world.row().status is OutboxStatus.DEAD
    assert "21211" in (world.row().error or "")
    assert report.dead == 1


def test_outside_window_error_falls_back_to_the_template_once() -> None:
    world = World(item())
    sender = FakeSender(DeliveryError("Twilio HTTP 400 error 63016", permanent=True, code="63016"))

    world.deliver(sender)

    assert [call[0] for call in sender.calls] == ["text", "template"]
    assert world.row().status is OutboxStatus.SENT


def test_outside_window_error_without_a_template_is_dead() -> None:
    world = World(item())
    sender = FakeSender(DeliveryError("Twilio HTTP 400 error 63016", permanent=True, code="63016"))

    world.deliver(sender, template=None)

    assert len(sender.calls) == 1
    assert world.row().status is OutboxStatus.DEAD


def test_a_sender_bug_is_retried_and_delivery_goes_on() -> None:
    world = World(item(1), item(2, user_id=8, phone="+919800000002"))
    sender = FakeSender(RuntimeError("boom"))

    report = world.deliver(sender)

    assert (
        world.row(1).status is OutboxStatus.PENDING
        and world.row(1).error == "unexpected RuntimeError"
    )
    assert world.row(2).status is OutboxStatus.SENT
    assert (report.retried, report.sent) == (1, 1)


def test_each_message_is_its_own_transaction_and_the_batch_is_bounded() -> None:
    world = World(*(item(i) for i in (1, 2, 3)))
    sender = FakeSender()

    report = world.deliver(sender, batch_limit=2)

    assert (report.sent, world.uow.commits) == (2, 2)
    assert world.row(3).status is OutboxStatus.PENDING


def test_a_crash_while_sending_leaves_the_message_pending_for_the_next_run() -> None:
    world = World(item(1), item(2))
    sender = FakeSender(KeyboardInterrupt())

    with pytest.raises(KeyboardInterrupt):
        world.deliver(sender)

    assert world.row(1).status is OutboxStatus.PENDING and world.row(1).item.attempts == 0
    assert world.deliver(sender).sent == 2
    assert [call[2] for call in sender.calls].count(item().body) == 3  # the first one went twice


def test_a_stop_request_ends_the_pass_between_messages() -> None:
    world = World(item(1), item(2))
    sender = FakeSender()
    rules = DeliveryPolicy(template_content_sid=TEMPLATE)
    asked = iter([False, True])

    report = deliver_due(lambda: world.uow, sender, rules, lambda: NOW, lambda: next(asked))

    assert report.sent == 1 and world.row(2).status is OutboxStatus.PENDING


def test_a_prepare_job_is_carried_out_in_its_transaction_not_sent() -> None:
    world = World(item(kind="prepare", body="", template_variables={"order": "7"}))
    done: list[str] = []

    def job(uow: UnitOfWork, claimed: OutboxItem, now: datetime) -> None:
        done.append(claimed.template_variables["order"])

    sender = FakeSender()
    rules = DeliveryPolicy(template_content_sid=TEMPLATE)
    deliver_due(lambda: world.uow, sender, rules, clock=lambda: world.now, jobs=job)

    assert done == ["7"] and sender.calls == []
    assert world.row().status is OutboxStatus.DONE


def test_a_failing_prepare_job_is_retried_later_with_nothing_half_done() -> None:
    world = World(item(kind="prepare", body="", template_variables={"order": "7"}))

    def job(uow: UnitOfWork, claimed: OutboxItem, now: datetime) -> None:
        uow.outbox.mark_sent(99, "half-done", now)  # staged work the failure must drop
        raise RuntimeError("the chart could not be computed")

    rules = DeliveryPolicy(template_content_sid=TEMPLATE)
    report = deliver_due(lambda: world.uow, FakeSender(), rules, clock=lambda: world.now, jobs=job)

    assert report.retried == 1
    assert world.row().status is OutboxStatus.PENDING and world.row().due > NOW
    assert 99 not in world.outbox.rows
