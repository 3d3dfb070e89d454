"""INSERT … ON CONFLICT DO NOTHING for the two backends we run on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignoring_conflict(
    session: Session, table: Table, values: dict[str, Any], conflict_on: list[str]
) -> bool:
    """Insert a row unless one with the same unique key exists; True when inserted.

    The unique index decides inside the database, so two concurrent callers can never both win.
    """
    dialect = session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    stmt = (
        module.insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=conflict_on)
        .returning(*table.primary_key.columns)
    )
    # RETURNING, not rowcount: the driver may report -1 for a skipped row.
    return session.execute(stmt).first() is not None
