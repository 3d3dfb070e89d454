"""POST /webhooks/twilio/whatsapp: Twilio delivers a WhatsApp message; we answer in TwiML."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request

from backend.api.errors import json_error
from backend.api.twiml import twiml
from backend.application.inbound_message import InboundMessage, handle_inbound_message
from backend.bootstrap import Services
from backend.domain.phone import InvalidPhoneNumber, parse_e164, phone_hash

log = logging.getLogger(__name__)
blueprint = Blueprint("twilio", __name__)

SORRY = "Sorry — something went wrong on our side. Please send your message again in a minute."


def signed_url(services: Services) -> str:
    """The URL Twilio signed: our public base URL, this path, and the query if any."""
    query = request.query_string.decode("latin-1")
    return f"{services.settings.public_base_url}{request.path}" + (f"?{query}" if query else "")


def verify_twilio(services: Services) -> bool:
    """Check X-Twilio-Signature before anything is read or stored."""
    signature = request.headers.get("X-Twilio-Signature", "")
    return services.twilio_signatures.is_valid(signed_url(services), request.form, signature)


@blueprint.post("/webhooks/twilio/whatsapp")
def whatsapp() -> Response | tuple[Response, int]:
    """Apply one inbound message and reply with TwiML."""
    services: Services = current_app.extensions["boloastro"]
    if not verify_twilio(services):
        return json_error(403, "forbidden", "invalid Twilio signature")
    try:
        message = InboundMessage(
            message_sid=request.form["MessageSid"],
            phone=parse_e164(request.form["From"]),
            body=request.form.get("Body", ""),
        )
    except (KeyError, InvalidPhoneNumber):
        return json_error(400, "bad_request", "MessageSid and a WhatsApp From are required")
    try:
        result = handle_inbound_message(
            message,
            services.unit_of_work(),
            services.gazetteer,
            services.flow_settings,
            services.shop,
        )
    except Exception:
        # The transaction rolled back, so nothing half-applied; ask the user to resend.
        log.exception("inbound message failed", extra={"phone": phone_hash(message.phone)})
        return twiml([SORRY])
    return twiml(result.replies)
