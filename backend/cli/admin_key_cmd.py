"""`boloastro admin-key create NAME` / `revoke NAME` / `list`: keys for the admin API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy.exc import SQLAlchemyError

from backend.application.admin.context import AdminContext
from backend.application.admin.errors import AdminError
from backend.application.admin.keys import create_key, list_keys, revoke_key
from backend.bootstrap import admin_context
from backend.cli.errors import CommandFailed, UsageFailure
from backend.config import load_settings
from infrastructure.db.engine import build_engine
from infrastructure.db.unit_of_work import StorageUnavailable

FINGERPRINT = 8  # hex digits of the hash `list` shows: enough to tell keys apart, no more


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `admin-key` with its three actions."""
    parser = subparsers.add_parser("admin-key", help="create, revoke or list admin API keys")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    create = actions.add_parser("create", help="make a key; it is printed once, only its hash kept")
    create.add_argument("name", help="1-64 of A-Z a-z 0-9 _ . -")
    create.set_defaults(handler=create_cmd)
    revoke = actions.add_parser("revoke", help="stop a key working (at the next request)")
    revoke.add_argument("name")
    revoke.set_defaults(handler=revoke_cmd)
    actions.add_parser("list", help="every key: name, source, created, revoked").set_defaults(
        handler=list_cmd
    )


def create_cmd(args: argparse.Namespace) -> int:
    """Print a new key on stdout (alone, so scripts can capture it) and a warning on stderr."""
    with _admin() as context:
        key = create_key(context, args.name, datetime.now(UTC))
    print(key)
    print(f"admin key {args.name!r} created; it will not be shown again", file=sys.stderr)
    return 0


def revoke_cmd(args: argparse.Namespace) -> int:
    """Revoke a stored key; revoking twice keeps the first time."""
    now = datetime.now(UTC)
    with _admin() as context:
        key = revoke_key(context, args.name, now)
    assert key.revoked_at is not None
    when = key.revoked_at.isoformat(timespec="seconds")
    already = key.revoked_at < now
    print(f"admin key {key.name!r} {'was already revoked' if already else 'revoked'} at {when}")
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    """One line per key; only a short fingerprint of each hash, never the hash."""
    with _admin() as context:
        keys = list_keys(context)
    rows = [("NAME", "SOURCE", "CREATED", "REVOKED", "FINGERPRINT")]
    for key in keys:
        created = key.created_at.isoformat(timespec="seconds") if key.created_at else "-"
        revoked = key.revoked_at.isoformat(timespec="seconds") if key.revoked_at else "-"
        rows.append((key.name, key.source, created, revoked, key.key_sha256[:FINGERPRINT]))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


@contextmanager
def _admin() -> Iterator[AdminContext]:
    """The admin ports on a short-lived engine; refusals become one line and exit code 2."""
    settings = load_settings()
    engine = build_engine(settings.database_url)
    try:
        yield admin_context(settings, engine)
    except AdminError as exc:
        raise UsageFailure(str(exc)) from None
    except (StorageUnavailable, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CommandFailed(f"database error (is it migrated?): {reason}") from None
    finally:
        engine.dispose()
