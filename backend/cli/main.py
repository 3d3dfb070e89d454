"""`boloastro`: the one command line for operators and developers."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from backend.cli import (
    admin_key_cmd,
    chart_cmd,
    chat_cmd,
    migrate_cmd,
    milan_cmd,
    serve_cmd,
    sweep_cmd,
    worker_cmd,
)
from backend.cli.errors import CommandFailed, UsageFailure
from backend.config import ConfigError


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad input as one line (UsageFailure), not usage plus an error."""

    def error(self, message: str) -> NoReturn:
        raise UsageFailure(message)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every sub-command registered."""
    parser = _Parser(prog="boloastro", description="BoloAstro: Vedic astrology on WhatsApp.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    modules = (
        serve_cmd,
        migrate_cmd,
        chat_cmd,
        chart_cmd,
        milan_cmd,
        worker_cmd,
        sweep_cmd,
        admin_key_cmd,
    )
    for module in modules:
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; bad input or settings → one line on stderr and exit code 2."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.handler(args))
    except (UsageFailure, ConfigError) as exc:
        print(f"boloastro: {exc}", file=sys.stderr)
        return 2
    except CommandFailed as exc:
        print(f"boloastro: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
