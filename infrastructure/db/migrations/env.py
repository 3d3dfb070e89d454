"""Alembic environment: runs migrations on the connection or URL handed in by `migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from infrastructure.db import admin_models, payment_models  # noqa: F401  (register tables)
from infrastructure.db.engine import build_engine
from infrastructure.db.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Use the caller's connection when given one, else connect to the configured URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = build_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `boloastro migrate`")
run_migrations_online()
