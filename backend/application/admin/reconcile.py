"""Run the reconciliation sweep on an operator's request."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from backend.application.admin.errors import NotWired

RECONCILE = "reconcile"


def run_reconcile(sweeps: Mapping[str, Callable[[], dict[str, int]]]) -> dict[str, int]:
    """Run the reconcile sweep once and return its counts of what changed."""
    sweep = sweeps.get(RECONCILE)
    if sweep is None:
        raise NotWired("the reconciliation sweep is not configured in this process")
    return sweep()
