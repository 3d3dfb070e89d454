"""Admin keys (hashes only) and the audit log in SQL, and the unit of work with admin queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Self, cast

from sqlalchemy import Connection, Engine, Table, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from backend.domain.admin import AdminKey, AdminUnitOfWork, AuditEntry
from infrastructure.db.admin_models import AdminAuditRow, AdminKeyRow
from infrastructure.db.admin_queries import SqlAdminQueries
from infrastructure.db.unit_of_work import SqlAlchemyUnitOfWork, StorageUnavailable
from infrastructure.db.upsert import insert_ignoring_conflict

KEYS = cast(Table, AdminKeyRow.__table__)
AUDIT = cast(Table, AdminAuditRow.__table__)

_ALL_KEYS = select(KEYS.c.name, KEYS.c.key_sha256, KEYS.c.created_at, KEYS.c.revoked_at)
_KEYS_IN_ORDER = _ALL_KEYS.order_by(KEYS.c.id)
_KEY_NAMED = _ALL_KEYS.where(KEYS.c.name == bindparam("b_name"))
# Only a live key changes: the first revocation time is the one kept.
_REVOKE = (
    update(KEYS)
    .where(KEYS.c.name == bindparam("b_name"), KEYS.c.revoked_at.is_(None))
    .values(revoked_at=bindparam("b_at"))
)
_INSERT_AUDIT = insert(AUDIT)
_RECENT_AUDIT = (
    select(
        AUDIT.c.key_name, AUDIT.c.method, AUDIT.c.path, AUDIT.c.status, AUDIT.c.detail, AUDIT.c.at
    )
    .order_by(AUDIT.c.id.desc())
    .limit(bindparam("limit"))
)


@contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    """A short transaction of its own; an unreachable database is StorageUnavailable (503)."""
    try:
        with engine.begin() as conn:
            yield conn
    except DBAPIError as exc:
        if exc.connection_invalidated or isinstance(exc, OperationalError):
            raise StorageUnavailable(str(exc.orig)) from exc
        raise


class SqlAdminKeyStore:
    """AdminKeyStore on its own short transactions (read per request: revokes apply at once)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, name: str, key_sha256: str, at: datetime) -> bool:
        """Insert the key unless the name is taken (the unique index decides)."""
        values = {"name": name, "key_sha256": key_sha256, "created_at": at, "revoked_at": None}
        with _transaction(self._engine) as conn:
            return insert_ignoring_conflict(conn, KEYS, values, ("name",))

    def revoke(self, name: str, at: datetime) -> AdminKey | None:
        """Set revoked_at unless already set; the key as it now stands, or None if unknown."""
        with _transaction(self._engine) as conn:
            conn.execute(_REVOKE, {"b_name": name, "b_at": at})
            row = conn.execute(_KEY_NAMED, {"b_name": name}).first()
        return None if row is None else _key(row)

    def stored(self) -> list[AdminKey]:
        """Every stored key, oldest first."""
        with _transaction(self._engine) as conn:
            return [_key(row) for row in conn.execute(_KEYS_IN_ORDER)]


def _key(row: Any) -> AdminKey:
    return AdminKey(row.name, "db", row.key_sha256, row.created_at, row.revoked_at)


class SqlAdminAudit:
    """AdminAudit: each entry committed on its own, whatever happens to the call it records."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def record(self, entry: AuditEntry) -> None:
        """Append the entry."""
        values = {
            "key_name": entry.key_name,
            "method": entry.method[:8],
            "path": entry.path[:300],
            "status": entry.status,
            "detail": entry.detail,
            "at": entry.at,
        }
        with _transaction(self._engine) as conn:
            conn.execute(_INSERT_AUDIT, values)

    def recent(self, limit: int) -> list[AuditEntry]:
        """The newest entries, newest first."""
        with _transaction(self._engine) as conn:
            rows = conn.execute(_RECENT_AUDIT, {"limit": limit}).all()
        return [
            AuditEntry(row.key_name, row.method, row.path, row.status, row.detail, row.at)
            for row in rows
        ]


class SqlAdminUnitOfWork(SqlAlchemyUnitOfWork, AdminUnitOfWork):
    """The usual unit of work, plus the admin read models on the same connection."""

    def __enter__(self) -> Self:
        super().__enter__()
        self.admin = SqlAdminQueries(self.connection)
        return self
