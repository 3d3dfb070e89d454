"""Gateway webhook events in SQL: the unique event id makes a redelivery a no-op."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, bindparam, update

from backend.domain.payments.ports import EventStatus
from infrastructure.db.payment_models import PaymentEventRow
from infrastructure.db.upsert import insert_ignoring_conflict

EVENTS = cast(Table, PaymentEventRow.__table__)
MAX_ERROR = 500  # enough to diagnose; a payload echoed into an error must not bloat the row

_FINISH = (
    update(EVENTS)
    .where(EVENTS.c.event_id == bindparam("eid"))
    .values(status=bindparam("b_status"), error=bindparam("b_error"))
)


class SqlPaymentEventLog:
    """PaymentEventLog on the unit of work's connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def record(
        self,
        event_id: str,
        event_type: str,
        payload_sha256: str,
        payment_id: str | None,
        now: datetime,
        status: EventStatus,
    ) -> bool:
        """Keep the event with that status; False when this event id was already recorded."""
        values = {
            "event_id": event_id,
            "event_type": event_type,
            "payload_sha256": payload_sha256,
            "payment_id": payment_id,
            "status": status.value,
            "error": None,
            "received_at": now,
        }
        return insert_ignoring_conflict(self._conn, EVENTS, values, ("event_id",))

    def finish(self, event_id: str, status: EventStatus, error: str | None = None) -> None:
        """Note what applying the event did (and why, when it failed)."""
        values = {
            "eid": event_id,
            "b_status": status.value,
            "b_error": None if error is None else error[:MAX_ERROR],
        }
        self._conn.execute(_FINISH, values)
