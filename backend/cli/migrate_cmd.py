"""`boloastro migrate`: upgrade the database schema to the newest version."""

from __future__ import annotations

import argparse
import logging

from sqlalchemy.exc import SQLAlchemyError

from backend.cli.errors import CommandFailed
from backend.config import load_settings
from infrastructure.db.migrate import upgrade


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `migrate`."""
    parser = subparsers.add_parser("migrate", help="upgrade the database schema")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Apply every pending migration."""
    logging.basicConfig(level=logging.WARNING)
    settings = load_settings()
    try:
        upgrade(settings.database_url)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise CommandFailed(f"cannot migrate the database: {reason}") from None
    print("database schema is up to date")
    return 0
