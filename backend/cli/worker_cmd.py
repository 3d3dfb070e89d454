"""`boloastro worker`: deliver the outbox and run the periodic sweeps until told to stop."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from backend.application.outbox_delivery import DeliveryReport, deliver_due
from backend.bootstrap import Services, bootstrap
from backend.cli.errors import CommandFailed
from backend.config import load_settings
from backend.logging_setup import configure_logging

log = logging.getLogger(__name__)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0.01 <= value <= 24 * 3600:
        raise argparse.ArgumentTypeError(f"must be between 0.01 and 86400 seconds, not {text}")
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `worker`."""
    parser = subparsers.add_parser("worker", help="deliver the outbox and run the sweeps")
    parser.add_argument("--once", action="store_true", help="one pass and every sweep, then exit")
    parser.add_argument("--poll-seconds", type=_seconds, default=2.0, metavar="S")
    parser.add_argument("--sweep-seconds", type=_seconds, default=60.0, metavar="S")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Deliver and sweep, once or until SIGTERM/SIGINT (the message in flight is finished)."""
    configure_logging()
    # The SDK logs every request's URL and headers at INFO: ten lines per message is noise.
    logging.getLogger("twilio.http_client").setLevel(logging.WARNING)
    services = bootstrap(load_settings())
    try:
        return (
            _once(services) if args.once else _loop(services, args.poll_seconds, args.sweep_seconds)
        )
    finally:
        services.close()


def _deliver(services: Services, stop: threading.Event | None = None) -> DeliveryReport:
    return deliver_due(
        services.unit_of_work,
        services.whatsapp_sender,
        services.delivery_policy,
        should_stop=stop.is_set if stop else lambda: False,
        jobs=services.fulfilment.run_job,
    )


def _once(services: Services) -> int:
    try:
        report = _deliver(services)
    except Exception as exc:
        raise CommandFailed(f"delivery failed: {type(exc).__name__}: {exc}") from None
    failed = [name for name, ok in run_sweeps(services.sweeps).items() if not ok]
    print(
        f"sent {report.sent}, retried {report.retried}, dead {report.dead}, "
        f"skipped {report.skipped}; sweeps {len(services.sweeps) - len(failed)} ok"
        + (f", failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


def _loop(services: Services, poll_s: float, sweep_s: float) -> int:
    with _stop_on_signals() as stop:
        log.info("worker started", extra={"poll_s": poll_s, "sweep_s": sweep_s})
        next_sweep = time.monotonic()
        while not stop.is_set():
            busy = False
            try:
                report = _deliver(services, stop)
                done = report.sent + report.retried + report.dead + report.skipped
                busy = done >= services.delivery_policy.batch_limit
            except Exception:  # the database may be back on the next poll
                log.exception("delivery pass failed")
            if time.monotonic() >= next_sweep and not stop.is_set():
                run_sweeps(services.sweeps)
                next_sweep = time.monotonic() + sweep_s
            if not busy:
                stop.wait(poll_s)
    log.info("worker stopped")
    return 0


def run_sweeps(sweeps: dict[str, Callable[[], dict[str, int]]]) -> dict[str, bool]:
    """Run each sweep once; one that fails is logged and never stops the others."""
    results: dict[str, bool] = {}
    for name, sweep in sweeps.items():
        try:
            counts = sweep()
        except Exception:
            log.exception("sweep %s failed", name)
            results[name] = False
            continue
        log.info("sweep %s: %s", name, counts)
        results[name] = True
    return results


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT; the previous handlers come back afterwards."""
    stop = threading.Event()

    def _handle(signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: stopping after the message in flight", signum)
        stop.set()

    previous = {sig: signal.signal(sig, _handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
