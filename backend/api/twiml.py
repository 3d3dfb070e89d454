"""TwiML replies, rendered with the official SDK."""

from __future__ import annotations

from flask import Response
from twilio.twiml.messaging_response import MessagingResponse


def twiml(messages: list[str]) -> Response:
    """One <Message> per reply, in order; an empty <Response/> for none."""
    response = MessagingResponse()
    for body in messages:
        response.message(body)
    return Response(str(response), status=200, mimetype="application/xml")
