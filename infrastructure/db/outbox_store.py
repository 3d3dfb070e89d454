"""The outbox in SQL: proactive messages written with their cause, claimed by workers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Executable, Table, bindparam, case, exists, select, update

from backend.domain.messaging import DELIVERY_PROGRESS, UNKNOWN_PROGRESS
from backend.domain.payments.ports import OutboundMessage, OutboxItem, OutboxStatus
from infrastructure.db.models import ConversationRow, UserRow, UTCDateTime
from infrastructure.db.payment_models import OutboxRow
from infrastructure.db.upsert import insert_ignoring_conflict_statement

OUTBOX = cast(Table, OutboxRow.__table__)
USERS = cast(Table, UserRow.__table__)
CONVERSATIONS = cast(Table, ConversationRow.__table__)
MAX_ERROR = 500  # enough to diagnose; a provider's error page must not bloat the row
_DELIVERY_FIELD = 16  # delivery_status / delivery_error column width
_PENDING = OutboxStatus.PENDING.value

_EARLIER = OUTBOX.alias("earlier")
_CLAIM = (
    select(
        OUTBOX.c.id,
        OUTBOX.c.user_id,
        USERS.c.phone,
        OUTBOX.c.kind,
        OUTBOX.c.body,
        OUTBOX.c.media_url,
        OUTBOX.c.content,
        OUTBOX.c.attempts,
        CONVERSATIONS.c.last_inbound_at,
        USERS.c.proactive_opt_out,
    )
    .select_from(
        OUTBOX.join(USERS, USERS.c.id == OUTBOX.c.user_id).outerjoin(
            CONVERSATIONS, CONVERSATIONS.c.user_id == OUTBOX.c.user_id
        )
    )
    .where(
        OUTBOX.c.status == _PENDING,
        OUTBOX.c.next_attempt_at <= bindparam("now", type_=UTCDateTime()),
        # A user's messages go out strictly in order: while an earlier one is pending (even
        # waiting for a retry, or held by another worker) the later ones wait behind it.
        ~exists().where(
            _EARLIER.c.user_id == OUTBOX.c.user_id,
            _EARLIER.c.status == _PENDING,
            _EARLIER.c.id < OUTBOX.c.id,
        ),
    )
    .order_by(OUTBOX.c.id)
    .limit(bindparam("limit"))
    # Skip, not wait: another worker's row is its business, there is other work to take.
    .with_for_update(of=OUTBOX, skip_locked=True)
)
_BY_ID = OUTBOX.c.id == bindparam("oid")
_MARK_SENT = (
    update(OUTBOX)
    .where(_BY_ID)
    .values(
        status=OutboxStatus.SENT.value,
        provider_sid=bindparam("b_sid"),
        sent_at=bindparam("b_now"),
        attempts=OUTBOX.c.attempts + 1,
    )
)
_MARK_RETRY = (
    update(OUTBOX)
    .where(_BY_ID)
    .values(
        attempts=OUTBOX.c.attempts + 1,
        last_error=bindparam("b_error"),
        next_attempt_at=bindparam("b_next"),
    )
)
_MARK_FINAL = (
    update(OUTBOX)
    .where(_BY_ID)
    .values(
        status=bindparam("b_status"),
        attempts=OUTBOX.c.attempts + 1,
        last_error=bindparam("b_error"),
    )
)
_STORED_PROGRESS = case(
    (OUTBOX.c.delivery_status.is_(None), -1),
    *((OUTBOX.c.delivery_status == name, rank) for name, rank in DELIVERY_PROGRESS.items()),
    else_=UNKNOWN_PROGRESS,
)
_NOT_BEHIND = bindparam("b_rank") >= _STORED_PROGRESS
# Matches the row whenever the sid is known; changes it only when the status is not behind.
# Evaluated on the row as locked, so two callbacks racing for one message cannot regress it.
_DELIVERY = (
    update(OUTBOX)
    .where(OUTBOX.c.provider_sid == bindparam("sid"))
    .values(
        delivery_error=case((_NOT_BEHIND, bindparam("b_error")), else_=OUTBOX.c.delivery_error),
        delivery_status=case((_NOT_BEHIND, bindparam("b_status")), else_=OUTBOX.c.delivery_status),
    )
    .returning(OUTBOX.c.id)
)


class SqlOutbox:
    """Outbox on the unit of work's connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def enqueue(self, message: OutboundMessage, now: datetime) -> bool:
        """Queue the message, due now; False when its dedupe key was already queued."""
        return self.enqueue_all((message,), now) == 1

    def enqueue_all(self, messages: Sequence[OutboundMessage], now: datetime) -> int:
        """Queue the messages, due now, ids in their order; how many were new."""
        if not messages:
            return 0
        rows = [_values(message, now) for message in messages]
        statement = insert_ignoring_conflict_statement(self._conn, OUTBOX, rows[0], ("dedupe_key",))
        # A list of rows: SQLAlchemy sends them as one multi-row INSERT (insertmanyvalues).
        return len(self._conn.execute(statement, rows).all())

    def claim_due(self, now: datetime, limit: int) -> list[OutboxItem]:
        """Due messages, oldest first and at most one per user, locked until the unit ends."""
        rows = self._conn.execute(_CLAIM, {"now": now, "limit": limit})
        return [
            OutboxItem(
                id=row.id,
                user_id=row.user_id,
                phone=row.phone,
                kind=row.kind,
                body=row.body,
                media_url=row.media_url,
                template_variables=dict(row.content or {}),
                attempts=row.attempts,
                last_inbound_at=row.last_inbound_at,
                opted_out=bool(row.proactive_opt_out),
            )
            for row in rows
        ]

    def mark_sent(self, item_id: int, provider_sid: str, now: datetime) -> None:
        """Delivered to the provider, which answered with this message sid."""
        self._update(_MARK_SENT, {"oid": item_id, "b_sid": provider_sid, "b_now": now})

    def mark_retry(self, item_id: int, error: str, next_attempt_at: datetime) -> None:
        """Failed this time; due again at next_attempt_at."""
        values = {"oid": item_id, "b_error": error[:MAX_ERROR], "b_next": next_attempt_at}
        self._update(_MARK_RETRY, values)

    def mark_final(self, item_id: int, status: OutboxStatus, error: str | None) -> None:
        """Dead-lettered, skipped or (a job) done: never tried again."""
        if status not in (OutboxStatus.DEAD, OutboxStatus.SKIPPED, OutboxStatus.DONE):
            raise ValueError(f"a final outbox status is dead, skipped or done, not {status}")
        error = None if error is None else error[:MAX_ERROR]
        self._update(_MARK_FINAL, {"oid": item_id, "b_status": status.value, "b_error": error})

    def record_delivery_status(
        self, provider_sid: str, status: str, error_code: str | None
    ) -> bool:
        """The provider's status callback; False when no message has this sid.

        A status behind the one stored (a late "sent" after "delivered") is not kept.
        """
        values = {
            "sid": provider_sid,
            "b_rank": DELIVERY_PROGRESS.get(status, UNKNOWN_PROGRESS),
            "b_status": status[:_DELIVERY_FIELD],
            "b_error": None if error_code is None else error_code[:_DELIVERY_FIELD],
        }
        return self._conn.execute(_DELIVERY, values).first() is not None

    def _update(self, statement: Executable, values: dict[str, object]) -> None:
        if self._conn.execute(statement, values).rowcount != 1:
            raise LookupError(f"no outbox message {values['oid']}")


def _values(message: OutboundMessage, now: datetime) -> dict[str, Any]:
    return {
        "user_id": message.user_id,
        "kind": message.kind,
        "dedupe_key": message.dedupe_key,
        "body": message.body,
        "media_url": message.media_url,
        "content": dict(message.template_variables),
        "status": _PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }
