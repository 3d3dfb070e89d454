"""POST /webhooks/razorpay: a signed payment event; 200 only once it is recorded and applied."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, jsonify, request

from backend.api.errors import json_error
from backend.application.payments.receive_event import receive_payment_event
from backend.bootstrap import Services
from infrastructure.razorpay.webhook import BadWebhook

blueprint = Blueprint("razorpay", __name__)


@blueprint.post("/webhooks/razorpay")
def razorpay() -> Response | tuple[Response, int]:
    """Verify the signature over the raw bytes, then record and apply the event once."""
    services: Services = current_app.extensions["boloastro"]
    raw = request.get_data(cache=False)
    webhooks = services.razorpay_webhooks
    if not webhooks.verified(raw, request.headers.get("X-Razorpay-Signature")):
        return json_error(400, "bad_signature", "invalid or missing X-Razorpay-Signature")
    try:
        delivery = webhooks.read(raw, request.headers.get("X-Razorpay-Event-Id"))
    except BadWebhook as exc:
        return json_error(400, "bad_request", str(exc))
    status = receive_payment_event(
        delivery,
        services.unit_of_work(),
        services.fulfilment,
        services.payment_policy,
        datetime.now(UTC),
    )
    return jsonify({"status": status.value if status else "duplicate"})
