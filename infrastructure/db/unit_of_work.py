"""The SQLAlchemy unit of work: one connection, one transaction, undone unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, RootTransaction, text
from sqlalchemy.exc import DBAPIError, OperationalError

from backend.domain.ports import UnitOfWork
from infrastructure.db.erasure import SqlPrivacyStore
from infrastructure.db.ledger_store import SqlLedgerStore
from infrastructure.db.order_repository import SqlOrderRepository
from infrastructure.db.outbox_store import SqlOutbox
from infrastructure.db.payment_event_log import SqlPaymentEventLog
from infrastructure.db.repositories import SqlConversationRepository, SqlMessageLog
from infrastructure.db.user_directory import SqlUserDirectory

# No transaction id yet: the transaction has changed no row (nor locked one) so far.
_UNCHANGED = text("SELECT pg_current_xact_id_if_assigned() IS NULL")


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
            if exc is None and self._unchanged():
                self.commit()
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

    def _unchanged(self) -> bool:
        """True when the open PostgreSQL transaction has changed nothing, so may end in COMMIT.

        COMMIT then leaves the data as ROLLBACK would, but psycopg answers a ROLLBACK by
        forgetting every statement it prepared on the connection (it sends DEALLOCATE ALL).
        A webhook redelivery or a read ending in ROLLBACK every dozen transactions kept most
        statements from ever being prepared, so PostgreSQL parsed and planned them every time.
        """
        if self._conn is None or self._tx is None or not self._tx.is_active:
            return False
        if self._conn.dialect.name != "postgresql":
            return False  # the sqlite3 driver keeps its statement cache through a ROLLBACK
        return bool(self._conn.execute(_UNCHANGED).scalar())


def _is_connection_error(exc: DBAPIError) -> bool:
    return bool(exc.connection_invalidated) or isinstance(exc, OperationalError)
