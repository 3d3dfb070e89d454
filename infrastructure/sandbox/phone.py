"""The sandbox's view of a user's WhatsApp: proactive messages the dev sender marked sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, Table, bindparam, select

from infrastructure.db.models import UserRow
from infrastructure.db.payment_models import OutboxRow

_OUTBOX: Table = OutboxRow.__table__  # type: ignore[assignment]
_USERS: Table = UserRow.__table__  # type: ignore[assignment]
_SENT = "sent"

_SENT_AFTER = (
    select(_OUTBOX.c.id, _OUTBOX.c.kind, _OUTBOX.c.body, _OUTBOX.c.media_url, _OUTBOX.c.sent_at)
    .select_from(_OUTBOX.join(_USERS, _USERS.c.id == _OUTBOX.c.user_id))
    .where(
        _USERS.c.phone == bindparam("phone"),
        _OUTBOX.c.status == _SENT,
        _OUTBOX.c.id > bindparam("after"),
    )
    .order_by(_OUTBOX.c.id)
    .limit(bindparam("limit"))
)


@dataclass(frozen=True)
class DeliveredMessage:
    """One proactive message as the user's phone would show it."""

    id: int
    kind: str
    body: str
    media_url: str | None
    sent_at: datetime | None


class SandboxPhone:
    """Reads delivered outbox messages for a phone number (development only)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def messages_after(self, phone: str, after_id: int, limit: int = 50) -> list[DeliveredMessage]:
        """Sent messages for phone with an outbox id above after_id, oldest first."""
        params = {"phone": phone, "after": after_id, "limit": limit}
        with self._engine.connect() as conn:
            rows = conn.execute(_SENT_AFTER, params).all()
        return [DeliveredMessage(r.id, r.kind, r.body, r.media_url, r.sent_at) for r in rows]
