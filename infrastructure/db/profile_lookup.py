"""Load a saved birth profile by id (for the media route, outside any conversation)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from backend.domain.profile import BirthProfile
from infrastructure.db.models import BirthProfileRow
from infrastructure.db.repositories import profile_from_row


class SqlProfileLookup:
    """ProfileLookup over the birth_profiles table; a short read-only session per call."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def __call__(self, profile_id: int) -> BirthProfile | None:
        # begin(): the read ends with COMMIT, which keeps the connection's prepared statements.
        with self._sessions.begin() as session:
            row = session.get(BirthProfileRow, profile_id)
            return None if row is None else profile_from_row(row, row.id)
