"""Every request under /admin/api/v1: limited per IP, a bearer admin key required, audited.

App-wide hooks (not the blueprint's) so a probe of an unknown admin path is refused and
audited like any other.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import Response, g, request

from backend.api.admin.blueprint import PREFIX, blueprint, services
from backend.api.errors import json_error
from backend.application.admin.keys import authenticate
from backend.domain.admin import AuditEntry
from backend.domain.phone import phone_hash
from backend.domain.rate_limit import Verdict

log = logging.getLogger(__name__)
REALM = 'Bearer realm="boloastro-admin"'
METRICS_PATH = "/metrics"
_MAX_QUERY_KEYS, _MAX_VALUE = 10, 64  # the audit keeps a small detail, not a copy


def note(**detail: object) -> None:
    """Add to what the audit line records about this call (ids, never a key or a number)."""
    g.admin_detail = {**g.get("admin_detail", {}), **detail}


def _is_admin(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def _bearer() -> str | None:
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return None
    return key.strip()


@blueprint.before_app_request
def _rate_limit() -> tuple[Response, int] | None:
    # Before the key check, so guessing keys is throttled too. /metrics shares the budget.
    if not (_is_admin(request.path) or request.path == METRICS_PATH):
        return None
    decision = services().rate_limits.admin.hit(request.remote_addr or "unknown")
    if decision.verdict is Verdict.UNAVAILABLE:  # fail closed: no limit, no admin API
        return json_error(503, "unavailable", "the rate limiter is unavailable; retry shortly")
    if not decision.limited:
        return None
    response, status = json_error(429, "rate_limited", "too many requests; slow down")
    response.headers["Retry-After"] = str(decision.retry_after_s)
    return response, status


@blueprint.before_app_request
def _require_key() -> tuple[Response, int] | None:
    if not _is_admin(request.path):
        return None
    g.admin_key = None
    context = services().admin
    if context is None:
        return json_error(503, "unavailable", "the admin API is not configured")
    presented = _bearer()
    g.admin_key = authenticate(context, presented) if presented else None
    if g.admin_key is not None:
        return None
    response, status = json_error(401, "unauthorized", "a valid admin key is required")
    challenge = REALM + (', error="invalid_token"' if presented else "")
    response.headers["WWW-Authenticate"] = challenge
    return response, status


@blueprint.after_app_request
def _audit(response: Response) -> Response:
    if not _is_admin(request.path):
        return response
    context = services().admin
    if context is None:
        return response
    entry = AuditEntry(
        key_name=g.get("admin_key"),
        method=request.method,
        path=_path(),
        status=response.status_code,
        detail=_detail() or None,
        at=datetime.now(UTC),
    )
    try:
        context.audit.record(entry)
    except Exception:  # the answer is already decided; say loudly that its record is missing
        log.exception("admin audit write failed for %s %s", entry.method, entry.path)
    return response


def _path() -> str:
    # A number in the path is kept as the route's pattern; its hash goes in the detail.
    view_args = request.view_args or {}
    if "phone" in view_args and request.url_rule is not None:
        return request.url_rule.rule
    return request.path


def _detail() -> dict[str, object]:
    detail: dict[str, object] = {}
    query = {
        key[:_MAX_VALUE]: _safe(key, value)
        for key, value in list(request.args.items())[:_MAX_QUERY_KEYS]
    }
    if query:
        detail["query"] = query
    for key, value in (request.view_args or {}).items():
        detail[key] = _safe(key, str(value)) if key == "phone" else value
    detail.update(g.get("admin_detail", {}))
    return detail


def _safe(key: str, value: str) -> str:
    if key != "phone":
        return value[:_MAX_VALUE]
    # Hashed as +digits, the form the tables hold, even when a query's "+" became a space.
    return "#" + phone_hash("+" + value.strip().lstrip("+"))
