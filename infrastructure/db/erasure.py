"""Erasing one user's personal data in SQL, on the unit of work's connection.

Kept for accounting: the user row (phone, STOP flag), orders with amounts and payment ids,
attempts, payment events and the entitlement ledger. Gone: birth profiles, chat history,
and the text of every proactive message (reports quote the birth details).
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Connection, Table, bindparam, delete, null, or_, update

from backend.domain.payments.ports import OutboxStatus
from backend.domain.ports import Erased, PrivacyStore
from infrastructure.db.models import BirthProfileRow, MessageRow, UserRow
from infrastructure.db.payment_models import OrderRow, OutboxRow

USERS = cast(Table, UserRow.__table__)
PROFILES = cast(Table, BirthProfileRow.__table__)
MESSAGES = cast(Table, MessageRow.__table__)
ORDERS = cast(Table, OrderRow.__table__)
OUTBOX = cast(Table, OutboxRow.__table__)
ERASED_NOTE = "erased at the user's request"

_FORGET_PROFILES = update(ORDERS).where(ORDERS.c.user_id == bindparam("uid")).values(profile_ids=[])
_UNLINK_PROFILE = update(USERS).where(USERS.c.id == bindparam("uid")).values(profile_id=None)
_DELETE_PROFILES = delete(PROFILES).where(PROFILES.c.user_id == bindparam("uid"))
_DELETE_MESSAGES = delete(MESSAGES).where(
    MESSAGES.c.user_id == bindparam("uid"),
    or_(MESSAGES.c.message_sid.is_(None), MESSAGES.c.message_sid != bindparam("keep")),
)
_EMPTY_KEPT_MESSAGE = (
    update(MESSAGES)
    .where(MESSAGES.c.user_id == bindparam("uid"), MESSAGES.c.message_sid == bindparam("keep"))
    .values(body="")
)
# Pending messages are never sent now; the rows (and their dedupe keys) stay, so the same
# cause can never queue them again.
_SKIP_PENDING = (
    update(OUTBOX)
    .where(OUTBOX.c.user_id == bindparam("uid"), OUTBOX.c.status == OutboxStatus.PENDING.value)
    .values(status=OutboxStatus.SKIPPED.value, last_error=ERASED_NOTE)
)
_EMPTY_OUTBOX = (
    update(OUTBOX)
    .where(OUTBOX.c.user_id == bindparam("uid"))
    .values(body="", media_url=None, content=null())  # SQL NULL, not JSON null
)


class SqlPrivacyStore(PrivacyStore):
    """PrivacyStore on one connection; the caller holds the user's conversation lock."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def erase(self, user_id: int, keep_message_sid: str) -> Erased:
        """Erase in one transaction (the caller's); see PrivacyStore.erase."""
        uid = {"uid": user_id}
        # Orders first: on PostgreSQL their row locks make a payment being applied right now
        # finish (and queue its messages) before the outbox below is emptied, and one applied
        # later finds no profiles to deliver to.
        orders = self._conn.execute(_FORGET_PROFILES, uid).rowcount
        self._conn.execute(_UNLINK_PROFILE, uid)  # SQLite may not enforce ON DELETE SET NULL
        profiles = self._conn.execute(_DELETE_PROFILES, uid).rowcount
        messages = self._conn.execute(_DELETE_MESSAGES, {**uid, "keep": keep_message_sid})
        self._conn.execute(_EMPTY_KEPT_MESSAGE, {**uid, "keep": keep_message_sid})
        self._conn.execute(_SKIP_PENDING, uid)
        outbox = self._conn.execute(_EMPTY_OUTBOX, uid).rowcount
        return Erased(profiles=profiles, messages=messages.rowcount, outbox=outbox, orders=orders)
