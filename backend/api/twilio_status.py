"""POST /webhooks/twilio/status: Twilio reports what became of a message we sent."""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app, jsonify, request

from backend.api.errors import json_error
from backend.api.twilio_webhook import verify_twilio
from backend.application.outbox_delivery import record_delivery_status
from backend.bootstrap import Services

blueprint = Blueprint("twilio_status", __name__)
# What Twilio sends: sids like SM…/MM…, statuses like "delivered", numeric error codes.
_SID = re.compile(r"^[A-Z]{2}[0-9a-zA-Z]{10,62}$")
_STATUS = re.compile(r"^[a-z_]{1,16}$")
_ERROR_CODE = re.compile(r"^[0-9]{1,16}$")


@blueprint.post("/webhooks/twilio/status")
def status() -> Response | tuple[Response, int]:
    """Record the delivery status; 200 for an unknown sid too, so Twilio stops retrying."""
    services: Services = current_app.extensions["boloastro"]
    if not verify_twilio(services):
        return json_error(403, "forbidden", "invalid Twilio signature")
    sid = request.form.get("MessageSid", "")
    state = request.form.get("MessageStatus", "")
    error_code = request.form.get("ErrorCode") or None
    if not (_SID.match(sid) and _STATUS.match(state)) or not _ERROR_CODE.match(error_code or "0"):
        return json_error(400, "bad_request", "MessageSid and MessageStatus are required")
    known = record_delivery_status(services.unit_of_work(), sid, state, error_code)
    return jsonify({"ok": True, "known": known})
