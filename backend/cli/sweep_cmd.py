"""`boloastro sweep retries|reconcile|expire`: one payment sweep, once (for cron)."""

from __future__ import annotations

import argparse
import json
import logging

from backend.bootstrap import bootstrap
from backend.cli.errors import CommandFailed
from backend.config import load_settings
from backend.domain.payments.gateway import GatewayError

SWEEPS = ("retries", "reconcile", "expire")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `sweep`."""
    parser = subparsers.add_parser("sweep", help="run one payment sweep once")
    parser.add_argument("name", choices=SWEEPS, help="which sweep")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run the sweep and print what it changed as one JSON line."""
    logging.basicConfig(level=logging.WARNING)
    services = bootstrap(load_settings())
    try:
        counts = services.sweeps[args.name]()
    except GatewayError as exc:
        raise CommandFailed(f"sweep {args.name}: payment gateway unavailable ({exc})") from None
    finally:
        services.close()
    print(json.dumps({"sweep": args.name, **counts}, sort_keys=True))
    return 0
