"""Repositories: domain objects in, rows out, one per aggregate."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from backend.domain.conversation import Conversation
from backend.domain.ports import ConversationRepository, MessageLog
from backend.domain.profile import BirthProfile
from infrastructure.db.models import BirthProfileRow, ConversationRow, MessageRow, UserRow
from infrastructure.db.upsert import insert_ignoring_conflict


def _table(model: type[object]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def profile_from_row(row: BirthProfileRow) -> BirthProfile:
    """Domain profile from its row."""
    return BirthProfile(
        id=row.id,
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

    def __init__(self, session: Session) -> None:
        self._session = session
        self._rows: dict[int, tuple[UserRow, ConversationRow]] = {}

    def lock(self, phone: str, now: datetime, initial_state: str, flow: str) -> Conversation:
        found = self._select_locked(phone)
        if found is None:
            self._create(phone, now, initial_state, flow)
            found = self._select_locked(phone)
            assert found is not None
        user, conv, profile = found
        self._rows[user.id] = (user, conv)
        return Conversation(
            user_id=user.id,
            phone=user.phone,
            flow=conv.flow,
            state=conv.state,
            language=user.language,
            context=copy.deepcopy(conv.context or {}),
            version=conv.version,
            last_inbound_at=user.last_inbound_at,
            profile=profile_from_row(profile) if profile is not None else None,
        )

    def save(self, conversation: Conversation) -> None:
        user, conv = self._rows[conversation.user_id]
        now = datetime.now(UTC)
        if conversation.new_profile is not None:
            user.profile_id = self._insert_profile(conversation.user_id, conversation.new_profile)
            conversation.new_profile = None
        user.language = conversation.language
        user.last_inbound_at = conversation.last_inbound_at
        conv.flow = conversation.flow
        conv.state = conversation.state
        conv.context = copy.deepcopy(conversation.context)
        conv.updated_at = now
        self._session.flush()
        conversation.version = conv.version

    def _select_locked(
        self, phone: str
    ) -> tuple[UserRow, ConversationRow, BirthProfileRow | None] | None:
        stmt = (
            select(UserRow, ConversationRow, BirthProfileRow)
            .join(ConversationRow, ConversationRow.user_id == UserRow.id)
            .outerjoin(BirthProfileRow, BirthProfileRow.id == UserRow.profile_id)
            .where(UserRow.phone == phone)
            .with_for_update(of=[UserRow, ConversationRow])
        )
        row = self._session.execute(stmt).one_or_none()
        return None if row is None else (row[0], row[1], row[2])

    def _create(self, phone: str, now: datetime, initial_state: str, flow: str) -> None:
        insert_ignoring_conflict(
            self._session, _table(UserRow), {"phone": phone, "created_at": now}, ["phone"]
        )
        user_id = self._session.scalar(select(UserRow.id).where(UserRow.phone == phone))
        values: dict[str, object] = {
            "user_id": user_id,
            "flow": flow,
            "state": initial_state,
            "context": {},
            "version": 0,
            "created_at": now,
            "updated_at": now,
        }
        insert_ignoring_conflict(self._session, _table(ConversationRow), values, ["user_id"])

    def _insert_profile(self, user_id: int, profile: BirthProfile) -> int:
        row = BirthProfileRow(
            user_id=user_id,
            name=profile.name,
            birth_date=profile.birth_date,
            birth_time=profile.birth_time,
            place_label=profile.place_label,
            latitude=profile.latitude,
            longitude=profile.longitude,
            timezone=profile.timezone,
        )
        self._session.add(row)
        self._session.flush()
        return row.id


class SqlMessageLog(MessageLog):
    """Chat history; the unique MessageSid makes a redelivered webhook a no-op."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def record_inbound(self, user_id: int, message_sid: str, body: str, at: datetime) -> bool:
        values: dict[str, object] = {
            "user_id": user_id,
            "direction": "in",
            "message_sid": message_sid,
            "body": body,
            "created_at": at,
        }
        return insert_ignoring_conflict(self._session, _table(MessageRow), values, ["message_sid"])

    def record_outbound(self, user_id: int, bodies: list[str], at: datetime) -> None:
        if bodies:
            self._session.execute(
                _table(MessageRow).insert(),
                [
                    {"user_id": user_id, "direction": "out", "body": b, "created_at": at}
                    for b in bodies
                ],
            )
