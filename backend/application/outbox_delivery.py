"""Use case: deliver due outbox messages over WhatsApp, one message per transaction.

A message is claimed, sent and marked inside one unit of work, so a crash loses at most
the one in flight, which stays pending and is sent again (at-least-once delivery).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from backend.domain.messaging import DeliveryError, WhatsAppSender
from backend.domain.payments.ports import OutboxItem, OutboxStatus
from backend.domain.phone import phone_hash
from backend.domain.ports import UnitOfWork

log = logging.getLogger(__name__)

# The wait after the 1st, 2nd, … failed attempt; one failure more than this is final.
DEFAULT_BACKOFF = tuple(timedelta(seconds=s) for s in (30, 2 * 60, 10 * 60, 30 * 60, 2 * 60 * 60))
PREPARE = "prepare"  # see backend.application.payments.fulfilment
NUDGE = "nudge"  # the only kind STOP silences: what users paid for is always delivered
OUTSIDE_WINDOW = "63016"  # Twilio: free-form message outside the 24 h window
NO_TEMPLATE = "outside the 24 h window and TWILIO_TEMPLATE_CONTENT_SID is not configured"
_MAX_ERROR = 500


@dataclass(frozen=True)
class DeliveryPolicy:
    """How the worker sends: the fallback template, the retry schedule and the batch size."""

    template_content_sid: str | None = None
    backoff: tuple[timedelta, ...] = DEFAULT_BACKOFF
    batch_limit: int = 100
    window: timedelta = timedelta(hours=24)


@dataclass
class DeliveryReport:
    """What one delivery pass did."""

    sent: int = 0
    retried: int = 0
    dead: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class _Outcome:
    status: OutboxStatus  # PENDING means "try again at next_attempt_at"
    sid: str = ""
    error: str | None = None
    next_attempt_at: datetime | None = None


def deliver_due(
    unit_of_work: Callable[[], UnitOfWork],
    sender: WhatsAppSender,
    policy: DeliveryPolicy,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    should_stop: Callable[[], bool] = lambda: False,
    jobs: Callable[[UnitOfWork, OutboxItem, datetime], None] | None = None,
) -> DeliveryReport:
    """Send due messages one by one until none is due, the batch is done or a stop is asked.

    `jobs` carries out internal items (kind "prepare": render a paid report into messages)
    in the item's own transaction, so its messages are queued exactly once.
    """
    report = DeliveryReport()
    for _ in range(policy.batch_limit):
        if should_stop() or not _deliver_one(unit_of_work, sender, policy, clock, report, jobs):
            break
    return report


def _deliver_one(
    unit_of_work: Callable[[], UnitOfWork],
    sender: WhatsAppSender,
    policy: DeliveryPolicy,
    clock: Callable[[], datetime],
    report: DeliveryReport,
    jobs: Callable[[UnitOfWork, OutboxItem, datetime], None] | None,
) -> bool:
    with unit_of_work() as uow:
        claimed = uow.outbox.claim_due(clock(), 1)
        if not claimed:
            return False
        item = claimed[0]
        if item.kind == PREPARE and jobs is not None:
            if _run_job(uow, item, jobs, clock()):
                report.sent += 1
                return True
            outcome = None  # rolled back on leaving: nothing half-prepared stays
        else:
            outcome = _attempt(item, sender, policy, clock())
            _record(uow, item, outcome, report, clock())
    if outcome is None:
        outcome = _failed(item, policy, clock(), "preparing failed", permanent=False)
        with unit_of_work() as uow:
            _record(uow, item, outcome, report, clock())
    _log(item, outcome)
    return True


def _record(
    uow: UnitOfWork, item: OutboxItem, outcome: _Outcome, report: DeliveryReport, now: datetime
) -> None:
    """Write the outcome of one delivery and commit."""
    if outcome.status is OutboxStatus.SENT:
        uow.outbox.mark_sent(item.id, outcome.sid, now)
        report.sent += 1
    elif outcome.status is OutboxStatus.PENDING:
        assert outcome.next_attempt_at is not None
        uow.outbox.mark_retry(item.id, outcome.error or "", outcome.next_attempt_at)
        report.retried += 1
    else:
        uow.outbox.mark_final(item.id, outcome.status, outcome.error)
        if outcome.status is OutboxStatus.SKIPPED:
            report.skipped += 1
        else:
            report.dead += 1
    uow.commit()


def _run_job(
    uow: UnitOfWork,
    item: OutboxItem,
    jobs: Callable[[UnitOfWork, OutboxItem, datetime], None],
    now: datetime,
) -> bool:
    """Carry out an internal item in its own transaction; False when it failed."""
    try:
        jobs(uow, item, now)
    except Exception:
        log.exception("outbox job %s failed; it will be retried", item.id)
        return False
    uow.outbox.mark_final(item.id, OutboxStatus.DONE, None)
    uow.commit()
    return True


def _attempt(
    item: OutboxItem, sender: WhatsAppSender, policy: DeliveryPolicy, now: datetime
) -> _Outcome:
    if item.opted_out and item.kind == NUDGE:
        return _Outcome(OutboxStatus.SKIPPED, error="the user said STOP")
    in_window = item.last_inbound_at is not None and now - item.last_inbound_at < policy.window
    try:
        return _Outcome(OutboxStatus.SENT, sid=_send(item, sender, policy, in_window))
    except DeliveryError as exc:
        return _failed(item, policy, now, str(exc), exc.permanent)
    except Exception as exc:  # a sender bug must not stop delivery of the other messages
        log.exception("sender failed unexpectedly", extra={"outbox_id": item.id})
        return _failed(item, policy, now, f"unexpected {type(exc).__name__}", permanent=False)


def _send(item: OutboxItem, sender: WhatsAppSender, policy: DeliveryPolicy, in_window: bool) -> str:
    template = policy.template_content_sid
    if in_window:
        try:
            return sender.send_text(item.phone, item.body, item.media_url)
        except DeliveryError as exc:
            # Twilio's view of the window is the one that counts; a template may still go.
            if exc.code != OUTSIDE_WINDOW or template is None:
                raise
    if template is None:
        raise DeliveryError(NO_TEMPLATE, permanent=True)
    return sender.send_template(item.phone, template, template_variables(item))


def template_variables(item: OutboxItem) -> dict[str, str]:
    """The item's template variables, or its body's first line as variable "1"."""
    if item.template_variables:
        return {str(key): str(value) for key, value in item.template_variables.items()}
    first_line = item.body.strip().splitlines()[0] if item.body.strip() else ""
    return {"1": first_line}


def _failed(
    item: OutboxItem, policy: DeliveryPolicy, now: datetime, error: str, permanent: bool
) -> _Outcome:
    error = error[:_MAX_ERROR]
    failures = item.attempts + 1
    if permanent:
        return _Outcome(OutboxStatus.DEAD, error=error)
    if failures > len(policy.backoff):
        return _Outcome(OutboxStatus.DEAD, error=f"gave up after {failures} attempts: {error}")
    return _Outcome(
        OutboxStatus.PENDING, error=error, next_attempt_at=now + policy.backoff[failures - 1]
    )


def _log(item: OutboxItem, outcome: _Outcome) -> None:
    # The id and kind identify the message for an operator; the phone only as its hash.
    what = f"outbox {item.id} ({item.kind}) to {phone_hash(item.phone)}"
    if outcome.status is OutboxStatus.DEAD:
        log.error("%s is dead: %s", what, outcome.error)
    elif outcome.status is OutboxStatus.PENDING:
        log.warning("%s will be retried at %s: %s", what, outcome.next_attempt_at, outcome.error)
    else:
        log.info("%s %s", what, outcome.status.value)


def record_delivery_status(
    uow: UnitOfWork, provider_sid: str, status: str, error_code: str | None
) -> bool:
    """Keep the provider's status callback for a sent message; False for an unknown sid."""
    with uow:
        found = uow.outbox.record_delivery_status(provider_sid, status, error_code)
        uow.commit()
    if status in ("failed", "undelivered"):
        log.warning("message %s %s (error %s)", provider_sid, status, error_code)
    return found
