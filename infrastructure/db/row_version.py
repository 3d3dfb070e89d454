"""An order row's version as locked and as the statement's snapshot saw it.

Under READ COMMITTED, a SELECT … FOR UPDATE that meets a row changed since the statement
began (it waited for the writer, or the writer committed just before) returns the row's
newest version, while every other row in the statement, joined or in a subquery, is still
read as of the statement's start. Comparing the locked version with the one the snapshot sees
tells whether rows read alongside the lock may be stale.

On PostgreSQL the version is `xmin`, the transaction that wrote that version of the row. On
SQLite both render as NULL, so they always match: BEGIN IMMEDIATE takes the one write lock
before the first read, and nothing can change under a reader there.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement


class LockedOrderVersion(ColumnElement[str]):
    """The version of the orders row the statement returns (and locks)."""

    # No state: the class alone is its cache key, so statements using it stay cacheable
    # (SQLAlchemy would otherwise compile them anew on every execution).
    _traverse_internals: ClassVar[list[Any]] = []
    inherit_cache = True
    type = String()


class SeenOrderVersion(ColumnElement[str]):
    """The version of the same orders row as the statement's snapshot sees it."""

    _traverse_internals: ClassVar[list[Any]] = []
    inherit_cache = True
    type = String()


@compiles(LockedOrderVersion)
@compiles(SeenOrderVersion)
def _no_versions(_element: Any, _compiler: Any, **_kw: Any) -> str:
    return "NULL"


@compiles(LockedOrderVersion, "postgresql")
def _locked_xmin(_element: Any, _compiler: Any, **_kw: Any) -> str:
    return "orders.xmin::text"


@compiles(SeenOrderVersion, "postgresql")
def _seen_xmin(_element: Any, _compiler: Any, **_kw: Any) -> str:
    # A subquery: evaluated against the statement's snapshot even when the lock returned a
    # newer version of the row.
    return "(SELECT seen.xmin::text FROM orders AS seen WHERE seen.id = orders.id)"
