"""`boloastro serve`: the web app under gunicorn."""

from __future__ import annotations

import argparse
import logging

from backend.api.app import create_app
from backend.bootstrap import bootstrap
from backend.cli.errors import UsageFailure
from backend.cli.gunicorn_runner import gunicorn_options, run_gunicorn
from backend.config import load_settings
from backend.logging_setup import configure_logging


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `serve`."""
    parser = subparsers.add_parser("serve", help="run the web app under gunicorn")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check settings, wire services, then hand over to gunicorn."""
    if not 0 < args.port < 65536 or args.workers < 1 or args.threads < 1:
        raise UsageFailure("--port must be 1-65535; --workers and --threads at least 1")
    configure_logging()
    # transitions logs every callback at INFO: pure overhead on the hot path.
    logging.getLogger("transitions").setLevel(logging.WARNING)
    settings = load_settings()
    services = bootstrap(settings)
    app = create_app(services)
    logging.getLogger(__name__).info(
        "serving %s on http://%s:%s (%s mode)",
        "BoloAstro",
        args.host,
        args.port,
        settings.boloastro_env,
    )
    run_gunicorn(app, gunicorn_options(args.host, args.port, args.workers, args.threads))
    return 0
