"""One JSON log line per request: request id, route, status, latency, the phone's hash if known.

Never the path (an admin path can hold a number), the query, the body or any header but
X-Request-Id, which is taken from the caller when sane and echoed in the response.
"""

from __future__ import annotations

import re
import time
import uuid

import structlog
from flask import Flask, Response, g, request

from backend.api import metrics
from backend.domain.phone import InvalidPhoneNumber, parse_e164, phone_hash

REQUEST_ID = "X-Request-Id"
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# Load balancers and Prometheus call these every few seconds: DEBUG, unless they fail.
_ROUTINE = frozenset({"/healthz", "/readyz", "/metrics"})
# Where the user's number is in the form: Twilio posts it as From (messages) or To (status).
_PHONE_FIELD = {"/webhooks/twilio/whatsapp": "From", "/webhooks/twilio/status": "To"}

log = structlog.get_logger("boloastro.request")


def install(app: Flask) -> None:
    """Add the hooks; call first, so they time and log whatever later hooks decide."""
    app.before_request(_begin)
    app.after_request(_finish)
    app.teardown_request(_forget)


def _begin() -> None:
    structlog.contextvars.clear_contextvars()
    given = request.headers.get(REQUEST_ID, "")
    g.request_id = given if _SANE_ID.fullmatch(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()
    structlog.contextvars.bind_contextvars(request_id=g.request_id)


def _finish(response: Response) -> Response:
    now = time.perf_counter()
    seconds = now - g.get("request_started", now)
    route = request.url_rule.rule if request.url_rule is not None else None
    response.headers[REQUEST_ID] = g.get("request_id") or uuid.uuid4().hex
    metrics.observe(route, response, seconds)
    fields: dict[str, object] = {
        "method": request.method,
        "route": route or "unmatched",
        "status": response.status_code,
        "latency_ms": round(seconds * 1000, 2),
    }
    tag = _phone_tag(route, response.status_code)
    if tag is not None:
        fields["phone_hash"] = tag
    routine = route in _ROUTINE and response.status_code < 400
    (log.debug if routine else log.info)("request", **fields)
    return response


def _forget(exc: BaseException | None) -> None:
    structlog.contextvars.clear_contextvars()


def _phone_tag(route: str | None, status: int) -> str | None:
    """The hash of the number this request is about, when it carries a valid one."""
    text = (request.view_args or {}).get("phone")
    if isinstance(text, str):  # an admin path: "+" may have been dropped or sent as a space
        text = "+" + text.strip().lstrip("+")
    field = _PHONE_FIELD.get(route or "")
    if text is None and field is not None and status != 413:
        try:
            text = request.form.get(field)
        except Exception:  # an unreadable body has already been answered; no number then
            text = None
    if not isinstance(text, str):
        return None
    try:
        return phone_hash(parse_e164(text))
    except InvalidPhoneNumber:
        return None
