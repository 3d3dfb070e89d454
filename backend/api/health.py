"""Liveness and readiness for the load balancer."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, jsonify

log = logging.getLogger(__name__)
blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> Response:
    """The process is alive."""
    return jsonify({"status": "ok"})


@blueprint.get("/readyz")
def readyz() -> tuple[Response, int]:
    """The database (and Redis, when configured) answer; 503 otherwise."""
    checks = current_app.extensions["boloastro"].readiness_checks
    results: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:  # any failure means not ready; say which, not why in detail
            log.warning("readiness check %s failed: %s", name, type(exc).__name__)
            results[name] = "unavailable"
    ready = all(v == "ok" for v in results.values())
    body = {"status": "ready" if ready else "unavailable", "checks": results}
    return jsonify(body), 200 if ready else 503
