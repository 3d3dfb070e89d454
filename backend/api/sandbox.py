"""Development only: the sandbox checkout page and the sandbox phone's delivered messages.

Registered by create_app only when PAYMENT_GATEWAY=sandbox outside production, so every
route here is a 404 in production.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from backend.api.errors import json_error
from backend.api.thanks import html_page
from backend.bootstrap import Services
from backend.domain.payments.money import format_inr
from backend.domain.phone import InvalidPhoneNumber, parse_e164
from infrastructure.sandbox.delivery import send_events
from infrastructure.sandbox.gateway import SandboxGateway
from infrastructure.sandbox.links import Charge, LinkNotPayable, SandboxLink, UnknownLink
from infrastructure.sandbox.payloads import failed_events, paid_events

blueprint = Blueprint("sandbox", __name__)
PAY_PATH = "/sandbox/pay/<link_id>"

_FORM = """<form method="post">
<p><label><input type="checkbox" name="chaos" value="1"> chaos: send every webhook twice,
in random order</label></p>
<button type="submit" name="action" value="pay">Pay</button>
<button type="submit" name="action" value="fail">Fail</button>
</form>
"""


@blueprint.get(PAY_PATH)
def checkout(link_id: str) -> Response:
    """The checkout page: amount, description, Pay and Fail."""
    link = _gateway().link(link_id)
    if link is None:
        return _unknown()
    title = f"Pay {format_inr(link.amount_paise)}"
    lines = [link.description, f"Sandbox payment link {link.link_id} — status: {link.status}."]
    return html_page(title, lines, raw_html=_FORM if link.status == "created" else "")


@blueprint.post(PAY_PATH)
def act(link_id: str) -> Response | tuple[Response, int]:
    """Pay or fail the link, then send the matching signed webhooks to this app."""
    action = request.form.get("action")
    if action not in ("pay", "fail"):
        return json_error(400, "bad_action", "action must be pay or fail")
    gateway = _gateway()
    try:
        charge = gateway.pay(link_id) if action == "pay" else gateway.fail(link_id)
    except UnknownLink:
        return _unknown()
    except LinkNotPayable as exc:
        lines = [f"This payment link is {exc.status}; nothing was charged."]
        return html_page(f"Link {exc.status}", lines, status=409)
    accepted = _send(charge, action == "pay", chaos=request.form.get("chaos") == "1")
    return _result(charge.link, action == "pay", accepted)


@blueprint.get("/sandbox/messages/<phone>")
def messages(phone: str) -> Response | tuple[Response, int]:
    """Proactive messages delivered to phone after the outbox id `after`, oldest first."""
    try:
        number, after = parse_e164(phone), int(request.args.get("after", "0"))
    except (InvalidPhoneNumber, ValueError):
        return json_error(400, "bad_request", "expects an E.164 phone and an integer after")
    services: Services = current_app.extensions["boloastro"]
    assert services.sandbox_phone is not None, "wired with the sandbox gateway"
    found = services.sandbox_phone.messages_after(number, max(after, 0))
    rows = [
        {"id": m.id, "kind": m.kind, "body": m.body, "media_url": m.media_url}
        | {"sent_at": m.sent_at.isoformat() if m.sent_at else None}
        for m in found
    ]
    return jsonify({"messages": rows})


def _gateway() -> SandboxGateway:
    """The sandbox gateway (this blueprint exists only when it is the configured one)."""
    gateway = current_app.extensions["boloastro"].payment_gateway
    assert isinstance(gateway, SandboxGateway), "sandbox routes need the sandbox gateway"
    return gateway


def _send(charge: Charge, paid: bool, *, chaos: bool) -> tuple[int, int]:
    """Post the charge's webhooks; (accepted with 2xx, sent)."""
    services: Services = current_app.extensions["boloastro"]
    poster = services.sandbox_webhook_poster
    if poster is None:
        return 0, 0
    events = paid_events(charge) if paid else failed_events(charge)
    secret = services.settings.razorpay_webhook_secret or ""
    codes = send_events(events, poster, secret, chaos=chaos)
    return sum(200 <= code < 300 for code in codes), len(codes)


def _result(link: SandboxLink, paid: bool, accepted: tuple[int, int]) -> Response:
    """The page after Pay or Fail."""
    amount = format_inr(link.amount_paise)
    webhooks = f"The app accepted {accepted[0]} of {accepted[1]} webhooks."
    if paid:
        return html_page("Paid — check WhatsApp", [f"You paid {amount}.", webhooks])
    return html_page("Payment failed", [f"The {amount} payment failed (sandbox).", webhooks])


def _unknown() -> Response:
    """The 404 for a link id the sandbox never issued."""
    return html_page("Unknown payment link", ["No sandbox link has this id."], status=404)
