"""Repositories: domain objects in, rows out, one per aggregate (SQLAlchemy Core on one
connection: the hot path of every message, so no ORM flush or identity map)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from backend.domain.conversation import Conversation
from backend.domain.ports import ConcurrentUpdate, ConversationRepository, MessageLog
from backend.domain.profile import BirthProfile
from infrastructure.db.models import BirthProfileRow, ConversationRow, MessageRow, UserRow
from infrastructure.db.upsert import insert_ignoring_conflict
from infrastructure.db.user_directory import SqlUserDirectory


def _table(model: type[object]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


USERS = _table(UserRow)
CONVERSATIONS = _table(ConversationRow)
PROFILES = _table(BirthProfileRow)
MESSAGES = _table(MessageRow)
_PROFILE_FIELDS = ("name", "birth_date", "birth_time", "place_label", "latitude", "longitude")

# Built once at import; SQLAlchemy caches their compiled form.
_SELECT_LOCKED = (
    select(
        USERS.c.id.label("user_id"),
        USERS.c.phone,
        USERS.c.language,
        CONVERSATIONS.c.id.label("conversation_id"),
        CONVERSATIONS.c.flow,
        CONVERSATIONS.c.state,
        CONVERSATIONS.c.context,
        CONVERSATIONS.c.version,
        CONVERSATIONS.c.last_inbound_at,
        PROFILES.c.id.label("profile_id"),
        *(PROFILES.c[name] for name in _PROFILE_FIELDS),
        PROFILES.c.timezone,
    )
    .select_from(
        USERS.join(CONVERSATIONS, CONVERSATIONS.c.user_id == USERS.c.id).outerjoin(
            PROFILES, PROFILES.c.id == USERS.c.profile_id
        )
    )
    .where(USERS.c.phone == bindparam("phone"))
    # NO KEY UPDATE: a payment webhook inserting outbox or ledger rows for this user takes a
    # KEY SHARE lock on the user's row, which FOR UPDATE would block (and deadlock with).
    .with_for_update(of=[USERS, CONVERSATIONS], key_share=True)
)
_SAVE_CONVERSATION = (
    update(CONVERSATIONS)
    .where(CONVERSATIONS.c.id == bindparam("cid"), CONVERSATIONS.c.version == bindparam("v"))
    .values(
        flow=bindparam("flow"),
        state=bindparam("state"),
        context=bindparam("context"),
        version=CONVERSATIONS.c.version + 1,
        last_inbound_at=bindparam("last_inbound_at"),
        updated_at=bindparam("now"),
    )
)
_SET_PROFILE = (
    update(USERS).where(USERS.c.id == bindparam("uid")).values(profile_id=bindparam("pid"))
)
_INSERT_PROFILE = insert(PROFILES).returning(PROFILES.c.id)
# The user's stored chart with exactly these details (birth time may be unknown: NULL).
_SAME_PROFILE = (
    select(PROFILES.c.id)
    .where(
        PROFILES.c.user_id == bindparam("user_id"),
        *(
            PROFILES.c[name].is_not_distinct_from(bindparam(name))
            for name in (*_PROFILE_FIELDS, "timezone")
        ),
    )
    .order_by(PROFILES.c.id)
    .limit(1)
)
_SELECT_PROFILE = select(
    *(PROFILES.c[name] for name in _PROFILE_FIELDS), PROFILES.c.timezone
).where(PROFILES.c.id == bindparam("pid"))
_INSERT_MESSAGES = insert(MESSAGES)


def profile_from_row(row: Any, profile_id: int) -> BirthProfile:
    """Domain profile from a row carrying the profile's columns."""
    return BirthProfile(
        id=profile_id,
        name=row.name,
        birth_date=row.birth_date,
        birth_time=row.birth_time,
        place_label=row.place_label,
        latitude=row.latitude,
        longitude=row.longitude,
        timezone=row.timezone,
    )


class SqlConversationRepository(ConversationRepository):
    """Conversations joined with their user and saved profile, locked with SELECT … FOR UPDATE."""

    def __init__(self, conn: Connection, users: SqlUserDirectory) -> None:
        self._conn = conn
        self._users = users  # the language is the user's: written where their row is kept
        self._loaded: dict[int, tuple[int, str | None]] = {}  # user → (conversation, language)

    def lock(self, phone: str, now: datetime, initial_state: str, flow: str) -> Conversation:
        row = self._select_locked(phone)
        if row is None:
            self._create(phone, now, initial_state, flow)
            row = self._select_locked(phone)
            assert row is not None
        self._loaded[row.user_id] = (row.conversation_id, row.language)
        return Conversation(
            user_id=row.user_id,
            phone=row.phone,
            flow=row.flow,
            state=row.state,
            language=row.language,
            context=dict(row.context or {}),
            version=row.version,
            last_inbound_at=row.last_inbound_at,
            profile=None if row.profile_id is None else profile_from_row(row, row.profile_id),
        )

    def save(self, conversation: Conversation) -> None:
        conversation_id, language = self._loaded[conversation.user_id]
        now = datetime.now(UTC)
        if conversation.new_profile is not None:
            profile_id = self._insert_profile(conversation.user_id, conversation.new_profile)
            self._conn.execute(_SET_PROFILE, {"uid": conversation.user_id, "pid": profile_id})
            conversation.new_profile = None
        if conversation.language != language:
            self._users.set_language(conversation.user_id, conversation.language)
        result = self._conn.execute(
            _SAVE_CONVERSATION,
            {
                "cid": conversation_id,
                "v": conversation.version,
                "flow": conversation.flow,
                "state": conversation.state,
                "context": conversation.context,
                "last_inbound_at": conversation.last_inbound_at,
                "now": now,
            },
        )
        # The row lock makes this hold; the version check turns a bug into an error, not a
        # silently lost update.
        if result.rowcount != 1:
            raise ConcurrentUpdate(f"conversation {conversation_id} changed underneath us")
        conversation.version += 1
        self._loaded[conversation.user_id] = (conversation_id, conversation.language)

    def add_profile(self, user_id: int, profile: BirthProfile) -> int:
        return self._insert_profile(user_id, profile)

    def profile(self, profile_id: int) -> BirthProfile | None:
        row = self._conn.execute(_SELECT_PROFILE, {"pid": profile_id}).first()
        return None if row is None else profile_from_row(row, profile_id)

    def _select_locked(self, phone: str) -> Any:
        return self._conn.execute(_SELECT_LOCKED, {"phone": phone}).first()

    def _create(self, phone: str, now: datetime, initial_state: str, flow: str) -> None:
        insert_ignoring_conflict(self._conn, USERS, {"phone": phone, "created_at": now}, ("phone",))
        user_id = self._conn.scalar(select(USERS.c.id).where(USERS.c.phone == phone))
        values: dict[str, Any] = {
            "user_id": user_id,
            "flow": flow,
            "state": initial_state,
            "context": {},
            "version": 0,
            "created_at": now,
            "updated_at": now,
        }
        insert_ignoring_conflict(self._conn, CONVERSATIONS, values, ("user_id",))

    def _insert_profile(self, user_id: int, profile: BirthProfile) -> int:
        # Details entered again (the same partner, one's own chart re-typed) name the row they
        # named before, so orders for them are found, and what was paid for is not sold twice.
        values = {name: getattr(profile, name) for name in _PROFILE_FIELDS}
        values.update(user_id=user_id, timezone=profile.timezone)
        same = self._conn.execute(_SAME_PROFILE, values).scalar()
        if same is not None:
            return int(same)
        values.update(created_at=datetime.now(UTC))
        return int(self._conn.execute(_INSERT_PROFILE, values).scalar_one())


class SqlMessageLog(MessageLog):
    """Chat history; the unique MessageSid makes a redelivered webhook a no-op."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def record_inbound(self, user_id: int, message_sid: str, body: str, at: datetime) -> bool:
        values = {
            "user_id": user_id,
            "direction": "in",
            "message_sid": message_sid,
            "body": body,
            "created_at": at,
        }
        return insert_ignoring_conflict(self._conn, MESSAGES, values, ("message_sid",))

    def record_outbound(self, user_id: int, bodies: list[str], at: datetime) -> None:
        if bodies:
            rows = [
                {"user_id": user_id, "direction": "out", "message_sid": None, "body": b,
                 "created_at": at}
                for b in bodies
            ]  # fmt: skip
            self._conn.execute(_INSERT_MESSAGES, rows)
