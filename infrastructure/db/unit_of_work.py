"""The SQLAlchemy unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from backend.domain.ports import ConcurrentUpdate, UnitOfWork
from infrastructure.db.repositories import SqlConversationRepository, SqlMessageLog


class StorageUnavailable(Exception):
    """The database could not be reached; callers answer 503 so the sender retries."""


class SqlAlchemyUnitOfWork(UnitOfWork):
    """Opens a session on enter; closes it (rolling back anything uncommitted) on exit."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._session: Session | None = None

    def __enter__(self) -> Self:
        self._session = self._sessions()
        self.conversations = SqlConversationRepository(self._session)
        self.messages = SqlMessageLog(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        except DBAPIError:
            pass  # the connection is gone; the original error below says why
        finally:
            self._session.close()
            self._session = None
        if isinstance(exc, StaleDataError):
            raise ConcurrentUpdate(str(exc)) from exc
        if isinstance(exc, OperationalError | DBAPIError) and _is_connection_error(exc):
            raise StorageUnavailable(str(exc.orig)) from exc

    @property
    def session(self) -> Session:
        """The open session (only inside `with`)."""
        assert self._session is not None, "unit of work used outside `with`"
        return self._session

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


def _is_connection_error(exc: DBAPIError) -> bool:
    return bool(exc.connection_invalidated) or isinstance(exc, OperationalError)
