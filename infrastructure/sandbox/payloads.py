"""Razorpay-format webhook bodies for a sandbox charge, shaped like the documented samples."""

from __future__ import annotations

from typing import Any

from infrastructure.sandbox.links import Charge, SandboxLink

ACCOUNT_ID = "acc_BoloSandbox001"


def paid_events(charge: Charge) -> list[dict[str, Any]]:
    """What Razorpay sends when a link is paid, in its usual order."""
    payment = _payment(charge, "captured")
    order = _order(charge.link)
    return [
        _envelope(charge, "payment.authorized", payment=_payment(charge, "authorized")),
        _envelope(charge, "payment.captured", payment=payment),
        _envelope(charge, "order.paid", payment=payment, order=order),
        _envelope(
            charge,
            "payment_link.paid",
            payment_link=_payment_link(charge),
            order=order,
            payment=payment,
        ),
    ]


def failed_events(charge: Charge) -> list[dict[str, Any]]:
    """What Razorpay sends when a payment on the link fails."""
    return [_envelope(charge, "payment.failed", payment=_payment(charge, "failed"))]


def _envelope(charge: Charge, event: str, **entities: dict[str, Any]) -> dict[str, Any]:
    """The outer event object."""
    return {
        "entity": "event",
        "account_id": ACCOUNT_ID,
        "event": event,
        "contains": list(entities),
        "payload": {name: {"entity": entity} for name, entity in entities.items()},
        "created_at": _unix(charge),
    }


def _payment(charge: Charge, status: str) -> dict[str, Any]:
    """A payment entity; Razorpay sends empty notes as [], and so do we."""
    link = charge.link
    failed = status == "failed"
    return {
        "id": charge.payment_id,
        "entity": "payment",
        "amount": link.amount_paise,
        "currency": link.currency,
        "status": status,
        "order_id": link.gateway_order_id,
        "invoice_id": None,
        "international": False,
        "method": "upi",
        "amount_refunded": 0,
        "refund_status": None,
        "captured": status == "captured",
        "description": f"#{link.gateway_order_id.removeprefix('order_')}",
        "vpa": "sandbox@upi",
        "email": "void@razorpay.com",
        "contact": link.customer_phone,
        "notes": [],
        "fee": 0 if failed else link.amount_paise * 2 // 100,
        "tax": 0,
        "error_code": "BAD_REQUEST_ERROR" if failed else None,
        "error_description": "Payment was unsuccessful" if failed else None,
        "error_source": "customer" if failed else None,
        "error_step": "payment_authorization" if failed else None,
        "error_reason": "payment_failed" if failed else None,
        "created_at": _unix(charge),
    }


def _order(link: SandboxLink) -> dict[str, Any]:
    """The gateway order behind the link, paid."""
    return {
        "id": link.gateway_order_id,
        "entity": "order",
        "amount": link.amount_paise,
        "amount_paid": link.amount_paise,
        "amount_due": 0,
        "currency": link.currency,
        "receipt": link.reference_id,
        "offer_id": None,
        "status": "paid",
        "attempts": 1,
        "notes": dict(link.notes),
        "created_at": int(link.created_at.timestamp()),
    }


def _payment_link(charge: Charge) -> dict[str, Any]:
    """The paid payment_link entity."""
    link = charge.link
    return {
        "accept_partial": False,
        "amount": link.amount_paise,
        "amount_paid": link.amount_paise,
        "cancelled_at": 0,
        "created_at": int(link.created_at.timestamp()),
        "currency": link.currency,
        "customer": {"contact": link.customer_phone},
        "description": link.description,
        "expire_by": int(link.expire_by.timestamp()),
        "expired_at": 0,
        "first_min_partial_amount": 0,
        "id": link.link_id,
        "notes": dict(link.notes),
        "notify": {"email": False, "sms": False},
        "order_id": link.gateway_order_id,
        "reference_id": link.reference_id,
        "reminder_enable": False,
        "reminders": [],
        "short_url": link.url,
        "status": "paid",
        "updated_at": _unix(charge),
        "upi_link": False,
        "user_id": "",
    }


def _unix(charge: Charge) -> int:
    """The charge's time in unix seconds, as Razorpay stamps events."""
    return int(charge.at.timestamp())
