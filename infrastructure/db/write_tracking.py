"""Whether the open transaction on a connection has changed a row.

A transaction that changed nothing can end with COMMIT instead of ROLLBACK: the data come out
the same, but psycopg answers every ROLLBACK by forgetting all it prepared on the connection
(it sends DEALLOCATE ALL). A webhook redelivery or a read ending in ROLLBACK every dozen
transactions kept most statements from ever being prepared: PostgreSQL parsed and planned
them on each call.

PostgreSQL only: psycopg's rowcount is the command tag, known once a statement returns, while
SQLite's driver counts the rows of an INSERT ... RETURNING only as they are fetched; an engine
without tracking always rolls back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

_WROTE = "boloastro.wrote"
_ROW_COUNTED = frozenset({"INSERT", "UPDATE", "DELETE"})


def track_writes(engine: Engine) -> None:
    """Note on each connection of a psycopg engine whether its transaction changed a row."""
    event.listen(engine, "begin", _forget)
    event.listen(engine, "after_cursor_execute", _note)


def wrote(conn: Connection) -> bool:
    """True unless every statement of the current transaction was a read or changed no row."""
    return bool(conn.info.get(_WROTE, True))


def _forget(conn: Connection) -> None:
    conn.info[_WROTE] = False


def _note(conn: Connection, cursor: Any, statement: str, *_: Any) -> None:
    verb = statement.lstrip()[:6].upper()
    if verb == "SELECT":
        return
    # An INSERT ... ON CONFLICT DO NOTHING that met its conflict, or an UPDATE or DELETE that
    # matched nothing, changed nothing. Anything else counts, a WITH too: its rowcount tells
    # the rows it returned, not the rows its parts changed.
    if cursor.rowcount != 0 or verb not in _ROW_COUNTED:
        conn.info[_WROTE] = True
