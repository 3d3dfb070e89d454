"""POST /webhooks/twilio/whatsapp: Twilio delivers a WhatsApp message; we answer in TwiML."""

from __future__ import annotations

import logging
import re

from flask import Blueprint, Response, current_app, request

from backend.api.errors import json_error
from backend.api.twiml import twiml
from backend.application.inbound_message import InboundMessage, handle_inbound_message
from backend.application.notices import notice_for
from backend.application.rate_limits import screen_inbound
from backend.bootstrap import Services
from backend.domain.phone import InvalidPhoneNumber, parse_e164, phone_hash

log = logging.getLogger(__name__)
blueprint = Blueprint("twilio", __name__)

MAX_MESSAGE_CHARS = 4096  # WhatsApp's own limit for a text message
# Twilio's sids: two capital letters and 32 hex digits; anything else is not from Twilio.
_SID = re.compile(r"\A[A-Z]{2}[0-9a-zA-Z]{10,62}\Z")
# C0 controls but tab/newline/CR, DEL, and the noncharacters XML cannot carry either:
# PostgreSQL refuses NUL in text, and an echoed name must stay well-formed TwiML.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def signed_url(services: Services) -> str:
    """The URL Twilio signed: our public base URL, this path, and the query if any."""
    query = request.query_string.decode("latin-1")
    return f"{services.settings.public_base_url}{request.path}" + (f"?{query}" if query else "")


def verify_twilio(services: Services) -> bool:
    """Check X-Twilio-Signature before anything is read or stored."""
    signature = request.headers.get("X-Twilio-Signature", "")
    return services.twilio_signatures.is_valid(signed_url(services), request.form, signature)


def _message_sid(value: str) -> str:
    """The MessageSid if it looks like Twilio's, else KeyError (a 400 like a missing one)."""
    if not _SID.match(value):
        raise KeyError("MessageSid")
    return value


def _clean(body: str) -> str:
    """The text without characters no database column or XML reply can hold."""
    return _UNPRINTABLE.sub("", body)


@blueprint.post("/webhooks/twilio/whatsapp")
def whatsapp() -> Response | tuple[Response, int]:
    """Apply one inbound message and reply with TwiML."""
    services: Services = current_app.extensions["boloastro"]
    if not verify_twilio(services):
        return json_error(403, "forbidden", "invalid Twilio signature")
    try:
        message = InboundMessage(
            message_sid=_message_sid(request.form["MessageSid"]),
            phone=parse_e164(request.form["From"]),
            body=_clean(request.form.get("Body", "")),
        )
    except (KeyError, InvalidPhoneNumber):
        return json_error(400, "bad_request", "MessageSid and a WhatsApp From are required")
    held = screen_inbound(message.phone, services.rate_limits.whatsapp, services.unit_of_work)
    if held is not None:  # over the sender's limit: not applied, no database write
        return twiml(held)
    if len(message.body) > MAX_MESSAGE_CHARS:
        # WhatsApp never sends more, so nothing is stored; the user still gets an answer.
        return twiml([notice_for("too_long", message.phone, services.unit_of_work)])
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
        return twiml([notice_for("try_again", message.phone, services.unit_of_work)])
    return twiml(result.replies)
