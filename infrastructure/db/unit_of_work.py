"""The SQLAlchemy unit of work: one connection, one transaction, undone unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, RootTransaction
from sqlalchemy.exc import DBAPIError, OperationalError

from backend.domain.ports import UnitOfWork
from infrastructure.db.erasure import SqlPrivacyStore
from infrastructure.db.ledger_store import SqlLedgerStore
from infrastructure.db.order_repository import SqlOrderRepository
from infrastructure.db.outbox_store import SqlOutbox
from infrastructure.db.payment_event_log import SqlPaymentEventLog
from infrastructure.db.repositories import SqlConversationRepository, SqlMessageLog
from infrastructure.db.user_directory import SqlUserDirectory
from infrastructure.db.write_tracking import wrote


class StorageUnavailable(Exception):
    """The database could not be reached; callers answer 503 so the sender retries."""


class SqlAlchemyUnitOfWork(UnitOfWork):
    """Opens a connection and a transaction on enter; ends what was not committed on exit."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._conn: Connection | None = None
        self._tx: RootTransaction | None = None

    def __enter__(self) -> Self:
        try:
            self._conn = self._engine.connect()
            self._tx = self._conn.begin()
        except DBAPIError as exc:
            raise StorageUnavailable(str(exc.orig)) from exc
        self.users = SqlUserDirectory(self._conn)
        self.conversations = SqlConversationRepository(self._conn, self.users)
        self.messages = SqlMessageLog(self._conn)
        self.orders = SqlOrderRepository(self._conn, self.users)
        self.payment_events = SqlPaymentEventLog(self._conn)
        self.ledger = SqlLedgerStore(self._conn)
        self.outbox = SqlOutbox(self._conn)
        self.privacy = SqlPrivacyStore(self._conn)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._conn is not None
        try:
            if exc is None and not wrote(self._conn):
                self._end_unchanged()
            else:
                self.rollback()
        except DBAPIError:
            pass  # the connection is gone; the original error below says why
        finally:
            self._conn.close()
            self._conn = self._tx = None
        if isinstance(exc, DBAPIError) and _is_connection_error(exc):
            raise StorageUnavailable(str(exc.orig)) from exc

    @property
    def connection(self) -> Connection:
        """The open connection (only inside `with`)."""
        assert self._conn is not None, "unit of work used outside `with`"
        return self._conn

    def commit(self) -> None:
        assert self._tx is not None, "unit of work used outside `with`"
        self._tx.commit()

    def rollback(self) -> None:
        if self._tx is not None and self._tx.is_active:
            self._tx.rollback()

    def _end_unchanged(self) -> None:
        # Nothing changed, so COMMIT leaves the data as ROLLBACK would, and unlike ROLLBACK
        # it keeps the connection's prepared statements (see write_tracking).
        if self._tx is not None and self._tx.is_active:
            self._tx.commit()


def _is_connection_error(exc: DBAPIError) -> bool:
    return bool(exc.connection_invalidated) or isinstance(exc, OperationalError)
