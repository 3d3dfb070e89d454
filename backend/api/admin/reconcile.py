"""POST /admin/api/v1/reconcile: run the reconciliation sweep now."""

from __future__ import annotations

from flask import Response, jsonify

from backend.api.admin.blueprint import blueprint, services
from backend.application.admin.reconcile import run_reconcile


@blueprint.post("/reconcile")
def reconcile() -> Response:
    """What the sweep changed, as counts (503 when no sweep is wired)."""
    return jsonify({"changed": run_reconcile(services().sweeps)})
