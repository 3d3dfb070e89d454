"""INSERT … ON CONFLICT DO NOTHING for the two backends we run on."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Executable, Table, bindparam
from sqlalchemy.dialects import postgresql, sqlite


def insert_ignoring_conflict(
    conn: Connection, table: Table, values: dict[str, Any], conflict_on: tuple[str, ...]
) -> bool:
    """Insert a row unless one with the same unique key exists; True when inserted.

    The unique index decides inside the database, so two concurrent callers can never both win.
    """
    stmt = insert_ignoring_conflict_statement(conn, table, values, conflict_on)
    # RETURNING, not rowcount: the driver may report -1 for a skipped row.
    return conn.execute(stmt, values).first() is not None


def insert_ignoring_conflict_statement(
    conn: Connection, table: Table, values: dict[str, Any], conflict_on: tuple[str, ...]
) -> Executable:
    """The INSERT … ON CONFLICT DO NOTHING RETURNING id for rows shaped like `values`."""
    return _statement(conn.dialect.name, table, tuple(values), conflict_on)


@lru_cache(maxsize=64)
def _statement(
    dialect: str, table: Table, columns: tuple[str, ...], conflict_on: tuple[str, ...]
) -> Executable:
    # Built once per shape: constructing the statement costs more than executing the cached one.
    module: Any = postgresql if dialect == "postgresql" else sqlite
    stmt: Executable = (
        module.insert(table)
        .values({name: bindparam(name) for name in columns})
        .on_conflict_do_nothing(index_elements=list(conflict_on))
        .returning(*table.primary_key.columns)
    )
    return stmt
